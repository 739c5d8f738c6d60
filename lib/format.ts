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

/** Money is stored as integer minor units; this is the only place it becomes a decimal, for display. */
export function formatMoney(cents: number, currency: string): string {
  const format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

export function formatDateTime(value: Date): string {
  return `${dateTimeFormat.format(value)} UTC`;
}
