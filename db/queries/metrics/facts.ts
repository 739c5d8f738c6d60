import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { counterColumns, FEEDBACK_COUNTERS, selectItems } from './aggregates';
import type { FactPart } from './customer-months';
import { monthIndex, monthStartAt } from './months';
import { inPart, SCOPE } from './scope';

/*
 * The per-customer facts besides customer_months that rollups sum: survey answers per month, and acquisition to
 * activation.
 */

/** Writes customer_feedback_months of months from..through for the part's customers (rows the caller deleted). */
export async function writeFeedbackMonths(db: Executor, part: FactPart): Promise<void> {
  await db.execute(sql`
    insert into customer_feedback_months (month, customer_id, cell_id, ${counterColumns(Object.keys(FEEDBACK_COUNTERS))})
    select f.month, f.customer_id, s.cell_id, ${selectItems(FEEDBACK_COUNTERS)}
    from (select customer_id, kind, score, ${monthIndex(sql`submitted_at`)} as month from feedback
          where submitted_at >= ${monthStartAt(part.from)} and submitted_at < ${monthStartAt(part.through + 1)}
            and ${inPart(sql`customer_id`, part.customers)}) f
    join ${SCOPE} s on s.customer_id = f.customer_id
    group by f.month, f.customer_id, s.cell_id`);
}

/** Writes customer_activation of the customers in SCOPE (whose rows the caller deleted) that have an acquisition time. */
export async function writeActivation(db: Executor, customers: 'all' | 'changed'): Promise<void> {
  await db.execute(sql`
    insert into customer_activation (customer_id, cell_id, month, ttv_days)
    select c.id, s.cell_id, ${monthIndex(sql`c.acquired_at`)}, floor(extract(epoch from c.activated_at - c.acquired_at) / 86400)::int
    from customers c join ${SCOPE} s on s.customer_id = c.id
    where c.acquired_at is not null and ${inPart(sql`c.id`, customers)}`);
}
