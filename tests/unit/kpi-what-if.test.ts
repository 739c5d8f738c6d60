import { describe, expect, it } from 'vitest';
import { lifetimeValue } from '@/lib/metrics/formulas';
import { projectWhatIf, whatIfBaseline, type WhatIfBaseline } from '@/lib/metrics/what-if';

const BASE: WhatIfBaseline = {
  customers: 1_000,
  mrr: 10_000_000,
  arpa: 10_000,
  monthlyChurn: 0.05,
  newPerMonth: 50,
  grossMargin: 0.8,
};

describe('what-if projection', () => {
  it('keeps a steady state steady when nothing changes', () => {
    const result = projectWhatIf(BASE, 0)!;
    // 1000 × 0.95 + 50 = 1000: inflow balances churn.
    expect(result.horizons.map((h) => h.scenario.customers)).toEqual([
      expect.closeTo(1_000, 6),
      expect.closeTo(1_000, 6),
    ]);
    expect(result.horizons[0].scenario).toEqual(result.horizons[0].baseline);
    expect(result.horizons[0].baseline.mrr).toBe(10_000_000);
  });

  it('projects customers, MRR and LTV with churn lowered by X points', () => {
    const result = projectWhatIf(BASE, 2)!;
    expect(result.churn).toEqual({ baseline: 0.05, scenario: expect.closeTo(0.03, 10) });
    const [twelve, twentyFour] = result.horizons;
    expect(twelve.months).toBe(12);
    // c(t) = n/r + (c0 − n/r)(1 − r)^t with r = 3%: 1666.67 − 666.67 × 0.97^12
    const expected = (t: number) => 50 / 0.03 + (1_000 - 50 / 0.03) * 0.97 ** t;
    expect(twelve.scenario.customers).toBeCloseTo(expected(12), 6);
    expect(twentyFour.scenario.customers).toBeCloseTo(expected(24), 6);
    expect(twelve.scenario.mrr).toBe(Math.round(10_000 * expected(12)));
    // LTV within 12 months: ARPA × margin × (1 − 0.97^12) / 0.03
    expect(twelve.scenario.ltv).toBe(Math.round(10_000 * 0.8 * ((1 - 0.97 ** 12) / 0.03)));
    expect(twentyFour.scenario.ltv).toBeGreaterThan(twelve.scenario.ltv!);
    expect(result.lifetimeLtv).toEqual({
      baseline: lifetimeValue(10_000, 0.8, 0.05),
      scenario: lifetimeValue(10_000, 0.8, 0.03),
    });
  });

  it('never lowers churn below zero; then lifetime LTV has no finite value but the horizons do', () => {
    const result = projectWhatIf(BASE, 9)!;
    expect(result.churn.scenario).toBe(0);
    expect(result.lifetimeLtv.scenario).toBeNull();
    expect(result.horizons[0].scenario).toEqual({
      customers: 1_000 + 12 * 50,
      mrr: 16_000_000,
      ltv: 10_000 * 0.8 * 12,
    });
  });

  it('has nothing to project without a churn rate, and no MRR per customer without customers', () => {
    expect(projectWhatIf({ ...BASE, monthlyChurn: null }, 1)).toBeNull();
    const empty = projectWhatIf({ ...BASE, customers: 0, mrr: 0, arpa: null }, 1)!;
    expect(empty.horizons[0].scenario).toMatchObject({ mrr: null, ltv: null });
    expect(empty.horizons[0].scenario.customers).toBeGreaterThan(0);
  });

  it('takes its baseline from the 6 months before, as LTV does', () => {
    const n = (values: (number | null)[]) => values;
    const base = whatIfBaseline(
      {
        active_customers: n([90, 92, 94, 96, 98, 99, 100, 101]),
        mrr: n([0, 0, 0, 0, 0, 0, 0, 50_000]),
        arpa: n([0, 0, 0, 0, 0, 0, 0, 500]),
        logo_churn_rate: n([0.9, 0.01, 0.02, null, 0.04, 0.05, 0.06, 0.5]),
        new_customers: n([9, 1, 2, 3, 4, 5, 6, 9]),
        reactivated_customers: n([9, 1, 0, 0, 0, 0, 0, 9]),
      },
      7,
      1,
    );
    expect(base).toEqual({
      customers: 101,
      mrr: 50_000,
      arpa: 500,
      monthlyChurn: expect.closeTo(0.036, 10),
      newPerMonth: 22 / 6,
      grossMargin: 1,
    });
  });
});
