import { METRICS, METRIC_KEYS, type MetricKey, type MonthFigures } from './catalog';
import { logoChurnRate, ratio } from './formulas';
import { emptyInputs, sumInputs, type CohortCell, type MonthInputs } from './inputs';
import { formatMonth, monthsBetween, type Month } from './months';
import type { ChurnThresholds } from './settings';
import { mean } from './stats';

/** Months of logo churn that LTV averages. */
const LTV_CHURN_MONTHS = 6;

export type KpiDocument = {
  months: string[];
  /** Money is in minor units of this currency. */
  currency: string;
  series: Record<MetricKey, (number | null)[]>;
  cohorts: {
    /** Cohort 'YYYY-MM' -> share of the cohort active in month 0, 1, 2, ... (month 0 = 1). */
    logo: Record<string, (number | null)[]>;
    /** Cohort -> revenue in month k / revenue in month 0. */
    revenue: Record<string, (number | null)[]>;
    sizes: Record<string, number>;
  };
  totals: Partial<Record<MetricKey, number | null>>;
  settings: { gross_margin: number; inactivity_window_days: number | null; churn_thresholds: ChurnThresholds };
  /** The filters the numbers are for (none = the whole workspace). */
  filters: Record<string, string | undefined>;
  /**
   * Last month the rollups cover, when they were refreshed, and how many changes logged since then are not in them yet
   * (one customer's rows of one write; a refresh is applying them); later months are null.
   */
  rollup: { through: string | null; refreshed_at: string | null; pending_changes: number };
};

export type KpiSource = {
  from: Month;
  to: Month;
  /** Last month computed; months after it (or all, when null) are unknown rather than empty. */
  through: Month | null;
  refreshedAt: Date | null;
  /** Changes logged since the last refresh (default 0). */
  pendingChanges?: number;
  /** Inputs of the months up to `to` (any missing month had nothing in it); earlier months feed LTV and to-date counts. */
  history: ReadonlyMap<Month, MonthInputs>;
  /** Cells of the cohorts from..to. */
  cohortCells: readonly CohortCell[];
  currency: string;
  grossMargin: number;
  windowDays: number | null;
  churnThresholds: ChurnThresholds;
  filters: Record<string, string | undefined>;
};

/** The KPI document the service returns, the CLI prints and the pages render: every formula applied here. */
export function buildKpiDocument(source: KpiSource): KpiDocument {
  const known = (month: Month) => source.through !== null && month <= source.through;
  const inputsOf = (month: Month) => source.history.get(month) ?? emptyInputs();
  const figuresOf = figureMaker(source, inputsOf, known);

  const months = monthsBetween(source.from, source.to);
  const figures = months.map((month) => (known(month) ? figuresOf(month) : null));
  const series = Object.fromEntries(
    METRIC_KEYS.map((key) => [key, figures.map((f) => (f === null ? null : METRICS[key].compute(f)))]),
  ) as KpiDocument['series'];

  const knownMonths = months.filter(known);
  const totals: KpiDocument['totals'] = {};
  if (knownMonths.length > 0) {
    const last = knownMonths.length - 1;
    const pooled: MonthFigures = { ...figures[last]!, ...sumInputs(knownMonths.map(inputsOf)) };
    for (const key of METRIC_KEYS) {
      const mode = METRICS[key].total;
      if (mode === 'sum') totals[key] = METRICS[key].compute(pooled);
      else if (mode === 'first') totals[key] = series[key][0];
      else if (mode === 'last') totals[key] = series[key][last];
    }
  }

  return {
    months: months.map(formatMonth),
    currency: source.currency,
    series,
    cohorts: cohortMatrices(source.cohortCells, source.from, Math.min(source.to, source.through ?? -Infinity)),
    totals,
    settings: {
      gross_margin: source.grossMargin,
      inactivity_window_days: source.windowDays,
      churn_thresholds: source.churnThresholds,
    },
    filters: Object.fromEntries(Object.entries(source.filters).filter(([, value]) => value !== undefined)),
    rollup: {
      through: source.through === null ? null : formatMonth(source.through),
      refreshed_at: source.refreshedAt?.toISOString() ?? null,
      pending_changes: source.pendingChanges ?? 0,
    },
  };
}

function figureMaker(
  source: KpiSource,
  inputsOf: (month: Month) => MonthInputs,
  known: (month: Month) => boolean,
): (month: Month) => MonthFigures {
  const ordersToDate = (month: Month) => {
    let first = 0;
    let second = 0;
    for (const [m, inputs] of source.history) {
      if (m > month) continue;
      first += inputs.firstOrderCustomers;
      second += inputs.secondOrderCustomers;
    }
    return { first, second };
  };
  const trailingChurn = (month: Month) =>
    mean(
      monthsBetween(month - LTV_CHURN_MONTHS, month - 1)
        .filter(known)
        .map((m) => logoChurnRate(inputsOf(m).churnedCustomers, inputsOf(m).customersStart))
        .filter((rate): rate is number => rate !== null),
    );
  return (month) => {
    const orders = ordersToDate(month);
    return {
      ...inputsOf(month),
      customersWithOrderToDate: orders.first,
      customersWithRepeatOrderToDate: orders.second,
      trailingChurnRate: trailingChurn(month),
      grossMargin: source.grossMargin,
    };
  };
}

/** Logo and revenue retention of each cohort from..through, month 0 to through; empty cohorts are left out. */
function cohortMatrices(cells: readonly CohortCell[], from: Month, through: Month): KpiDocument['cohorts'] {
  const byKey = new Map(cells.map((cell) => [`${cell.cohort}:${cell.month}`, cell]));
  const cell = (cohort: Month, month: Month) => byKey.get(`${cohort}:${month}`) ?? { customers: 0, revenueCents: 0 };
  const result: KpiDocument['cohorts'] = { logo: {}, revenue: {}, sizes: {} };
  for (const cohort of monthsBetween(from, through)) {
    const base = cell(cohort, cohort);
    if (base.customers === 0) continue;
    const later = monthsBetween(cohort, through).map((month) => cell(cohort, month));
    const label = formatMonth(cohort);
    result.sizes[label] = base.customers;
    result.logo[label] = later.map((c) => ratio(c.customers, base.customers));
    result.revenue[label] = later.map((c) => ratio(c.revenueCents, base.revenueCents));
  }
  return result;
}
