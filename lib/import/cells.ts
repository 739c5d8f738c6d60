import { z } from 'zod';
import { parseBoolean } from './booleans';
import { isoDay, parseDate } from './dates';
import { parseMoneyToMinor, parseNumber, type NumberLocale } from './numbers';

/** How cells are read: set per import by the user (locale, date format). */
export type CellOptions = {
  locale: NumberLocale;
  dateFormat?: string;
  /** The clock dates are checked against (default: the time the row is read); tests fix it. */
  now?: Date;
};

/**
 * Dates after this are in the future: a day of leeway, because a date without a zone is read as UTC and the file may
 * come from a zone up to 14 hours ahead.
 */
export function latestDate(options: CellOptions): Date {
  return new Date((options.now ?? new Date()).getTime() + 86_400_000);
}

const blank = (s: string) => s.trim() === '';

/** Optional text: trimmed, empty as null. */
export const optionalText = (max = 500) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(max, { error: `Use at most ${max} characters.` }))
    .transform((s) => s || null);

export const requiredText = (max = 200) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'Required; this cell is empty.' })
        .max(max, { error: `Use at most ${max} characters.` }),
    );

/** A date cell; business data only records what has happened, so a date in the future is refused. */
export const optionalDate = (options: CellOptions) => {
  const latest = latestDate(options);
  return z.string().transform((s, ctx) => {
    if (blank(s)) return null;
    const date = parseDate(s, options.dateFormat);
    if (!date) {
      const expected = options.dateFormat
        ? `in the format ${options.dateFormat}`
        : 'as YYYY-MM-DD or an ISO date-time (or set the date format of the file)';
      ctx.addIssue({ code: 'custom', message: `"${s.trim()}" is not a valid date ${expected}.` });
      return z.NEVER;
    }
    if (date > latest) {
      ctx.addIssue({
        code: 'custom',
        message: `"${s.trim()}" is in the future (${isoDay(date)}); only what has happened can be imported.`,
      });
      return z.NEVER;
    }
    return date;
  });
};

export const requiredDate = (options: CellOptions) =>
  optionalDate(options).refine((d) => d !== null, { error: 'Required; this cell is empty.' }) as z.ZodType<
    Date,
    string
  >;

export const optionalNumber = (options: CellOptions, { min }: { min?: number } = {}) =>
  z.string().transform((s, ctx) => {
    if (blank(s)) return null;
    const n = parseNumber(s, options.locale);
    if (n === null || !Number.isFinite(n)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${s.trim()}" is not a number${options.locale === 'pt-BR' ? ' (pt-BR: 1.234,56)' : ''}.`,
      });
      return z.NEVER;
    }
    if (min !== undefined && n < min) {
      ctx.addIssue({ code: 'custom', message: `Must be ${min} or more.` });
      return z.NEVER;
    }
    return n;
  });

export const optionalBoolean = () =>
  z.string().transform((s, ctx) => {
    if (blank(s)) return null;
    const b = parseBoolean(s);
    if (b === null) {
      ctx.addIssue({ code: 'custom', message: `"${s.trim()}" is not yes/no, true/false or 1/0.` });
      return z.NEVER;
    }
    return b;
  });

export const currencyCode = () =>
  z
    .string()
    .transform((s) => s.trim().toUpperCase() || 'USD')
    .pipe(z.string().regex(/^[A-Z]{3}$/, { error: 'Use a three-letter currency code such as USD or BRL.' }));

/**
 * Money in minor units of the row's currency. Parsed after the currency is known, so it is a row-level step:
 * returns the cents or an error message.
 */
export function moneyCell(
  text: string | undefined,
  currency: string,
  options: CellOptions,
  { required, allowNegative }: { required: boolean; allowNegative: boolean },
): { value: number | null } | { error: string } {
  if (text === undefined || blank(text)) return required ? { error: 'Required; this cell is empty.' } : { value: null };
  const cents = parseMoneyToMinor(text, options.locale, currency);
  if (cents === null)
    return { error: `"${text.trim()}" is not an amount${options.locale === 'pt-BR' ? ' (pt-BR: 1.234,56)' : ''}.` };
  if (!allowNegative && cents < 0) return { error: 'Must not be negative.' };
  return { value: cents };
}

/** An unmapped customer column kept as a typed attribute: boolean words, then numbers, else text; blank is null. */
export function attributeValue(text: string, options: CellOptions): string | number | boolean | null {
  const s = text.trim();
  if (!s) return null;
  if (/^(yes|no|true|false)$/i.test(s)) return parseBoolean(s);
  const n = parseNumber(s, options.locale);
  return n !== null && Number.isFinite(n) ? n : s;
}
