import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { ImportTables, MergeOptions } from './writer-types';

/**
 * Turns the MRR of a customers file into subscription history, the rows KPIs, cohorts and MRR movements count (a
 * customers row's own MRR is only the list's copy of the current one). For each customer of the batch whose row
 * carries an MRR or a churn:
 * - without history yet: the MRR holds from the acquisition date (or, unknown, the import date) and ends at the churn,
 *   if the file gives one (a churned row's MRR is what the customer paid until then);
 * - with history: the file says what holds at the import date (or the churn), so a row is added only where the
 *   history says otherwise: a new MRR from the import date (expansion, contraction, a win-back), or 0 from the churn
 *   (a file of churns alone ends the history its customers have).
 * So the same file imported again finds nothing to change, and monthly snapshots of a customers file build history.
 * Runs after the customers upsert, in the batch's transaction.
 */
export async function writeMrrHistory(tx: Executor, { stage }: ImportTables, options: MergeOptions): Promise<void> {
  const mapped = options.mappedColumns;
  if (!mapped.has('mrr') && !mapped.has('churned_at') && !mapped.has('churned')) return;
  const asOf = sql`${options.asOf.toISOString()}::timestamptz`;
  // Customers the batch expects new have no rows yet: their history needs no look-up.
  const hasRows = options.expectNew
    ? sql`false`
    : sql`exists (select 1 from subscriptions x where x.customer_id = c.id)`;
  const inEffect = options.expectNew
    ? sql`null::bigint`
    : sql`(select x.mrr_cents from subscriptions x where x.customer_id = c.id and x.effective_at <= coalesce(s.churned_at, ${asOf})
           order by x.effective_at desc limit 1)`;
  await tx.execute(sql`
    with file as (
      select c.id as customer_id, s.mrr_cents as mrr, coalesce(s.acquired_at, c.acquired_at, ${asOf}) as since, s.churned_at,
             c.currency, c.plan, ${hasRows} as has_rows, ${inEffect} as in_effect
      from ${stage} s join customers c on c.external_id = s.external_id
      where s.mrr_cents is not null or s.churned_at is not null
    ), wanted as (
      select customer_id, since as effective_at, mrr, currency, plan from file
      where not has_rows and mrr > 0 and (churned_at is null or since < churned_at)
      union all
      select customer_id, churned_at, 0, currency, plan from file
      where not has_rows and mrr > 0 and since < churned_at
      union all
      select customer_id, ${asOf}, mrr, currency, plan from file
      where has_rows and churned_at is null and mrr is not null and in_effect is distinct from mrr
      union all
      select customer_id, churned_at, 0, currency, plan from file
      where has_rows and churned_at is not null and in_effect > 0
    )
    insert into subscriptions (customer_id, effective_at, mrr_cents, currency, plan)
    select customer_id, effective_at, mrr, currency, plan from wanted
    order by customer_id, effective_at
    on conflict (customer_id, effective_at) do update set mrr_cents = excluded.mrr_cents
      where subscriptions.mrr_cents is distinct from excluded.mrr_cents`);
}
