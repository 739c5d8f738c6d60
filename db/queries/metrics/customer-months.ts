import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { Month } from '@/lib/metrics/months';
import { days, monthIndex, monthStartAt } from './months';

/**
 * Rewrites customer_months for months from..through from the whole revenue history, set-based: the SQL form of
 * lib/metrics/state.ts customerMonths (tests hold them to each other).
 *
 * Subscriptions: a row holds from its effective month (a) until the month of the customer's next row (b), so it is
 * the month-end MRR of months a..b-1; paying rows are expanded into those months (from the month before `from`,
 * which gives each month its MRR at start). Customers without subscription rows are judged by orders: the last
 * order of an order month keeps them active until W has passed, at most until their next order month.
 */
export async function rebuildCustomerMonths(db: Executor, range: { from: Month; through: Month; windowDays: number }): Promise<void> {
  const from = sql`${range.from}::int`;
  const through = sql`${range.through}::int`;
  const W = days(range.windowDays);
  await db.execute(sql`delete from customer_months where month >= ${from}`);
  await db.execute(sql`
    insert into customer_months (month, customer_id, first_month, order_basis, active_start, active_end, active_during,
                                 mrr_start, mrr_end, orders, revenue_cents, first_order, second_order)
    with sub_rows as (
      select customer_id, mrr_cents, effective_at,
             lead(effective_at) over (partition by customer_id order by effective_at) as next_at
      from subscriptions
    ), sub_spans as (
      select customer_id, mrr_cents, ${monthIndex(sql`effective_at`)} as a,
             coalesce(${monthIndex(sql`next_at`)}, ${through} + 1) as b
      from sub_rows
    ), sub_first as (
      select customer_id, min(a) as first_month from sub_spans where mrr_cents > 0 group by customer_id
    ), sub_ends as (
      select s.customer_id, g.m, s.mrr_cents
      from sub_spans s cross join lateral generate_series(greatest(s.a, ${from} - 1), least(s.b - 1, ${through})) as g(m)
      where s.mrr_cents > 0
    ), order_months as (
      select customer_id, ${monthIndex(sql`ordered_at`)} as m, count(*)::int as orders,
             sum(amount_cents)::bigint as revenue, max(ordered_at) as last_at
      from orders group by 1, 2
    ), order_seq as (
      select o.*,
             sum(orders) over w - orders as orders_before,
             lag(last_at) over w as prev_last_at,
             coalesce(lead(m) over w, ${through} + 1) as next_m,
             min(m) over (partition by customer_id) as first_order_month
      from order_months o
      window w as (partition by customer_id order by m)
    ), order_basis_facts as (
      select o.customer_id, g.m, o.first_order_month,
             case when g.m = o.m then coalesce(o.prev_last_at >= ${monthStartAt(sql`g.m`)} - ${W}, false)
                  else o.last_at >= ${monthStartAt(sql`g.m`)} - ${W} end as active_start,
             o.last_at >= ${monthStartAt(sql`g.m + 1`)} - ${W} as active_end
      from order_seq o
      cross join lateral generate_series(greatest(o.m, ${from}), least(o.next_m - 1, ${through}, ${monthIndex(sql`o.last_at + ${W}`)})) as g(m)
      where not exists (select 1 from subscriptions s where s.customer_id = o.customer_id)
    ), facts as (
      select customer_id, m, false as order_basis, null::int as first_order_month, 0::bigint as mrr_start, mrr_cents as mrr_end,
             false as active_start, true as active_end, true as active_during, 0 as orders, 0::bigint as revenue,
             false as first_order, false as second_order
      from sub_ends where m >= ${from}
      union all
      select customer_id, m + 1, false, null, mrr_cents, 0, true, false, true, 0, 0, false, false
      from sub_ends where m < ${through}
      union all
      select customer_id, a, false, null, 0, 0, false, false, true, 0, 0, false, false
      from sub_spans where mrr_cents > 0 and a between ${from} and ${through}
      union all
      select customer_id, m, true, first_order_month, 0, 0, active_start, active_end, true, 0, 0, false, false
      from order_basis_facts
      union all
      select customer_id, m, false, null, 0, 0, false, false, false, orders, revenue,
             orders_before = 0, orders_before < 2 and orders_before + orders >= 2
      from order_seq where m between ${from} and ${through}
    ), grouped as (
      select customer_id, m, bool_or(order_basis) as order_basis, max(first_order_month) as first_order_month,
             sum(mrr_start)::bigint as mrr_start, sum(mrr_end)::bigint as mrr_end,
             bool_or(active_start) as active_start, bool_or(active_end) as active_end, bool_or(active_during) as active_during,
             sum(orders)::int as orders, sum(revenue)::bigint as revenue,
             bool_or(first_order) as first_order, bool_or(second_order) as second_order
      from facts group by customer_id, m
    )
    select g.m, g.customer_id, case when g.order_basis then g.first_order_month else sf.first_month end, g.order_basis,
           g.active_start, g.active_end, g.active_during, g.mrr_start, g.mrr_end, g.orders, g.revenue, g.first_order, g.second_order
    from grouped g left join sub_first sf on sf.customer_id = g.customer_id`);
}
