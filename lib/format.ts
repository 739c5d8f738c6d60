/**
 * Display formatting shared by pages. Fixed locale and UTC until the workspace time zone setting exists, so that
 * the server renders the same text whatever machine it runs on.
 */
const LOCALE = 'en-US';

const countFormat = new Intl.NumberFormat(LOCALE);

const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** Money is stored as integer minor units; this is the only place it becomes a decimal, for display. */
export function formatMoney(cents: number, currency: string): string {
  const format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

export function formatDateTime(value: Date): string {
  return `${dateTimeFormat.format(value)} UTC`;
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

export function formatDate(value: Date): string {
  return dateFormat.format(value);
}

/** A count that is an estimate, rounded to what it can claim ("about 1,000,000"); exact counts print as they are. */
export function formatApproximateCount(value: number, exact: boolean): string {
  if (exact) return formatCount(value);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, value))) - 1);
  return `about ${formatCount(Math.round(value / magnitude) * magnitude)}`;
}
