import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import { metricRollupState } from '@/db/schema';
import type { Month } from '@/lib/metrics/months';
import { monthIndex } from './months';

export type RollupState = typeof metricRollupState.$inferSelect;

export async function readRollupState(db: Executor): Promise<RollupState | null> {
  const [row] = await db.select().from(metricRollupState);
  return row ?? null;
}

export async function writeRollupState(db: Executor, state: Omit<RollupState, 'id'>): Promise<void> {
  await db.insert(metricRollupState).values(state).onConflictDoUpdate({ target: metricRollupState.id, set: state });
}

/** The first month anything KPIs count happened in; null for an empty workspace. */
export async function firstDataMonth(db: Executor): Promise<Month | null> {
  const [row] = await queryRows<{ month: number | null }>(
    db,
    sql`select ${monthIndex(sql`least((select min(effective_at) from subscriptions), (select min(ordered_at) from orders),
                                      (select min(submitted_at) from feedback), (select min(acquired_at) from customers))`)} as month`,
  );
  return row.month === null ? null : Number(row.month);
}

/** The currency most subscription and order rows are in (USD for none). */
export async function mainCurrency(db: Executor): Promise<string> {
  const [row] = await queryRows<{ currency: string }>(
    db,
    sql`select currency from (select currency from subscriptions union all select currency from orders) x
        group by currency order by count(*) desc, currency limit 1`,
  );
  return row?.currency ?? 'USD';
}

/** The workspace's median gap between a customer's consecutive orders, in seconds; null while nobody ordered twice. */
export async function medianInterPurchaseSeconds(db: Executor): Promise<number | null> {
  const [row] = await queryRows<{ median: number | null }>(
    db,
    sql`select percentile_cont(0.5) within group (order by gap) as median
        from (select extract(epoch from ordered_at - lag(ordered_at) over (partition by customer_id order by ordered_at))::float8 as gap
              from orders) g
        where gap is not null`,
  );
  return row.median === null ? null : Number(row.median);
}
