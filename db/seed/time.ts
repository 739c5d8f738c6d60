/** Times inside the generator are epoch milliseconds (UTC); rows get Date objects only at the end. */
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** Mean length of a month, for monthly rates and billing steps. */
export const MONTH = 30.4375 * DAY;

/** Midnight UTC of a YYYY-MM-DD date, or null when the text is not a real calendar date. */
export function parseUtcDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? ms : null;
}

export function formatUtcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The same day of month `months` calendar months earlier or later (clamped by Date.UTC's overflow rules). */
export function addUtcMonths(ms: number, months: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate());
}

/** Moves a time to the start of its UTC day. */
export function startOfUtcDay(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}
