import { z } from 'zod';

/**
 * Record ids (and row versions) as URLs, forms, JSON bodies and the command line give them. Only the canonical
 * spelling is an id: decimal digits without a sign, leading zeros or whitespace ("1000", never "1e3", "0x5", " 5",
 * "+5" or "007"), positive and within the range of the column it is compared with, so that an id has one spelling
 * and never reaches PostgreSQL out of range. Numbers passed by code must be positive safe integers in range too.
 */

/** The largest value of each kind of id column: integer (users, views, import jobs) and bigint (customers, tasks, audit rows). */
export const ID_MAX = { int: 2_147_483_647, bigint: Number.MAX_SAFE_INTEGER } as const;
export type IdColumn = keyof typeof ID_MAX;

const CANONICAL = /^[1-9]\d{0,15}$/;

/** The id a value spells, or null when it is not a canonical id in the column's range. */
export function parseId(value: unknown, column: IdColumn): number | null {
  const id =
    typeof value === 'number' ? value : typeof value === 'string' && CANONICAL.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id > 0 && id <= ID_MAX[column] ? id : null;
}

function toId(column: IdColumn, message: string) {
  return (value: unknown, ctx: z.RefinementCtx): number => {
    const id = parseId(value, column);
    if (id !== null) return id;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
}

/** An id field of a form or a JSON body: "Unknown <what>." for anything that is not a canonical id. */
export function recordId(what: string, column: IdColumn, message = `Unknown ${what}.`) {
  return z.unknown().transform(toId(column, message));
}

/** The same for a URL search parameter, which is always text. */
export function idParam(what: string, column: IdColumn) {
  return z.string().transform(toId(column, `Unknown ${what}.`));
}

/** The row version a form was rendered with (optimistic concurrency; integer columns). */
export const versionField = z.unknown().transform(toId('int', 'Reload the page and try again.'));

/** A selected row as a form sends it, "id:version" (both canonical), or null. */
export function parseVersionedId(text: string, column: IdColumn): { id: number; version: number } | null {
  const [id, version, extra] = text.split(':');
  const row = { id: parseId(id, column), version: parseId(version, 'int') };
  return row.id !== null && row.version !== null && extra === undefined ? { id: row.id, version: row.version } : null;
}
