import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customers } from '@/db/schema';
import { queryRows } from '@/db/rows';

/** Up to this many matching customers are counted exactly; above it the planner's estimate is shown as "about". */
export const EXACT_COUNT_LIMIT = 10_000;

/**
 * The most an exact count may take. A filter no index serves (e.g. "attribute contains") can make even a count of a
 * few rows read every customer; past this budget the estimate is shown instead of holding up the page.
 */
export const EXACT_COUNT_BUDGET_MS = 40;

export type ListTotal = { value: number; exact: boolean };

/** The planner's row estimate for the filter: ~0.1 ms at any size, where an exact count of 1M rows costs ~100 ms. */
async function estimate(db: Executor, where: SQL | undefined): Promise<number> {
  const query = db.select({ one: sql`1` }).from(customers).where(where);
  const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`explain (format json) ${query}`);
  const raw = row['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
  return Math.round(plan[0].Plan['Plan Rows']);
}

function cancelledByTimeout(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '57014';
}

/** Counts up to one past the limit within the time budget; null when the budget ran out. */
async function cappedCount(db: Executor, where: SQL | undefined): Promise<number | null> {
  const capped = db.select({ one: sql`1` }).from(customers).where(where).limit(EXACT_COUNT_LIMIT + 1);
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${EXACT_COUNT_BUDGET_MS}`));
      const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from (${capped}) as matching`);
      return row.n;
    });
  } catch (error) {
    if (cancelledByTimeout(error)) return null;
    throw error;
  }
}

/**
 * How many customers the filter matches: exact when few (counting stops one past the limit, and gives up after a
 * few milliseconds), otherwise the planner's estimate, which the page labels "about".
 */
export async function countMatching(db: Executor, where: SQL | undefined): Promise<ListTotal> {
  const estimated = await estimate(db, where);
  if (estimated > EXACT_COUNT_LIMIT) return { value: estimated, exact: false };
  const counted = await cappedCount(db, where);
  if (counted === null) return { value: estimated, exact: false };
  return counted <= EXACT_COUNT_LIMIT ? { value: counted, exact: true } : { value: Math.max(estimated, counted), exact: false };
}
