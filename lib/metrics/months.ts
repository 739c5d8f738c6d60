/**
 * Calendar months in UTC as integer indexes (year * 12 + month - 1), the key of every monthly rollup: integers
 * compare, subtract and group faster than dates, and month k of a cohort is just `month - cohort`.
 */
export type Month = number;

export function monthOf(ms: number): Month {
  const date = new Date(ms);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** Midnight UTC of the month's first day; the end of month m is the start of month m + 1. */
export function monthStart(month: Month): number {
  // setUTCFullYear, because Date.UTC reads years 0-99 as 1900-1999.
  return new Date(Date.UTC(2000, month % 12, 1)).setUTCFullYear(Math.floor(month / 12));
}

export function formatMonth(month: Month): string {
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** The month of a 'YYYY-MM' text, or null when it is not one (there is no year 0). */
export function parseMonth(text: string): Month | null {
  const match = /^(?!0000)(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
}

/** from..to inclusive; empty when from > to. */
export function monthsBetween(from: Month, to: Month): Month[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
