import { lifetimeValue } from './formulas';
import { mean } from './stats';

/**
 * The what-if projection: what lowering monthly logo churn by some points would do to active customers, MRR and
 * LTV. A deliberately simple model, stated on the page: churn, new customers per month and revenue per customer
 * stay what they were; each month c(t+1) = c(t) × (1 − churn) + new.
 */
export type WhatIfBaseline = {
  /** Active customers and MRR (minor units) at the end of the last month. */
  customers: number;
  mrr: number;
  /** Revenue per active customer (minor units), as ARPA. */
  arpa: number | null;
  /** Mean monthly logo churn (fraction), the basis LTV uses. */
  monthlyChurn: number | null;
  /** New plus reactivated customers per month. */
  newPerMonth: number;
  grossMargin: number;
};

export type WhatIfOutcome = {
  customers: number;
  /** Null when there are no customers to take revenue per customer from. */
  mrr: number | null;
  /** Gross-margin revenue one customer brings within the horizon: ARPA × margin × Σ (1 − churn)^k, k < months. */
  ltv: number | null;
};

export type WhatIfHorizon = { months: number; baseline: WhatIfOutcome; scenario: WhatIfOutcome };

export type WhatIfResult = {
  churn: { baseline: number; scenario: number };
  /** ARPA × margin / churn, as the LTV metric; null without churn (no finite lifetime). */
  lifetimeLtv: { baseline: number | null; scenario: number | null };
  horizons: WhatIfHorizon[];
};

export const WHAT_IF_HORIZONS = [12, 24] as const;

/** How many months of history the baseline averages: the same 6 months LTV's churn comes from. */
export const WHAT_IF_BASELINE_MONTHS = 6;

/**
 * The baseline at month index `at` of monthly series: stocks at that month, churn and inflow averaged over the
 * WHAT_IF_BASELINE_MONTHS months before it (months without a rate are skipped, as LTV skips them).
 */
export function whatIfBaseline(
  series: {
    active_customers: readonly (number | null)[];
    mrr: readonly (number | null)[];
    arpa: readonly (number | null)[];
    logo_churn_rate: readonly (number | null)[];
    new_customers: readonly (number | null)[];
    reactivated_customers: readonly (number | null)[];
  },
  at: number,
  grossMargin: number,
): WhatIfBaseline {
  const before = Array.from({ length: WHAT_IF_BASELINE_MONTHS }, (_, i) => at - WHAT_IF_BASELINE_MONTHS + i).filter(
    (i) => i >= 0,
  );
  const known = (values: readonly (number | null)[]) =>
    before.map((i) => values[i]).filter((v): v is number => v !== null && v !== undefined);
  const inflow = before.flatMap((i) => {
    const added = series.new_customers[i];
    return added === null || added === undefined ? [] : [added + (series.reactivated_customers[i] ?? 0)];
  });
  return {
    customers: series.active_customers[at] ?? 0,
    mrr: series.mrr[at] ?? 0,
    arpa: series.arpa[at] ?? null,
    monthlyChurn: mean(known(series.logo_churn_rate)),
    newPerMonth: mean(inflow) ?? 0,
    grossMargin,
  };
}

function outcome(base: WhatIfBaseline, churn: number, months: number): WhatIfOutcome {
  let customers = base.customers;
  for (let t = 0; t < months; t++) customers = customers * (1 - churn) + base.newPerMonth;
  // Revenue per customer held at today's: MRR grows or shrinks with the customers.
  const mrr = base.customers > 0 ? (base.mrr / base.customers) * customers : null;
  const survival = churn === 0 ? months : (1 - (1 - churn) ** months) / churn;
  const ltv = base.arpa === null ? null : Math.round(base.arpa * base.grossMargin * survival);
  return { customers, mrr: mrr === null ? null : Math.round(mrr), ltv };
}

/**
 * Baseline and scenario (churn lowered by `reductionPoints` percentage points, not below 0) over 12 and 24 months.
 * Null without a baseline churn rate: there is nothing to lower.
 */
export function projectWhatIf(
  base: WhatIfBaseline,
  reductionPoints: number,
  horizons: readonly number[] = WHAT_IF_HORIZONS,
): WhatIfResult | null {
  if (base.monthlyChurn === null) return null;
  const baselineChurn = base.monthlyChurn;
  const scenarioChurn = Math.max(0, baselineChurn - Math.max(0, reductionPoints) / 100);
  return {
    churn: { baseline: baselineChurn, scenario: scenarioChurn },
    lifetimeLtv: {
      baseline: lifetimeValue(base.arpa, base.grossMargin, baselineChurn),
      scenario: lifetimeValue(base.arpa, base.grossMargin, scenarioChurn),
    },
    horizons: horizons.map((months) => ({
      months,
      baseline: outcome(base, baselineChurn, months),
      scenario: outcome(base, scenarioChurn, months),
    })),
  };
}
