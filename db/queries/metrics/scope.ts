import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';

/*
 * The temporary tables of one refresh (dropped at its commit): which customers it recomputes, and with which metric
 * cell. Refreshes run one at a time per database (advisory lock) and temporary tables are per session, so the names
 * are fixed.
 */

/** Customers whose KPI inputs changed, and the first month that changed for each (taken from metric_changes). */
export const CHANGED = sql.raw('refresh_changed');
/** Every customer a refresh writes rows for: customer_id, cell_id, involuntary, churn_reason. */
export const SCOPE = sql.raw('refresh_scope');

/** The cell key of customers `c`: their filter values as one text (metric_cells.key). */
const CELL_KEY = sql`json_build_array(c.segment, c.plan, c.country, c.owner_id, c.loyalty_tier)::text`;

/**
 * Takes the change log: every customer appended to metric_changes so far, with their earliest month, into CHANGED.
 * The log rows are deleted in this transaction: a rollback puts them back; writers appending meanwhile never wait.
 */
export async function takeChanges(db: Executor): Promise<void> {
  await db.execute(
    sql`create temp table ${CHANGED} (customer_id bigint primary key, from_month int not null) on commit drop`,
  );
  await db.execute(sql`
    with taken as (delete from metric_changes returning customer_id, from_month)
    insert into ${CHANGED} select customer_id, min(from_month) from taken group by customer_id`);
  await db.execute(sql`analyze ${CHANGED}`);
}

/** Forgets the change log: a full rebuild reads everything anyway. */
export async function dropChanges(db: Executor): Promise<void> {
  await db.execute(sql`delete from metric_changes`);
}

/**
 * Fills SCOPE with the customers (all of them, or those in CHANGED) and their current cells, adding cells for
 * combinations not seen before.
 */
export async function prepareScope(db: Executor, customers: 'all' | 'changed'): Promise<void> {
  const where = customers === 'all' ? sql`true` : sql`c.id in (select customer_id from ${CHANGED})`;
  await db.execute(sql`
    insert into metric_cells (key, segment, plan, country, owner_id, loyalty_tier)
    select distinct ${CELL_KEY}, c.segment, c.plan, c.country, c.owner_id, c.loyalty_tier from customers c where ${where}
    on conflict (key) do nothing`);
  await db.execute(sql`
    create temp table ${SCOPE} on commit drop as
    select c.id as customer_id, k.id as cell_id, coalesce(c.churn_type = 'involuntary', false) as involuntary, c.churn_reason
    from customers c join metric_cells k on k.key = ${CELL_KEY}
    where ${where}`);
  await db.execute(sql`alter table ${SCOPE} add primary key (customer_id)`);
  await db.execute(sql`analyze ${SCOPE}`);
}

/** `column` names a customer the refresh part covers. */
export function inPart(column: SQL, customers: 'all' | 'changed'): SQL {
  return customers === 'all' ? sql`true` : sql`${column} in (select customer_id from ${CHANGED})`;
}
