import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import { keepLastByKey } from './dedupe';
import { recordset } from './json-rows';
import type { MergeCounts, MergeOptions } from './merge-types';
import { resolveMissingCustomers } from './missing-customers';

type ChildRow = { line: number; customerExternalId: string };

export type ChildKind<R extends ChildRow> = {
  /** The row's identity within its customer, for in-batch duplicates. */
  key: (row: R) => string;
  keyColumn: string;
  /** json_to_recordset column definition; must include `customer_external_id text`. */
  record: string;
  toRecord: (row: R) => Record<string, unknown>;
  /**
   * `insert into ... select c.id, src.... from ${from} on conflict ... returning (xmax = 0) as inserted, customer_id, <time> as at`,
   * where `from` is the batch joined to its customers as `src` and `c`.
   */
  insert: (from: SQL) => SQL;
  /** Whether the rows are activity that moves customers.last_activity_at forward. */
  isActivity: boolean;
  /** Runs after the upsert, as its own statement, so that it sees the rows the upsert wrote. */
  after?: (rows: R[]) => SQL;
};

/**
 * The shared shape of every per-customer kind: keep the last row per key, reject (or create) unknown customers, then
 * one set-based upsert that counts inserted and updated rows and, for activity, moves last activity forward.
 */
export async function mergeChildRows<R extends ChildRow>(tx: Executor, input: R[], options: MergeOptions, kind: ChildKind<R>): Promise<MergeCounts> {
  const deduped = keepLastByKey(input, (r) => `${r.customerExternalId}\u0000${kind.key(r)}`, kind.keyColumn);
  const missing = await resolveMissingCustomers(tx, deduped.rows, options.createMissingCustomers);
  const rows = deduped.rows.filter((r) => !missing.rejectedLines.has(r.line));
  const rejected = [...deduped.rejected, ...missing.rejected];
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0, rejected };

  const from = sql`${recordset(rows.map((r) => ({ line: r.line, ...kind.toRecord(r) })), kind.record)}
    join customers c on c.external_id = src.customer_external_id`;
  const touch = kind.isActivity
    ? sql`, touched as (
        update customers c set last_activity_at = greatest(c.last_activity_at, latest.at)
        from (select customer_id, max(at) as at from upserted group by customer_id) latest
        where c.id = latest.customer_id and c.last_activity_at is distinct from greatest(c.last_activity_at, latest.at))`
    : sql``;
  const [counts] = await queryRows<{ inserted: number; updated: number }>(
    tx,
    sql`with upserted as (${kind.insert(from)}) ${touch}
        select (count(*) filter (where inserted))::int as inserted, (count(*) filter (where not inserted))::int as updated from upserted`,
  );
  if (kind.after) await tx.execute(kind.after(rows));
  return { inserted: counts.inserted, updated: counts.updated, unchanged: rows.length - counts.inserted - counts.updated, rejected };
}
