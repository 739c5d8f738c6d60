import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import utc from 'dayjs/plugin/utc';

dayjs.extend(customParseFormat);
dayjs.extend(utc);

// ISO 8601 date, or date-time with an optional zone; a time without a zone is taken as UTC.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|([+-])(\d{2}):?(\d{2}))?)?$/;

/**
 * An ISO cell read field by field rather than through dayjs: imports parse millions of them. Impossible dates
 * (Feb 30, month 13, hour 24) are refused rather than rolled over.
 */
function parseIso(s: string): Date | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  // Years before 1000 are typos in business data (and Date.UTC would read 0-99 as 1900-1999).
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return null;
  let time = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (m[9]) {
    const offsetHours = Number(m[10]);
    const offsetMinutes = Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    time -= (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return new Date(time);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Parses a date cell: ISO 8601 by default, or strictly by a format such as `M/D/YYYY H:mm` (dayjs tokens, read as
 * UTC).
 */
export function parseDate(text: string, format?: string): Date | null {
  const s = text.trim();
  if (!s) return null;
  if (!format) return parseIso(s);
  const parsed = dayjs.utc(s, format, true);
  return parsed.isValid() ? parsed.toDate() : null;
}

/** A date as YYYY-MM-DD (UTC), for messages about cells. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
