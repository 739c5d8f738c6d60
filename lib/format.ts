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

const pluralRules = new Intl.PluralRules(LOCALE);

/** "1 customer", "1,331 customers": a count with its noun in the form the count takes (`other` for irregular plurals). */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${formatCount(count)} ${pluralRules.select(count) === 'one' ? one : other}`;
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** A file size in binary units as people read them in file managers: 948 KB, 1.2 GB. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(value)} ${BYTE_UNITS[unit]}`;
}

// Building an Intl.NumberFormat costs ~0.1 ms, far more than using one: a list page formats hundreds of amounts.
const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>();

function moneyFormat(currency: string) {
  let entry = moneyFormats.get(currency);
  if (!entry) {
    const format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
    entry = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    moneyFormats.set(currency, entry);
  }
  return entry;
}

/** Money is stored as integer minor units; this is the only place it becomes a decimal, for display. */
export function formatMoney(cents: number, currency: string): string {
  const { format, digits } = moneyFormat(currency);
  return format.format(cents / 10 ** digits);
}

const compactFormats = new Map<string, Intl.NumberFormat>();

/**
 * Money for a card: whole units below 10,000 ("$1,582"), three significant digits above ("$71.9K", "$2.11M"). Tables
 * keep formatMoney's exact amounts.
 */
export function formatCompactMoney(cents: number, currency: string): string {
  const exact = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
  const units = cents / 10 ** (exact.resolvedOptions().maximumFractionDigits ?? 2);
  if (Math.abs(units) < 10_000)
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits: 0 }).format(units);
  let format = compactFormats.get(currency);
  if (!format)
    compactFormats.set(
      currency,
      (format = new Intl.NumberFormat(LOCALE, {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumSignificantDigits: 3,
      })),
    );
  return format.format(units);
}

export function formatDateTime(value: Date): string {
  return `${dateTimeFormat.format(value)} UTC`;
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

/** A calendar day in UTC, e.g. "Mar 3, 2026". */
export function formatDate(value: Date): string {
  return dateFormat.format(value);
}

const relativeFormat = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago", "in 2 hours", "now": the largest whole unit between `value` and `now`. */
export function formatRelative(value: Date, now: Date): string {
  const diff = value.getTime() - now.getTime();
  for (const [unit, ms] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= ms) return relativeFormat.format(Math.trunc(diff / ms), unit);
  }
  return 'now';
}

/** A count that is an estimate, rounded to what it can claim ("about 1,000,000"); exact counts print as they are. */
export function formatApproximateCount(value: number, exact: boolean): string {
  if (exact) return formatCount(value);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, value))) - 1);
  return `about ${formatCount(Math.round(value / magnitude) * magnitude)}`;
}
