import { asc, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { LIFECYCLE_STAGES } from '@/lib/customers/vocabulary';
import { isInstant } from '@/lib/validation/dates';
import { hasControlCharacters } from '@/lib/validation/text';

/**
 * Sort keys of the keyset pager. A key travels in the page cursor as text, exactly as PostgreSQL printed it
 * (timestamps with their microseconds, which a JavaScript Date would lose), and goes back in cast to its type.
 */
export type KeyType = 'text' | 'bigint' | 'int' | 'timestamptz' | 'lifecycle_stage';
/** A column, or an expression such as a rank, with the type its cursor text is cast back to. */
export type KeyColumn = { column: AnyColumn | SQL; type: KeyType };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Whether a cursor value can be cast to the key's type: a malformed link must not reach PostgreSQL as an error. */
export function isValidKeyValue(type: KeyType, value: string): boolean {
  switch (type) {
    case 'text':
      return !hasControlCharacters(value);
    case 'bigint':
      return /^-?\d{1,18}$/.test(value);
    case 'int':
      return /^-?\d{1,9}$/.test(value);
    case 'timestamptz':
      return TIMESTAMP.test(value) && isInstant(value);
    case 'lifecycle_stage':
      return (LIFECYCLE_STAGES as readonly string[]).includes(value);
  }
}

export function validKey(keys: readonly KeyColumn[], values: readonly string[]): boolean {
  return values.length === keys.length && keys.every((k, i) => isValidKeyValue(k.type, values[i]));
}

/** The key as the text the cursor carries. */
export function keyText(key: KeyColumn): SQL<string> {
  return key.type === 'timestamptz'
    ? sql<string>`to_char(${key.column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql<string>`${key.column}::text`;
}

export function typedValue(type: KeyType, value: string): SQL {
  // The type names come from the KeyType allow-list above, never from input.
  return sql`${value}::${sql.raw(type)}`;
}

/**
 * `(k1, k2, ...) > (v1, v2, ...)` (or `<`): a row comparison that matches a (k1, k2, ...) index, so that the page is an
 * index range scan from the cursor whatever its depth.
 */
export function beyondKey(keys: readonly KeyColumn[], values: readonly string[], direction: 'asc' | 'desc'): SQL {
  const columns = sql.join(
    keys.map((k) => sql`${k.column}`),
    sql`, `,
  );
  const position = sql.join(
    keys.map((k, i) => typedValue(k.type, values[i])),
    sql`, `,
  );
  return direction === 'asc' ? sql`(${columns}) > (${position})` : sql`(${columns}) < (${position})`;
}

export function orderByKeys(keys: readonly KeyColumn[], direction: 'asc' | 'desc'): SQL[] {
  return keys.map((k) => (direction === 'asc' ? asc(k.column) : desc(k.column)));
}

/** Selection entries k0, k1, ... holding each key as text. */
export function keySelection(keys: readonly KeyColumn[]): Record<string, SQL<string>> {
  return Object.fromEntries(keys.map((k, i) => [`k${i}`, keyText(k)]));
}

export function keyValuesOf(row: Record<string, unknown>, count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(row[`k${i}`]));
}

export function flip(direction: 'asc' | 'desc'): 'asc' | 'desc' {
  return direction === 'asc' ? 'desc' : 'asc';
}
