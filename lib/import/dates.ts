import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import utc from 'dayjs/plugin/utc';

dayjs.extend(customParseFormat);
dayjs.extend(utc);

// ISO 8601 date, or date-time with an optional zone; a time without a zone is taken as UTC.
const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses a date cell: ISO 8601 by default, or strictly by a format such as `M/D/YYYY H:mm` (dayjs tokens, read as
 * UTC). Impossible dates (Feb 30, month 13) are refused rather than rolled over.
 */
export function parseDate(text: string, format?: string): Date | null {
  const s = text.trim();
  if (!s) return null;
  if (format) {
    const parsed = dayjs.utc(s, format, true);
    return parsed.isValid() ? parsed.toDate() : null;
  }
  if (!ISO.test(s)) return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(s) && s.length > 10;
  const parsed = hasZone ? dayjs(s) : dayjs.utc(s.replace(' ', 'T'));
  if (!parsed.isValid()) return null;
  // dayjs rolls "2025-02-30" over to March; refuse dates whose calendar day does not survive the round trip.
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return parsed.toDate();
}
