import 'server-only';
import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { AuditCursor } from '@/lib/validation/audit';

/** A position in a log read newest first: its time (with the database's microseconds, as text) and id. */
export type LogCursor = AuditCursor;
export type LogPageQuery = { after?: LogCursor; before?: LogCursor };
export type LogPage<E> = { entries: E[]; newer: LogCursor | null; older: LogCursor | null };

/** Midnight UTC starting a calendar day, `days` after the given one; computed by PostgreSQL, whose range is wider. */
export function utcMidnight(day: string, days = 0): SQL {
  return sql`((${day}::date + ${days}::int)::timestamp at time zone 'UTC')`;
}

/**
 * Keyset paging over a log with an index on (time desc, id desc): plain desc/asc orders so that the index is read
 * forwards or backwards, never sorted, and a row comparison that matches it, so that every page is an index range
 * scan, never OFFSET.
 */
export function logKeyset(time: PgColumn, id: PgColumn) {
  return {
    newestFirst: [desc(time), desc(id)],
    newestLast: [asc(time), asc(id)],
    // Postgres keeps microseconds and a JS Date only milliseconds: the cursor carries the exact value as text.
    position: sql<string>`to_char(${time} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    beyond(cursor: LogCursor, direction: 'older' | 'newer'): SQL {
      const at = sql`(${cursor.createdAt}::timestamptz, ${cursor.id}::bigint)`;
      return direction === 'older' ? sql`(${time}, ${id}) < ${at}` : sql`(${time}, ${id}) > ${at}`;
    },
  };
}

/** The conditions and order of one page: `after` pages to older rows, `before` to newer ones. */
export function pageWindow(
  keyset: ReturnType<typeof logKeyset>,
  query: LogPageQuery,
): { where: SQL[]; orderBy: SQL[] } {
  const where: SQL[] = [];
  if (query.after) where.push(keyset.beyond(query.after, 'older'));
  if (query.before) where.push(keyset.beyond(query.before, 'newer'));
  return { where, orderBy: query.before !== undefined ? keyset.newestLast : keyset.newestFirst };
}

/** One page, newest first, from up to pageSize + 1 rows read in pageWindow's order; null cursors where nothing is further. */
export function logPage<R extends { id: number; position: string }>(
  rows: R[],
  query: LogPageQuery,
  pageSize: number,
): LogPage<Omit<R, 'position'> & { cursor: LogCursor }> {
  const goingNewer = query.before !== undefined;
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (goingNewer) page.reverse();
  const entries = page.map(({ position, ...row }) => ({ ...row, cursor: { createdAt: position, id: row.id } }));
  const first = entries[0]?.cursor ?? null;
  const last = entries.at(-1)?.cursor ?? null;
  // Coming from a cursor means there is something on the side we came from.
  const hasNewer = goingNewer ? more : query.after !== undefined;
  const hasOlder = goingNewer ? true : more;
  return { entries, newer: hasNewer ? first : null, older: hasOlder ? last : null };
}
