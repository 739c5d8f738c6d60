import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { metricMonths } from '@/db/schema';
import type { MonthCounter } from '@/lib/metrics/inputs';
import { CSAT_SATISFIED_MIN, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from '@/lib/metrics/surveys';
import { COHORT_REVENUE, RETAINED_IN_COHORT, SET_SQL } from './sets';

/*
 * The counters behind every KPI input, each written once. Rollups change by deltas: rows of a fact table carry a
 * weight `w` (+1 for a row a refresh wrote, -1 for one it replaced), so that one expression sums both a full build
 * and the change a few customers make. A count is the sum of weights of the rows in its set.
 */

const count = (set: SQL) => sql`coalesce(sum(cm.w) filter (where ${set}), 0)`;
const sumWhere = (value: SQL, set: SQL) => sql`coalesce(sum(cm.w * (${value})) filter (where ${set}), 0)`;
const sum = (value: SQL) => sql`coalesce(sum(cm.w * (${value})), 0)`;

/** Over weighted customer_months rows `cm`. */
export const CUSTOMER_MONTH_COUNTERS = {
  customersStart: count(SET_SQL.customers_at_start),
  customersEnd: count(SET_SQL.active_customers),
  newCustomers: count(SET_SQL.new_customers),
  reactivatedCustomers: count(SET_SQL.reactivated_customers),
  churnedCustomers: count(SET_SQL.churned_customers),
  earlyChurnedCustomers: count(SET_SQL.early_churned_customers),
  involuntaryChurnedCustomers: count(SET_SQL.involuntary_churned_customers),
  mrrStart: sum(sql`cm.mrr_start`),
  mrrEnd: sum(sql`cm.mrr_end`),
  newMrr: sumWhere(sql`cm.mrr_end`, SET_SQL.new_mrr),
  expansionMrr: sumWhere(sql`cm.mrr_end - cm.mrr_start`, SET_SQL.expansion_mrr),
  contractionMrr: sumWhere(sql`cm.mrr_start - cm.mrr_end`, SET_SQL.contraction_mrr),
  churnedMrr: sumWhere(sql`cm.mrr_start`, SET_SQL.churned_mrr),
  reactivationMrr: sumWhere(sql`cm.mrr_end`, SET_SQL.reactivation_mrr),
  orderBasisRevenue: sumWhere(sql`cm.revenue_cents`, sql`cm.order_basis`),
  orders: sum(sql`cm.orders`),
  revenue: sum(sql`cm.revenue_cents`),
  orderingCustomers: count(SET_SQL.ordering_customers),
  firstOrderCustomers: count(sql`cm.first_order`),
  secondOrderCustomers: count(sql`cm.second_order`),
} satisfies Partial<Record<MonthCounter, SQL>>;

/** Over raw feedback rows `f`: one customer's answers of one month, as customer_feedback_months stores them. */
export const FEEDBACK_COUNTERS = {
  npsPromoters: sql`count(*) filter (where f.kind = 'nps' and f.score >= ${NPS_PROMOTER_MIN})`,
  npsDetractors: sql`count(*) filter (where f.kind = 'nps' and f.score <= ${NPS_DETRACTOR_MAX})`,
  npsResponses: sql`count(*) filter (where f.kind = 'nps')`,
  csatSatisfied: sql`count(*) filter (where f.kind = 'csat' and f.score >= ${CSAT_SATISFIED_MIN})`,
  csatResponses: sql`count(*) filter (where f.kind = 'csat')`,
  cesSum: sql`coalesce(sum(f.score) filter (where f.kind = 'ces'), 0)`,
  cesResponses: sql`count(*) filter (where f.kind = 'ces')`,
} satisfies Partial<Record<MonthCounter, SQL>>;

/** The cohort cell counters (by column name) over weighted customer_months rows `cm` that have a first month. */
export const COHORT_COUNTERS = {
  customers: count(RETAINED_IN_COHORT),
  revenue_cents: sum(COHORT_REVENUE),
  facts: sql`coalesce(sum(cm.w), 0)`,
};

/** Churn-reason counters (by column name) over the weighted churned customer_months rows `cm`. */
export const REASON_COUNTERS = {
  churned_customers: sql`coalesce(sum(cm.w), 0)`,
  involuntary_churned_customers: count(sql`cm.involuntary`),
  churned_mrr_start: sum(sql`cm.mrr_start`),
};

const MONTH_COLUMNS = getTableColumns(metricMonths) as Record<string, { name: string }>;

/** The metric_months (and metric_month_cells) column name of a counter. */
export function counterColumnName(key: string): string {
  return MONTH_COLUMNS[key].name;
}

export function counterColumn(key: string): SQL {
  return sql`${sql.identifier(counterColumnName(key))}`;
}

/** `expression as "key"` select items. */
export function selectItems(counters: Record<string, SQL>): SQL {
  return sql.join(
    Object.entries(counters).map(([key, expression]) => sql`${expression} as ${sql.identifier(key)}`),
    sql`, `,
  );
}

/** The column list of counters in a rollup table, for INSERT column lists. */
export function counterColumns(keys: readonly string[]): SQL {
  return sql.join(keys.map(counterColumn), sql`, `);
}

/** The customer-month counters with the survey counters: the stored columns of metric_months. */
export const STORED_MONTH_COUNTERS = [
  ...Object.keys(CUSTOMER_MONTH_COUNTERS),
  ...Object.keys(FEEDBACK_COUNTERS),
] as MonthCounter[];
