import { z } from 'zod';
import { isCalendarDay } from './dates';
import { recordId, type IdColumn } from './ids';
import { safeText } from './text';

/*
 * Field schemas shared by the forms of customer work. Each one's output is also a valid input, because the server
 * action parses a form and the service verb parses again what it is given (a verb is also called from elsewhere).
 */

export function requiredText(what: string, max: number) {
  return safeText({ error: `Enter ${what}.` })
    .trim()
    .min(1, { error: `Enter ${what}.` })
    .max(max, { error: `Use at most ${max} characters.` });
}

/** Free text that may be left empty: empty and missing become null. */
export function optionalText(max: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : value) || null,
    safeText()
      .max(max, { error: `Use at most ${max} characters.` })
      .nullable(),
  );
}

/** An HTML checkbox: present ("on") means true, absent means false. */
export const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean());

/** A calendar day (YYYY-MM-DD, as an <input type="date"> sends it), or null when left empty. */
export const optionalDay = z.preprocess(
  (value) => value || null,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Enter a date.' })
    .refine(isCalendarDay, { error: 'Enter a real calendar date.' })
    .nullable(),
);

/** Sentinel of a select's "nothing chosen" option. */
export function emptyToNull(value: unknown): unknown {
  return value === '' || value === undefined ? null : value;
}

/** A required choice of a record in a select whose first option is an empty "Choose …". */
export function chosenId(what: string, column: IdColumn, missing: string) {
  return z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.custom<unknown>((value) => value !== undefined, { error: missing }).pipe(recordId(what, column)),
  );
}

/**
 * What callers may pass to a verb that parses its input itself: any subset of the schema's input (a form leaves out
 * unchecked boxes and empty fields); what is required is enforced by the parse, with field errors.
 */
export type VerbInput<S extends z.ZodType> = { [K in keyof z.input<S>]?: z.input<S>[K] };
