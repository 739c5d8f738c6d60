import { z } from 'zod';

/** Whether YYYY-MM-DD names a real day (no 30 February). */
export function isCalendarDay(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A UTC calendar day as YYYY-MM-DD; year 0 parses in JavaScript but is out of range for PostgreSQL. */
export const calendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date as YYYY-MM-DD.' })
  .refine((v) => isCalendarDay(v) && !v.startsWith('0000'), { error: 'That date does not exist.' });
