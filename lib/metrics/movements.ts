import type { CustomerMonth } from './state';

export type ChurnType = 'voluntary' | 'involuntary' | null;

/**
 * Which customer-months each count and MRR movement is made of. The SQL rollup and drill-down define the same
 * sets over customer_months (db/queries/metrics/sets.ts); tests hold the two to each other.
 *
 * Every customer active at the end was either active at the start or is new or reactivated, so E = S - C + N + R
 * holds exactly. A customer who becomes active and is gone again by the end (first time or back after a break)
 * is "early churn": in none of S, E, N, R or C.
 */
export const CUSTOMER_SETS = {
  customers_at_start: (r: CustomerMonth) => r.activeStart,
  active_customers: (r: CustomerMonth) => r.activeEnd,
  new_customers: (r: CustomerMonth) => r.firstMonth === r.month && r.activeEnd,
  reactivated_customers: (r: CustomerMonth) =>
    r.firstMonth !== null && r.firstMonth < r.month && !r.activeStart && r.activeEnd,
  churned_customers: (r: CustomerMonth) => r.activeStart && !r.activeEnd,
  early_churned_customers: (r: CustomerMonth) => !r.activeStart && r.activeDuring && !r.activeEnd,
  // MRR movements compare month-end MRR with the previous month-end.
  new_mrr: (r: CustomerMonth) => r.mrrStart === 0 && r.mrrEnd > 0 && r.firstMonth === r.month,
  expansion_mrr: (r: CustomerMonth) => r.mrrStart > 0 && r.mrrEnd > r.mrrStart,
  contraction_mrr: (r: CustomerMonth) => r.mrrStart > 0 && r.mrrEnd > 0 && r.mrrEnd < r.mrrStart,
  churned_mrr: (r: CustomerMonth) => r.mrrStart > 0 && r.mrrEnd === 0,
  reactivation_mrr: (r: CustomerMonth) =>
    r.mrrStart === 0 && r.mrrEnd > 0 && r.firstMonth !== null && r.firstMonth < r.month,
  ordering_customers: (r: CustomerMonth) => r.orders > 0,
} as const;

/** Churn split by the customer's churn type: involuntary = failed payment or card expiry; everything else voluntary. */
export const CHURN_TYPE_SETS = {
  voluntary_churned_customers: (r: CustomerMonth, type: ChurnType) =>
    CUSTOMER_SETS.churned_customers(r) && type !== 'involuntary',
  involuntary_churned_customers: (r: CustomerMonth, type: ChurnType) =>
    CUSTOMER_SETS.churned_customers(r) && type === 'involuntary',
} as const;

export type DrilldownMetric = keyof typeof CUSTOMER_SETS | keyof typeof CHURN_TYPE_SETS;
export const DRILLDOWN_METRICS = [...Object.keys(CUSTOMER_SETS), ...Object.keys(CHURN_TYPE_SETS)] as DrilldownMetric[];

/** Cohort retention: month 0 counts the whole cohort; later months, MRR > 0 at month end, or an order in the month. */
export function retainedInCohort(r: CustomerMonth): boolean {
  return r.month === r.firstMonth || (r.orderBasis ? r.orders > 0 : r.mrrEnd > 0);
}

/** The revenue a cohort cell sums: month-end MRR, or order revenue of the month for order customers. */
export function cohortRevenue(r: CustomerMonth): number {
  return r.orderBasis ? r.revenueCents : r.mrrEnd;
}
