import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { Month } from '@/lib/metrics/months';
import { days, monthIndex, monthStartAt } from './months';
import { inPart, SCOPE } from './scope';

export type FactPart = {
  /** Every customer, or those the change log names (CHANGED). */
  customers: 'all' | 'changed';
  from: Month;
  through: Month;
};

/**
 * Writes customer_months of months from..through for the part's customers (whose rows of those months the caller
 * deleted), set-based: the SQL form of lib/metrics/state.ts customerMonths (tests hold them to each other). Each row
 * gets the customer's current metric cell, churn type and reason from SCOPE; customers not in it (deleted) get none.
 *
 * Incremental by construction: it starts from each customer's state at the end of month from - 1 (their row of
 * that month, unchanged as long as nothing before `from` changed) and reads only the rows since, so that the cost
 * follows the months recomputed rather than the whole history. From the first month there is no prior state and
 * it reads everything.
 *
 * Subscriptions: a row holds from its effective month (a) until the month of the customer's next row (b), so it is
 * the month-end MRR of months a..b-1; the MRR carried into `from` acts as a row just before it starts. Customers
 * without subscription rows are judged by orders: the last order of an order month keeps them active until W has
 * passed, at most until their next order month; orders older than W before `from` cannot matter.
 */
export async function writeCustomerMonths(db: Executor, part: FactPart & { windowDays: number }): Promise<void> {
  const from = sql`${part.from}::int`;
  const through = sql`${part.through}::int`;
  const W = days(part.windowDays);
  const start = monthStartAt(from);
  const mine = (column: string) => inPart(sql.raw(column), part.customers);
  await db.execute(sql`
    insert into customer_months (month, customer_id, first_month, order_basis, active_start, active_end, active_during,
                                 mrr_start, mrr_end, orders, revenue_cents, first_order, second_order, cell_id, involuntary,
                                 churn_reason)
    with prior as (
      -- Customers deleted since leave with their history, instead of carrying their MRR on.
      select customer_id, mrr_end, first_month from customer_months cm
      where month = ${from} - 1 and ${mine('cm.customer_id')} and exists (select 1 from customers c where c.id = cm.customer_id)
    ), older as (
      select exists (select 1 from subscriptions where effective_at < ${start}) as subscriptions,
             exists (select 1 from orders where ordered_at < ${start}) as orders
    ), sub_rows as (
      select customer_id, mrr_end as mrr_cents, ${start} - interval '1 microsecond' as effective_at, true as carried
      from prior where mrr_end > 0
      union all
      select customer_id, mrr_cents, effective_at, false from subscriptions where effective_at >= ${start} and ${mine('customer_id')}
    ), sub_spans as (
      select customer_id, mrr_cents, carried, ${monthIndex(sql`effective_at`)} as a,
             coalesce(${monthIndex(sql`next_at`)}, ${through} + 1) as b
      from (select *, lead(effective_at) over (partition by customer_id order by effective_at) as next_at from sub_rows) r
    ), sub_ends as (
      select s.customer_id, g.m, s.mrr_cents
      from sub_spans s cross join lateral generate_series(greatest(s.a, ${from} - 1), least(s.b - 1, ${through})) as g(m)
      where s.mrr_cents > 0
    ), order_months as (
      select customer_id, ${monthIndex(sql`ordered_at`)} as m, count(*)::int as orders,
             sum(amount_cents)::bigint as revenue, max(ordered_at) as last_at
      from orders where ordered_at >= ${start} - ${W} and ${mine('customer_id')}
      group by 1, 2
    ), order_seq as (
      select o.*,
             lag(last_at) over w as prev_last_at,
             coalesce(lead(m) over w, ${through} + 1) as next_m,
             coalesce(sum(orders) filter (where m >= ${from}) over w, 0) - case when m >= ${from} then orders else 0 end as ordered_since_from
      from order_months o
      window w as (partition by customer_id order by m)
    ), order_basis_facts as (
      select o.customer_id, g.m, o.m as order_month,
             case when g.m = o.m then coalesce(o.prev_last_at >= ${monthStartAt(sql`g.m`)} - ${W}, false)
                  else o.last_at >= ${monthStartAt(sql`g.m`)} - ${W} end as active_start,
             o.last_at >= ${monthStartAt(sql`g.m + 1`)} - ${W} as active_end
      from order_seq o
      cross join lateral generate_series(greatest(o.m, ${from}), least(o.next_m - 1, ${through}, ${monthIndex(sql`o.last_at + ${W}`)})) as g(m)
      where not exists (select 1 from subscriptions s where s.customer_id = o.customer_id)
    ), facts as (
      select customer_id, m, false as order_basis, null::int as first_in_range, 0::bigint as mrr_start, mrr_cents as mrr_end,
             false as active_start, true as active_end, true as active_during, 0 as orders, 0::bigint as revenue, null::bigint as ordered_since_from
      from sub_ends where m >= ${from}
      union all
      select customer_id, m + 1, false, null, mrr_cents, 0, true, false, true, 0, 0, null
      from sub_ends where m < ${through}
      union all
      select customer_id, a, false, null, 0, 0, false, false, true, 0, 0, null
      from sub_spans where mrr_cents > 0 and not carried and a between ${from} and ${through}
      union all
      select customer_id, m, true, order_month, 0, 0, active_start, active_end, true, 0, 0, null
      from order_basis_facts
      union all
      select customer_id, m, false, null, 0, 0, false, false, false, orders, revenue, ordered_since_from
      from order_seq where m between ${from} and ${through}
    ), grouped as (
      select customer_id, m, bool_or(order_basis) as order_basis,
             sum(mrr_start)::bigint as mrr_start, sum(mrr_end)::bigint as mrr_end,
             bool_or(active_start) as active_start, bool_or(active_end) as active_end, bool_or(active_during) as active_during,
             sum(orders)::int as orders, sum(revenue)::bigint as revenue, max(ordered_since_from) as ordered_since_from
      from facts group by customer_id, m
    ), range_firsts as (
      select customer_id, min(a) filter (where mrr_cents > 0 and not carried) as first_paid, null::int as first_order
      from sub_spans group by customer_id
      union all
      select customer_id, null, min(m) from order_months group by customer_id
    ), firsts as (
      select customer_id, min(first_paid) as first_paid, min(first_order) as first_order from range_firsts group by customer_id
    ), counted as (
      -- A customer's first active month is known from their prior row, else it is the first in range unless older
      -- rows exist; likewise orders before \`from\` are looked up only when there are any.
      select g.*,
             coalesce(p.first_month, case when g.order_basis
               then least(f.first_order, case when (select orders from older) then
                      (select ${monthIndex(sql`min(x.ordered_at)`)} from orders x where x.customer_id = g.customer_id and x.ordered_at < ${start}) end)
               else least(f.first_paid, case when (select subscriptions from older) then
                      (select ${monthIndex(sql`min(x.effective_at)`)} from subscriptions x
                       where x.customer_id = g.customer_id and x.mrr_cents > 0 and x.effective_at < ${start}) end)
             end) as first_month,
             case when g.orders = 0 then 0
                  else g.ordered_since_from + case when (select orders from older) then
                         (select count(*) from (select 1 from orders x where x.customer_id = g.customer_id and x.ordered_at < ${start} limit 2) t)
                       else 0 end
             end as orders_before
      from grouped g
      left join prior p on p.customer_id = g.customer_id
      left join firsts f on f.customer_id = g.customer_id
    )
    select g.m, g.customer_id, g.first_month, g.order_basis, g.active_start, g.active_end, g.active_during, g.mrr_start, g.mrr_end,
           g.orders, g.revenue, g.orders > 0 and g.orders_before = 0,
           g.orders > 0 and g.orders_before < 2 and g.orders_before + g.orders >= 2, s.cell_id, s.involuntary, s.churn_reason
    from counted g join ${SCOPE} s on s.customer_id = g.customer_id
    -- In index order: appending to the index is cheaper than inserting all over it.
    order by g.m, g.customer_id`);
}
