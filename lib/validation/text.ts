import { z } from 'zod';

/**
 * Text from forms, URLs, JSON bodies and the command line. Control characters other than tab and line breaks are
 * refused as a field error: nobody types them, and PostgreSQL refuses a NUL byte in text and JSON, which would fail
 * the whole request (or cut a download short) instead of naming the field.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export const CONTROL_CHARACTERS = 'Remove the control characters (such as a NUL byte) from this text.';

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** A string without control characters; `params` as z.string() takes them (e.g. the message for a missing value). */
export function safeText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((text) => !hasControlCharacters(text), { error: CONTROL_CHARACTERS });
}
