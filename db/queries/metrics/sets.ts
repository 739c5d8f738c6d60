import { sql, type SQL } from 'drizzle-orm';
import type { CHURN_TYPE_SETS, CUSTOMER_SETS, DrilldownMetric } from '@/lib/metrics/movements';

/*
 * The customer sets of lib/metrics/movements.ts as SQL over customer_months `cm` (the churn type as it was when
 * the month was computed). Rollup counts sum the rows of a set and a drill-down lists the same set, so a number and
 * the customers behind it cannot disagree.
 */

const CUSTOMER_SET_SQL: Record<keyof typeof CUSTOMER_SETS, SQL> = {
  customers_at_start: sql`cm.active_start`,
  active_customers: sql`cm.active_end`,
  new_customers: sql`(cm.first_month = cm.month and cm.active_end)`,
  reactivated_customers: sql`(cm.first_month < cm.month and not cm.active_start and cm.active_end)`,
  churned_customers: sql`(cm.active_start and not cm.active_end)`,
  early_churned_customers: sql`(not cm.active_start and cm.active_during and not cm.active_end)`,
  new_mrr: sql`(cm.mrr_start = 0 and cm.mrr_end > 0 and cm.first_month = cm.month)`,
  expansion_mrr: sql`(cm.mrr_start > 0 and cm.mrr_end > cm.mrr_start)`,
  contraction_mrr: sql`(cm.mrr_start > 0 and cm.mrr_end > 0 and cm.mrr_end < cm.mrr_start)`,
  churned_mrr: sql`(cm.mrr_start > 0 and cm.mrr_end = 0)`,
  reactivation_mrr: sql`(cm.mrr_start = 0 and cm.mrr_end > 0 and cm.first_month < cm.month)`,
  ordering_customers: sql`(cm.orders > 0)`,
};

const CHURN_TYPE_SET_SQL: Record<keyof typeof CHURN_TYPE_SETS, SQL> = {
  voluntary_churned_customers: sql`(${CUSTOMER_SET_SQL.churned_customers} and not cm.involuntary)`,
  involuntary_churned_customers: sql`(${CUSTOMER_SET_SQL.churned_customers} and cm.involuntary)`,
};

export const SET_SQL: Record<DrilldownMetric, SQL> = { ...CUSTOMER_SET_SQL, ...CHURN_TYPE_SET_SQL };

/** lib/metrics/movements.ts retainedInCohort and cohortRevenue. */
export const RETAINED_IN_COHORT = sql`(cm.month = cm.first_month or case when cm.order_basis then cm.orders > 0 else cm.mrr_end > 0 end)`;
export const COHORT_REVENUE = sql`(case when cm.order_basis then cm.revenue_cents else cm.mrr_end end)`;
