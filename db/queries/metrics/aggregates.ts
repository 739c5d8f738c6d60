import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { metricMonths } from '@/db/schema';
import type { MonthCounter } from '@/lib/metrics/inputs';
import { CSAT_SATISFIED_MIN, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from '@/lib/metrics/surveys';
import type { Grouping } from './dimensions';
import { monthIndex } from './months';
import { COHORT_REVENUE, RETAINED_IN_COHORT, SET_SQL } from './sets';

/*
 * The aggregate SELECTs behind every KPI input, each written once: refreshRollups inserts them grouped per
 * dimension value into the rollup tables, and a read with several filters runs them grouped by month alone.
 * Select items are aliased by the lib/metrics input names, in the column order of the rollup tables.
 */

const count = (set: SQL) => sql`count(*) filter (where ${set})`;
const sumWhere = (value: SQL, set: SQL) => sql`coalesce(sum(${value}) filter (where ${set}), 0)`;

export const CUSTOMER_MONTH_COUNTERS = {
  customersStart: count(SET_SQL.customers_at_start),
  customersEnd: count(SET_SQL.active_customers),
  newCustomers: count(SET_SQL.new_customers),
  reactivatedCustomers: count(SET_SQL.reactivated_customers),
  churnedCustomers: count(SET_SQL.churned_customers),
  earlyChurnedCustomers: count(SET_SQL.early_churned_customers),
  involuntaryChurnedCustomers: count(SET_SQL.involuntary_churned_customers),
  mrrStart: sql`coalesce(sum(cm.mrr_start), 0)`,
  mrrEnd: sql`coalesce(sum(cm.mrr_end), 0)`,
  newMrr: sumWhere(sql`cm.mrr_end`, SET_SQL.new_mrr),
  expansionMrr: sumWhere(sql`cm.mrr_end - cm.mrr_start`, SET_SQL.expansion_mrr),
  contractionMrr: sumWhere(sql`cm.mrr_start - cm.mrr_end`, SET_SQL.contraction_mrr),
  churnedMrr: sumWhere(sql`cm.mrr_start`, SET_SQL.churned_mrr),
  reactivationMrr: sumWhere(sql`cm.mrr_end`, SET_SQL.reactivation_mrr),
  orderBasisRevenue: sumWhere(sql`cm.revenue_cents`, sql`cm.order_basis`),
  orders: sql`coalesce(sum(cm.orders), 0)`,
  revenue: sql`coalesce(sum(cm.revenue_cents), 0)`,
  orderingCustomers: count(SET_SQL.ordering_customers),
  firstOrderCustomers: count(sql`cm.first_order`),
  secondOrderCustomers: count(sql`cm.second_order`),
} satisfies Partial<Record<MonthCounter, SQL>>;

export const FEEDBACK_COUNTERS = {
  npsPromoters: count(sql`f.kind = 'nps' and f.score >= ${NPS_PROMOTER_MIN}`),
  npsDetractors: count(sql`f.kind = 'nps' and f.score <= ${NPS_DETRACTOR_MAX}`),
  npsResponses: count(sql`f.kind = 'nps'`),
  csatSatisfied: count(sql`f.kind = 'csat' and f.score >= ${CSAT_SATISFIED_MIN}`),
  csatResponses: count(sql`f.kind = 'csat'`),
  cesSum: sumWhere(sql`f.score`, sql`f.kind = 'ces'`),
  cesResponses: count(sql`f.kind = 'ces'`),
} satisfies Partial<Record<MonthCounter, SQL>>;

const selectItems = (counters: Record<string, SQL>) =>
  sql.join(Object.entries(counters).map(([key, expression]) => sql`${expression} as ${sql.identifier(key)}`), sql`, `);

const MONTH_COLUMNS = getTableColumns(metricMonths) as Record<string, { name: string }>;

/** The metric_months column of a counter. */
export function counterColumn(key: string): SQL {
  return sql`${sql.identifier(MONTH_COLUMNS[key].name)}`;
}

/** The metric_months columns of counters, in their order, for INSERT column lists. */
export function counterColumns(counters: Record<string, SQL>): SQL {
  return sql.join(Object.keys(counters).map(counterColumn), sql`, `);
}

/** dimension, value, month, customer-month counters: from customer_months `cm` and customers `c`. */
export function customerMonthAggregate(grouping: Grouping, where: SQL): SQL {
  return sql`select ${grouping.keys}, cm.month, ${selectItems(CUSTOMER_MONTH_COUNTERS)}
    from customer_months cm join customers c on c.id = cm.customer_id
    where ${where}
    group by ${grouping.groupBy([sql`cm.month`])}`;
}

/** dimension, value, month, survey counters of the feedback submitted in [start, end), from feedback `f` and customers `c`. */
export function feedbackAggregate(grouping: Grouping, range: { start: SQL; end: SQL }, where: SQL): SQL {
  return sql`select ${grouping.keys}, f.month, ${selectItems(FEEDBACK_COUNTERS)}
    from (select customer_id, kind, score, ${monthIndex(sql`submitted_at`)} as month from feedback
          where submitted_at >= ${range.start} and submitted_at < ${range.end}) f
    join customers c on c.id = f.customer_id
    where ${where}
    group by ${grouping.groupBy([sql`f.month`])}`;
}

/** dimension, value, cohort, month, retained customers, their revenue. */
export function cohortAggregate(grouping: Grouping, where: SQL): SQL {
  return sql`select ${grouping.keys}, cm.first_month as cohort, cm.month,
      ${count(RETAINED_IN_COHORT)} as customers, coalesce(sum(${COHORT_REVENUE}), 0) as "revenueCents"
    from customer_months cm join customers c on c.id = cm.customer_id
    where cm.first_month is not null and ${where}
    group by ${grouping.groupBy([sql`cm.first_month`, sql`cm.month`])}`;
}

/**
 * dimension, value, month of acquisition, whole days to activation (null = not yet), customers: over customers `c`,
 * here with their acquisition month and days to activation.
 */
export function activationAggregate(grouping: Grouping, where: SQL): SQL {
  return sql`select ${grouping.keys}, c.month, c.ttv_days as "ttvDays", count(*) as customers
    from (select *, ${monthIndex(sql`acquired_at`)} as month,
                 floor(extract(epoch from activated_at - acquired_at) / 86400)::int as ttv_days
          from customers where acquired_at is not null) c
    where ${where}
    group by ${grouping.groupBy([sql`c.month`, sql`c.ttv_days`])}`;
}
