import type { SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import { keepLastByKey } from './dedupe';
import type { MergeCounts, MergeOptions } from './merge-types';
import { resolveMissingCustomers } from './missing-customers';

type ChildRow = { line: number; customerExternalId: string };

/**
 * The shared shape of every per-customer kind: keep the last row per key, reject (or create) unknown customers, then
 * one set-based upsert whose SQL (from the kind) returns `inserted` and `updated` counts.
 */
export async function mergeChildRows<R extends ChildRow>(
  tx: Executor,
  input: R[],
  options: MergeOptions,
  kind: {
    key: (row: R) => string;
    keyColumn: string;
    upsert: (rows: R[]) => SQL;
    /** Runs after the upsert, as its own statement, so that it sees the rows the upsert wrote. */
    after?: (rows: R[]) => SQL;
  },
): Promise<MergeCounts> {
  const deduped = keepLastByKey(input, (r) => `${r.customerExternalId}\u0000${kind.key(r)}`, kind.keyColumn);
  const missing = await resolveMissingCustomers(tx, deduped.rows, options.createMissingCustomers);
  const rows = deduped.rows.filter((r) => !missing.rejectedLines.has(r.line));
  const rejected = [...deduped.rejected, ...missing.rejected];
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0, rejected };
  const [counts] = await queryRows<{ inserted: number; updated: number }>(tx, kind.upsert(rows));
  if (kind.after) await tx.execute(kind.after(rows));
  return { inserted: counts.inserted, updated: counts.updated, unchanged: rows.length - counts.inserted - counts.updated, rejected };
}
