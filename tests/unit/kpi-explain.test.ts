import { describe, expect, it } from 'vitest';
import {
  ANNUAL_RETENTION_BENCHMARKS,
  annualRetentionOf,
  churnBenchmarkFor,
  compareChurn,
  formatBenchmarkRange,
} from '@/lib/metrics/benchmarks';
import { METRIC_KEYS } from '@/lib/metrics/catalog';
import { changeOf, formatChange } from '@/lib/metrics/change';
import { buildKpiDocument, type KpiSource } from '@/lib/metrics/document';
import { drilldownsOf, DRILLDOWN_TITLES } from '@/lib/metrics/drilldowns';
import { explainMetric, knownMonthIndexes } from '@/lib/metrics/explain';
import { emptyInputs, type MonthInputs } from '@/lib/metrics/inputs';
import { parseMonth } from '@/lib/metrics/months';
import { DRILLDOWN_METRICS } from '@/lib/metrics/movements';
import { DEFAULT_CHURN_THRESHOLDS } from '@/lib/metrics/settings';

const m = (text: string) => parseMonth(text)!;
const inputs = (values: Partial<MonthInputs>): MonthInputs => ({ ...emptyInputs(), ...values });

function documentOf(history: Map<number, MonthInputs>, range: Partial<KpiSource> = {}) {
  return buildKpiDocument({
    from: m('2026-01'),
    to: m('2026-03'),
    through: m('2026-02'),
    refreshedAt: null,
    history,
    cohortCells: [],
    currency: 'USD',
    grossMargin: 0.8,
    windowDays: 90,
    churnThresholds: DEFAULT_CHURN_THRESHOLDS,
    filters: {},
    ...range,
  });
}

const HISTORY = new Map([
  [m('2025-12'), inputs({ customersStart: 50, churnedCustomers: 5, customersEnd: 100 })],
  [
    m('2026-01'),
    inputs({
      customersStart: 100,
      customersEnd: 110,
      churnedCustomers: 10,
      newCustomers: 20,
      mrrStart: 10_000,
      mrrEnd: 11_000,
      newMrr: 2_000,
      churnedMrr: 1_000,
    }),
  ],
  [
    m('2026-02'),
    inputs({
      customersStart: 110,
      customersEnd: 105,
      churnedCustomers: 30,
      newCustomers: 25,
      mrrStart: 11_000,
      mrrEnd: 10_000,
      churnedMrr: 1_000,
    }),
  ],
]);

describe('formula explanations', () => {
  it('show a rate with its inputs summed over the known months, matching the total', () => {
    const doc = documentOf(HISTORY);
    expect(knownMonthIndexes(doc)).toEqual([0, 1]);
    const churn = explainMetric(doc, 'logo_churn_rate');
    expect(churn).toMatchObject({ formula: 'C / S', value: 40 / 210 });
    expect(churn.terms.map((t) => [t.key, t.value])).toEqual([
      ['churned_customers', 40],
      ['customers_at_start', 210],
    ]);
    expect(churn.terms[0].value! / churn.terms[1].value!).toBe(churn.value);
    expect(churn.basis).toContain('Monthly average over the 2 months 2026-01 to 2026-02');
  });

  it('show a stock at the last known month and LTV with its margin and the churn it divides by', () => {
    const doc = documentOf(HISTORY);
    expect(explainMetric(doc, 'arpa').terms.find((t) => t.key === 'active_customers')?.value).toBe(105);
    const ltv = explainMetric(doc, 'ltv');
    const [arpa, margin, churn] = ltv.terms.map((t) => t.value);
    expect(margin).toBe(0.8);
    expect(churn).toBeCloseTo((10 / 100 + 5 / 50) / 2, 4);
    expect(ltv.value).toBe(Math.round((arpa! * 0.8) / ((10 / 100 + 5 / 50) / 2)));
  });

  it('give a single month no basis and an unknown period no value', () => {
    expect(explainMetric(documentOf(HISTORY, { to: m('2026-01') }), 'logo_churn_rate').basis).toBeNull();
    const empty = explainMetric(documentOf(new Map(), { through: null }), 'logo_churn_rate');
    expect(empty.value).toBeNull();
    expect(empty.terms.every((t) => t.value === null)).toBe(true);
  });

  it('exist for every metric', () => {
    const doc = documentOf(HISTORY);
    for (const key of METRIC_KEYS) expect(explainMetric(doc, key).formula.length).toBeGreaterThan(0);
  });
});

describe('change vs the previous period', () => {
  it('moves rates in points and colours them by the better direction', () => {
    expect(changeOf('logo_churn_rate', 0.06, 0.05)).toEqual({
      delta: expect.closeTo(1, 6),
      unit: 'points',
      tone: 'bad',
    });
    expect(changeOf('crr', 0.96, 0.95)?.tone).toBe('good');
    expect(formatChange(changeOf('logo_churn_rate', 0.04, 0.05)!)).toBe('−1.0 pts');
  });

  it('moves money and counts relatively, with nothing to compare from zero or unknown', () => {
    expect(changeOf('mrr', 11_000, 10_000)).toEqual({ delta: expect.closeTo(10, 6), unit: 'relative', tone: 'good' });
    expect(formatChange(changeOf('mrr', 11_000, 10_000)!)).toBe('+10.0%');
    expect(changeOf('churned_customers', 5, 0)).toBeNull();
    expect(changeOf('logo_churn_rate', null, 0.05)).toBeNull();
    expect(changeOf('mrr_start', 2, 1)?.tone).toBe('neutral');
    expect(formatChange(changeOf('quick_ratio', 2, 1.75)!)).toBe('+0.25');
    expect(changeOf('nps', 20, 20)).toEqual({ delta: 0, unit: 'points', tone: 'neutral' });
    expect(formatChange(changeOf('ces', 5.5, 7)!)).toBe('−1.50');
  });
});

describe('benchmarks', () => {
  it('match segment names to the published churn benchmarks', () => {
    expect(churnBenchmarkFor('b2b_enterprise')?.label).toBe('B2B enterprise');
    expect(churnBenchmarkFor('Enterprise')?.key).toBe('b2b_enterprise');
    expect(churnBenchmarkFor('SMB')?.key).toBe('b2b_smb');
    expect(churnBenchmarkFor('Consumer')?.key).toBe('b2c');
    expect(churnBenchmarkFor('government')).toBeNull();
    expect(churnBenchmarkFor(undefined)).toBeNull();
  });

  it('compare churn with a range and convert monthly churn to annual retention', () => {
    const enterprise = churnBenchmarkFor('b2b_enterprise')!;
    expect([0.02, 0.03, 0.05, null].map((rate) => compareChurn(rate, enterprise))).toEqual([
      'better',
      'within',
      'worse',
      null,
    ]);
    expect(formatBenchmarkRange(enterprise)).toBe('2.65–4.86%');
    expect(formatBenchmarkRange(churnBenchmarkFor('b2c')!)).toBe('5.11%');
    expect(annualRetentionOf(0.02)).toBeCloseTo(0.7847, 4);
    expect(annualRetentionOf(null)).toBeNull();
    expect(ANNUAL_RETENTION_BENCHMARKS.find((b) => b.industry === 'Telecom')?.retention).toBe(0.78);
  });
});

describe('drill-downs', () => {
  it('lead from rates to the sets of their formula and have a title for every set', () => {
    expect(drilldownsOf('logo_churn_rate')).toEqual(['churned_customers', 'customers_at_start']);
    expect(drilldownsOf('nps')).toEqual([]);
    for (const metric of DRILLDOWN_METRICS) expect(DRILLDOWN_TITLES[metric]).toBeTruthy();
  });
});
