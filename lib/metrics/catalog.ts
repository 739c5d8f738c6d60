import { activationRate } from './activation';
import {
  arpa,
  customerRetentionRate,
  grossRevenueChurn,
  grossRevenueRetention,
  lifetimeValue,
  logoChurnRate,
  netNewMrr,
  netRevenueChurn,
  netRevenueRetention,
  quickRatio,
  ratio,
  repeatPurchaseRate,
  type MrrMovements,
} from './formulas';
import type { MonthInputs } from './inputs';
import { medianOfHistogram } from './stats';
import { cesFromCounts, csatFromCounts, npsFromCounts } from './surveys';

/** A month's inputs plus what a month's formulas need from around it. */
export type MonthFigures = MonthInputs & {
  /** Customers with >= 1 / >= 2 orders by the end of the month. */
  customersWithOrderToDate: number;
  customersWithRepeatOrderToDate: number;
  /** Mean monthly logo churn of the 6 months before (null when none of them has customers at start). */
  trailingChurnRate: number | null;
  grossMargin: number;
};

export type MetricKind = 'count' | 'rate' | 'money' | 'ratio' | 'score' | 'days';

export type MetricDefinition = {
  label: string;
  /** Shown beside the number ("formula and inputs"). */
  formula: string;
  /** The series a value is computed from, for hover and drill-down. */
  inputs: readonly string[];
  kind: MetricKind;
  better: 'higher' | 'lower' | null;
  /**
   * How the range total is formed: 'sum' = the formula over the range's summed inputs (a sum for counts and money
   * flows; for rates the monthly average weighted by the denominators), 'first' / 'last' = the first / last
   * month's value (stocks), null = no total (distinct customers do not add up over months).
   */
  total: 'sum' | 'first' | 'last' | null;
  compute: (f: MonthFigures) => number | null;
};

const movements = (f: MonthFigures): MrrMovements => ({
  mrrStart: f.mrrStart,
  newMrr: f.newMrr,
  expansion: f.expansionMrr,
  contraction: f.contractionMrr,
  churned: f.churnedMrr,
  reactivation: f.reactivationMrr,
});
const arpaOf = (f: MonthFigures) => arpa(f.mrrEnd + f.orderBasisRevenue, f.customersEnd);

const count = (
  label: string,
  formula: string,
  better: MetricDefinition['better'],
  compute: (f: MonthFigures) => number,
  total: MetricDefinition['total'] = 'sum',
): MetricDefinition => ({ label, formula, inputs: [], kind: 'count', better, total, compute });
const money = (label: string, formula: string, compute: (f: MonthFigures) => number): MetricDefinition => ({
  label,
  formula,
  inputs: [],
  kind: 'money',
  better: null,
  total: 'sum',
  compute,
});

/** Every KPI series: the snake_case key used by the JSON document, the CLI and the pages. */
export const METRICS = {
  customers_at_start: count(
    'Customers at start (S)',
    'S = customers active at the start of the month',
    null,
    (f) => f.customersStart,
    'first',
  ),
  active_customers: count(
    'Active customers (E)',
    'E = customers active at the end of the month',
    'higher',
    (f) => f.customersEnd,
    'last',
  ),
  new_customers: count(
    'New customers (N)',
    'N = first became active during the month and still active at its end',
    'higher',
    (f) => f.newCustomers,
  ),
  reactivated_customers: count(
    'Reactivated customers (R)',
    'R = active before, inactive at the start, active at the end',
    'higher',
    (f) => f.reactivatedCustomers,
  ),
  churned_customers: count(
    'Churned customers (C)',
    'C = in S and not active at the end',
    'lower',
    (f) => f.churnedCustomers,
  ),
  early_churned_customers: count(
    'Early churn',
    'became active during the month and inactive again by its end (not in C)',
    'lower',
    (f) => f.earlyChurnedCustomers,
  ),
  voluntary_churned_customers: count(
    'Voluntary churn',
    'C whose churn type is not involuntary',
    'lower',
    (f) => f.churnedCustomers - f.involuntaryChurnedCustomers,
  ),
  involuntary_churned_customers: count(
    'Involuntary churn',
    'C whose churn type is involuntary (failed payment, card expiry)',
    'lower',
    (f) => f.involuntaryChurnedCustomers,
  ),
  logo_churn_rate: {
    label: 'Logo churn rate',
    formula: 'C / S',
    inputs: ['churned_customers', 'customers_at_start'],
    kind: 'rate',
    better: 'lower',
    total: 'sum',
    compute: (f) => logoChurnRate(f.churnedCustomers, f.customersStart),
  },
  voluntary_churn_rate: {
    label: 'Voluntary churn rate',
    formula: 'C voluntary / S',
    inputs: ['voluntary_churned_customers', 'customers_at_start'],
    kind: 'rate',
    better: 'lower',
    total: 'sum',
    compute: (f) => ratio(f.churnedCustomers - f.involuntaryChurnedCustomers, f.customersStart),
  },
  involuntary_churn_rate: {
    label: 'Involuntary churn rate',
    formula: 'C involuntary / S',
    inputs: ['involuntary_churned_customers', 'customers_at_start'],
    kind: 'rate',
    better: 'lower',
    total: 'sum',
    compute: (f) => ratio(f.involuntaryChurnedCustomers, f.customersStart),
  },
  crr: {
    label: 'Customer retention rate',
    formula: '(E − N − R) / S',
    inputs: ['active_customers', 'new_customers', 'reactivated_customers', 'customers_at_start'],
    kind: 'rate',
    better: 'higher',
    total: 'sum',
    compute: (f) =>
      customerRetentionRate({
        atEnd: f.customersEnd,
        newCustomers: f.newCustomers,
        reactivated: f.reactivatedCustomers,
        atStart: f.customersStart,
      }),
  },
  mrr_start: {
    ...money('MRR at start', 'sum of MRR at the end of the previous month', (f) => f.mrrStart),
    total: 'first',
  },
  mrr: { ...money('MRR', 'sum of MRR at the end of the month', (f) => f.mrrEnd), better: 'higher', total: 'last' },
  new_mrr: money('New MRR', 'month-end MRR of new customers', (f) => f.newMrr),
  expansion_mrr: money('Expansion MRR', 'MRR increases of customers paying at both month ends', (f) => f.expansionMrr),
  contraction_mrr: money(
    'Contraction MRR',
    'MRR decreases of customers still paying at the end',
    (f) => f.contractionMrr,
  ),
  churned_mrr: money('Churned MRR', 'MRR at start of customers at 0 at the end', (f) => f.churnedMrr),
  reactivation_mrr: money(
    'Reactivation MRR',
    'month-end MRR of customers back from 0 after having paid before',
    (f) => f.reactivationMrr,
  ),
  net_new_mrr: {
    ...money('Net new MRR', 'new + expansion + reactivation − contraction − churned', (f) => netNewMrr(movements(f))),
    inputs: ['new_mrr', 'expansion_mrr', 'reactivation_mrr', 'contraction_mrr', 'churned_mrr'],
    better: 'higher',
  },
  gross_revenue_churn: {
    label: 'Gross revenue churn',
    formula: '(churned + contraction) / MRR at start',
    inputs: ['churned_mrr', 'contraction_mrr', 'mrr_start'],
    kind: 'rate',
    better: 'lower',
    total: 'sum',
    compute: (f) => grossRevenueChurn(movements(f)),
  },
  net_revenue_churn: {
    label: 'Net revenue churn',
    formula: '(churned + contraction − expansion) / MRR at start',
    inputs: ['churned_mrr', 'contraction_mrr', 'expansion_mrr', 'mrr_start'],
    kind: 'rate',
    better: 'lower',
    total: 'sum',
    compute: (f) => netRevenueChurn(movements(f)),
  },
  grr: {
    label: 'Gross revenue retention',
    formula: '(MRR at start − contraction − churned) / MRR at start',
    inputs: ['mrr_start', 'contraction_mrr', 'churned_mrr'],
    kind: 'rate',
    better: 'higher',
    total: 'sum',
    compute: (f) => grossRevenueRetention(movements(f)),
  },
  nrr: {
    label: 'Net revenue retention',
    formula: '(MRR at start + expansion − contraction − churned) / MRR at start',
    inputs: ['mrr_start', 'expansion_mrr', 'contraction_mrr', 'churned_mrr'],
    kind: 'rate',
    better: 'higher',
    total: 'sum',
    compute: (f) => netRevenueRetention(movements(f)),
  },
  quick_ratio: {
    label: 'Quick ratio',
    formula: '(new + expansion + reactivation) / (contraction + churned)',
    inputs: ['new_mrr', 'expansion_mrr', 'reactivation_mrr', 'contraction_mrr', 'churned_mrr'],
    kind: 'ratio',
    better: 'higher',
    total: 'sum',
    compute: (f) => quickRatio(movements(f)),
  },
  arpa: {
    label: 'ARPA',
    formula: '(MRR + order revenue of order customers) / E',
    inputs: ['mrr', 'revenue', 'active_customers'],
    kind: 'money',
    better: 'higher',
    total: 'last',
    compute: arpaOf,
  },
  ltv: {
    label: 'LTV',
    formula: 'ARPA × gross margin / mean monthly logo churn of the previous 6 months',
    inputs: ['arpa', 'logo_churn_rate'],
    kind: 'money',
    better: 'higher',
    total: 'last',
    compute: (f) => lifetimeValue(arpaOf(f), f.grossMargin, f.trailingChurnRate),
  },
  revenue: { ...money('Order revenue', 'sum of order amounts in the month', (f) => f.revenue), better: 'higher' },
  orders: count('Orders', 'orders placed in the month', 'higher', (f) => f.orders),
  ordering_customers: count(
    'Ordering customers',
    'customers with at least one order in the month',
    'higher',
    (f) => f.orderingCustomers,
    null,
  ),
  repeat_purchase_rate: {
    label: 'Repeat purchase rate',
    formula: 'customers with ≥ 2 orders / customers with ≥ 1 order, by the end of the month',
    inputs: [],
    kind: 'rate',
    better: 'higher',
    total: 'last',
    compute: (f) => repeatPurchaseRate(f.customersWithRepeatOrderToDate, f.customersWithOrderToDate),
  },
  nps: {
    label: 'NPS',
    formula: '% promoters (9–10) − % detractors (0–6), in points',
    inputs: ['nps_promoters', 'nps_detractors', 'nps_responses'],
    kind: 'score',
    better: 'higher',
    total: 'sum',
    compute: (f) => npsFromCounts(f.npsPromoters, f.npsDetractors, f.npsResponses),
  },
  nps_promoters: count('NPS promoters', 'answers of 9–10', 'higher', (f) => f.npsPromoters),
  nps_detractors: count('NPS detractors', 'answers of 0–6', 'lower', (f) => f.npsDetractors),
  nps_responses: count('NPS responses', 'NPS answers in the month', null, (f) => f.npsResponses),
  csat: {
    label: 'CSAT',
    formula: 'share of 4–5 answers on a 1–5 scale',
    inputs: ['csat_responses'],
    kind: 'rate',
    better: 'higher',
    total: 'sum',
    compute: (f) => csatFromCounts(f.csatSatisfied, f.csatResponses),
  },
  csat_responses: count('CSAT responses', 'CSAT answers in the month', null, (f) => f.csatResponses),
  ces: {
    label: 'CES',
    formula: 'mean customer effort score (1–7, 7 = very easy)',
    inputs: ['ces_responses'],
    kind: 'score',
    better: 'higher',
    total: 'sum',
    compute: (f) => cesFromCounts(f.cesSum, f.cesResponses),
  },
  ces_responses: count('CES responses', 'CES answers in the month', null, (f) => f.cesResponses),
  acquired_customers: count(
    'Acquired customers',
    'customers acquired in the month',
    'higher',
    (f) => f.acquiredCustomers,
  ),
  activated_customers: count(
    'Activated customers',
    'customers acquired in the month who have activated',
    'higher',
    (f) => f.activatedCustomers,
  ),
  activation_rate: {
    label: 'Activation rate',
    formula: 'activated / acquired (customers acquired in the month)',
    inputs: ['activated_customers', 'acquired_customers'],
    kind: 'rate',
    better: 'higher',
    total: 'sum',
    compute: (f) => activationRate(f.activatedCustomers, f.acquiredCustomers),
  },
  ttv_median_days: {
    label: 'Time to value',
    formula: 'median whole days from acquired_at to activated_at (customers acquired in the month)',
    inputs: ['activated_customers'],
    kind: 'days',
    better: 'lower',
    total: 'sum',
    compute: (f) => medianOfHistogram(f.ttvDays),
  },
} satisfies Record<string, MetricDefinition>;

export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];
