import { sql, type SQL } from 'drizzle-orm';

/**
 * The UTC month index (year * 12 + month - 1) of a timestamptz expression, as lib/metrics/months.ts counts.
 * date_part (double precision) rather than extract (numeric): the same value, at half the cost over millions of rows.
 */
export function monthIndex(timestamp: SQL): SQL {
  return sql`(date_part('year', (${timestamp}) at time zone 'UTC')::int * 12 + date_part('month', (${timestamp}) at time zone 'UTC')::int - 1)`;
}

/** Midnight UTC of a month index's first day, whatever the session time zone. */
export function monthStartAt(month: SQL | number): SQL {
  return sql`make_timestamptz((${month})::int / 12, (${month})::int % 12 + 1, 1, 0, 0, 0, 'UTC')`;
}

/** A whole number of days as an exact interval (24-hour days: no daylight-saving shifts in any session time zone). */
export function days(count: number): SQL {
  return sql`make_interval(hours => ${count}::int * 24)`;
}

/** node-postgres returns bigint and numeric as strings, PGlite as numbers: one conversion for both. */
export function numbersOf<K extends string>(row: Record<string, unknown>, keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, Number(row[key] ?? 0)])) as Record<K, number>;
}
