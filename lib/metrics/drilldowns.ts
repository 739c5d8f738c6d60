import type { MetricKey } from './catalog';
import { DRILLDOWN_METRICS, type DrilldownMetric } from './movements';

/**
 * The customer lists behind each KPI: a count drills into itself, a rate or a money figure into the sets its
 * formula is made of (logo churn C / S -> the churned customers and the customers at start).
 */
export const METRIC_DRILLDOWNS: Partial<Record<MetricKey, readonly DrilldownMetric[]>> = {
  customers_at_start: ['customers_at_start'],
  active_customers: ['active_customers'],
  new_customers: ['new_customers'],
  reactivated_customers: ['reactivated_customers'],
  churned_customers: ['churned_customers'],
  early_churned_customers: ['early_churned_customers'],
  voluntary_churned_customers: ['voluntary_churned_customers'],
  involuntary_churned_customers: ['involuntary_churned_customers'],
  logo_churn_rate: ['churned_customers', 'customers_at_start'],
  voluntary_churn_rate: ['voluntary_churned_customers', 'customers_at_start'],
  involuntary_churn_rate: ['involuntary_churned_customers', 'customers_at_start'],
  crr: ['active_customers', 'new_customers', 'reactivated_customers', 'customers_at_start'],
  mrr_start: ['customers_at_start'],
  mrr: ['active_customers'],
  new_mrr: ['new_mrr'],
  expansion_mrr: ['expansion_mrr'],
  contraction_mrr: ['contraction_mrr'],
  churned_mrr: ['churned_mrr'],
  reactivation_mrr: ['reactivation_mrr'],
  net_new_mrr: ['new_mrr', 'expansion_mrr', 'reactivation_mrr', 'contraction_mrr', 'churned_mrr'],
  gross_revenue_churn: ['churned_mrr', 'contraction_mrr'],
  net_revenue_churn: ['churned_mrr', 'contraction_mrr', 'expansion_mrr'],
  grr: ['contraction_mrr', 'churned_mrr'],
  nrr: ['expansion_mrr', 'contraction_mrr', 'churned_mrr'],
  quick_ratio: ['new_mrr', 'expansion_mrr', 'reactivation_mrr', 'contraction_mrr', 'churned_mrr'],
  arpa: ['active_customers'],
  ltv: ['active_customers'],
  revenue: ['ordering_customers'],
  orders: ['ordering_customers'],
  ordering_customers: ['ordering_customers'],
};

export function drilldownsOf(key: MetricKey): readonly DrilldownMetric[] {
  return METRIC_DRILLDOWNS[key] ?? [];
}

export function isDrilldownMetric(value: string): value is DrilldownMetric {
  return (DRILLDOWN_METRICS as string[]).includes(value);
}

/** What a drill-down list is called: the customers of the set, in words. */
export const DRILLDOWN_TITLES: Record<DrilldownMetric, string> = {
  customers_at_start: 'Customers active at the start (S)',
  active_customers: 'Customers active at the end (E)',
  new_customers: 'New customers (N)',
  reactivated_customers: 'Reactivated customers (R)',
  churned_customers: 'Churned customers (C)',
  early_churned_customers: 'Early churn',
  voluntary_churned_customers: 'Voluntary churn',
  involuntary_churned_customers: 'Involuntary churn',
  new_mrr: 'Customers with new MRR',
  expansion_mrr: 'Customers who expanded',
  contraction_mrr: 'Customers who contracted',
  churned_mrr: 'Customers whose MRR churned',
  reactivation_mrr: 'Customers with reactivation MRR',
  ordering_customers: 'Customers who ordered',
};

/** Lists that belong together, offered side by side on a drill-down page (the other terms of the same formulas). */
export const DRILLDOWN_GROUPS: readonly (readonly DrilldownMetric[])[] = [
  ['customers_at_start', 'active_customers', 'new_customers', 'reactivated_customers', 'churned_customers', 'early_churned_customers'],
  ['churned_customers', 'voluntary_churned_customers', 'involuntary_churned_customers', 'early_churned_customers'],
  ['new_mrr', 'expansion_mrr', 'reactivation_mrr', 'contraction_mrr', 'churned_mrr'],
  ['ordering_customers'],
];

/** The group a list is shown with: the first that holds it. */
export function drilldownGroupOf(metric: DrilldownMetric): readonly DrilldownMetric[] {
  return DRILLDOWN_GROUPS.find((group) => group.includes(metric)) ?? [metric];
}
