import { z } from 'zod';

/*
 * Dates and instants as URLs, forms, cursors and the command line give them. JavaScript's Date is no check: it reads
 * 2026-02-30 as 2 March and year 0000 as 1 BC, which PostgreSQL refuses ("date/time field value out of range"), so a
 * hand-edited link would fail the request instead of the field. Years run from 0001 to 9999, as in ISO 8601 and
 * PostgreSQL.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?Z$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whether YYYY-MM-DD names a real day (no 30 February, no year 0). */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Whether text is a real UTC instant, YYYY-MM-DDTHH:MM[:SS[.ffffff]]Z. */
export function isInstant(text: string): boolean {
  const match = INSTANT.exec(text);
  if (!match) return false;
  const [hour, minute, second] = [match[4], match[5], match[6] ?? '0'].map(Number);
  return isRealDay(Number(match[1]), Number(match[2]), Number(match[3])) && hour <= 23 && minute <= 59 && second <= 59;
}

/** A UTC calendar day as YYYY-MM-DD. */
export const calendarDaySchema = z
  .string()
  .regex(DAY, { error: 'Use a date as YYYY-MM-DD.' })
  .refine(isCalendarDay, { error: 'That date does not exist.' });
