import type { MetricKey } from './catalog';
import type { Month } from './months';
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
  [
    'customers_at_start',
    'active_customers',
    'new_customers',
    'reactivated_customers',
    'churned_customers',
    'early_churned_customers',
  ],
  ['churned_customers', 'voluntary_churned_customers', 'involuntary_churned_customers', 'early_churned_customers'],
  ['new_mrr', 'expansion_mrr', 'reactivation_mrr', 'contraction_mrr', 'churned_mrr'],
  ['ordering_customers'],
];

/** The group a list is shown with: the first that holds it. */
export function drilldownGroupOf(metric: DrilldownMetric): readonly DrilldownMetric[] {
  return DRILLDOWN_GROUPS.find((group) => group.includes(metric)) ?? [metric];
}

/**
 * What a list is sorted by, largest first: the MRR a churn or contraction list lost, the MRR a list of new or
 * growing customers gained, the MRR of a list of customers at start or end, the order revenue of ordering customers.
 */
export type DrilldownSort = 'lost' | 'gained' | 'mrr_start' | 'mrr_end' | 'revenue';

export const DRILLDOWN_SORTS: Record<DrilldownMetric, DrilldownSort> = {
  customers_at_start: 'mrr_start',
  active_customers: 'mrr_end',
  new_customers: 'gained',
  reactivated_customers: 'gained',
  churned_customers: 'lost',
  early_churned_customers: 'lost',
  voluntary_churned_customers: 'lost',
  involuntary_churned_customers: 'lost',
  new_mrr: 'gained',
  expansion_mrr: 'gained',
  contraction_mrr: 'lost',
  churned_mrr: 'lost',
  reactivation_mrr: 'gained',
  ordering_customers: 'revenue',
};

export const DRILLDOWN_SORT_LABELS: Record<DrilldownSort, string> = {
  lost: 'MRR lost',
  gained: 'MRR gained',
  mrr_start: 'MRR at start',
  mrr_end: 'MRR at end',
  revenue: 'Order revenue',
};

/** A drill-down row's sort value, in minor units: what DRILLDOWN_SORTS orders by (the SQL computes the same). */
export function drilldownSortValue(
  sort: DrilldownSort,
  row: { mrrStartCents: number; mrrEndCents: number; revenueCents: number },
): number {
  switch (sort) {
    case 'lost':
      return row.mrrStartCents - row.mrrEndCents;
    case 'gained':
      return row.mrrEndCents - row.mrrStartCents;
    case 'mrr_start':
      return row.mrrStartCents;
    case 'mrr_end':
      return row.mrrEndCents;
    case 'revenue':
      return row.revenueCents;
  }
}

/**
 * The months a list over a period covers, as its number does: a flow (churned, new, MRR movements) is counted in
 * every month, so its list holds each month's customers; customers at start are the first month's, active
 * customers the last month's.
 */
export function drilldownMonths(
  metric: DrilldownMetric,
  range: { from: Month; to: Month },
): { from: Month; to: Month } {
  if (metric === 'customers_at_start') return { from: range.from, to: range.from };
  if (metric === 'active_customers') return { from: range.to, to: range.to };
  return range;
}

/** A keyset position in a sorted list: sort value, month, customer id (the order's tie-breakers). */
export type DrilldownCursor = { value: number; month: Month; id: number };

export function formatDrilldownCursor(cursor: DrilldownCursor): string {
  return `${cursor.value}_${cursor.month}_${cursor.id}`;
}

export function parseDrilldownCursor(text: string): DrilldownCursor | null {
  const match = /^(0|-?[1-9]\d{0,14})_([1-9]\d{0,5})_([1-9]\d{0,14})$/.exec(text);
  if (!match) return null;
  const [value, month, id] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return id > 0 ? { value, month, id } : null;
}
