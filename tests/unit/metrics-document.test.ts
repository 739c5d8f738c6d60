import { describe, expect, it } from 'vitest';
import { buildKpiDocument, type KpiSource } from '@/lib/metrics/document';
import { formatMetric } from '@/lib/metrics/format';
import { emptyInputs, type MonthInputs } from '@/lib/metrics/inputs';
import { parseMonth } from '@/lib/metrics/months';
import { referenceInputs, type CustomerRecord } from '@/lib/metrics/reference';
import { DEFAULT_CHURN_THRESHOLDS } from '@/lib/metrics/settings';

const m = (text: string) => parseMonth(text)!;
const at = (iso: string) => Date.parse(iso);
const inputs = (values: Partial<MonthInputs>): MonthInputs => ({ ...emptyInputs(), ...values });

function source(overrides: Partial<KpiSource>): KpiSource {
  return {
    from: m('2026-01'),
    to: m('2026-03'),
    through: m('2026-03'),
    refreshedAt: null,
    history: new Map(),
    cohortCells: [],
    currency: 'USD',
    grossMargin: 1,
    windowDays: 90,
    churnThresholds: DEFAULT_CHURN_THRESHOLDS,
    filters: {},
    ...overrides,
  };
}

describe('the KPI document', () => {
  it('shows an empty month as zero counts and null rates, and months after the rollups as null', () => {
    const document = buildKpiDocument(
      source({
        through: m('2026-02'),
        history: new Map([[m('2026-01'), inputs({ customersEnd: 4, newCustomers: 4 })]]),
      }),
    );
    expect(document.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(document.series.active_customers).toEqual([4, 0, null]);
    expect(document.series.new_customers).toEqual([4, 0, null]);
    expect(document.series.logo_churn_rate).toEqual([null, null, null]);
    expect(document.series.nps).toEqual([null, null, null]);
    expect(document.rollup.through).toBe('2026-02');
    expect(
      Object.values(document.series)
        .flat()
        .some((v) => Number.isNaN(v)),
    ).toBe(false);
  });

  it('totals: flows summed, stocks first or last, rates pooled over their denominators', () => {
    const history = new Map([
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
          npsResponses: 2,
          npsPromoters: 2,
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
          npsResponses: 2,
          npsDetractors: 2,
        }),
      ],
    ]);
    const { totals } = buildKpiDocument(source({ to: m('2026-02'), history }));
    expect(totals.customers_at_start).toBe(100);
    expect(totals.active_customers).toBe(105);
    expect(totals.churned_customers).toBe(40);
    expect(totals.new_customers).toBe(45);
    expect(totals.logo_churn_rate).toBe(40 / 210);
    expect(totals.crr).toBe(170 / 210);
    expect(totals.mrr).toBe(10_000);
    expect(totals.gross_revenue_churn).toBe(2_000 / 21_000);
    expect(totals.quick_ratio).toBe(1);
    expect(totals.nps).toBe(0);
    expect(totals).not.toHaveProperty('ordering_customers');
  });

  it('LTV divides ARPA x margin by the mean logo churn of the 6 months before', () => {
    const history = new Map<number, MonthInputs>();
    // Churn 2%, 4%, ... 12% in 2025-07..2025-12 (mean 7%), then a month of 50 customers paying 200 each.
    for (let i = 0; i < 6; i++)
      history.set(m('2025-07') + i, inputs({ customersStart: 100, churnedCustomers: 2 * (i + 1), customersEnd: 100 }));
    history.set(m('2026-01'), inputs({ customersStart: 100, customersEnd: 50, churnedCustomers: 50, mrrEnd: 10_000 }));
    const document = buildKpiDocument(source({ to: m('2026-01'), history, grossMargin: 0.7 }));
    expect(document.series.arpa).toEqual([200]);
    expect(document.series.ltv).toEqual([Math.round((200 * 0.7) / ((2 + 4 + 6 + 8 + 10 + 12) / 600))]);
    expect(buildKpiDocument(source({ from: m('2025-07'), to: m('2025-07'), history })).series.ltv).toEqual([null]);
  });

  it('repeat purchase rate counts customers with a first and a second order up to each month', () => {
    const history = new Map([
      [m('2025-11'), inputs({ firstOrderCustomers: 4, secondOrderCustomers: 1 })],
      [m('2026-01'), inputs({ firstOrderCustomers: 1, secondOrderCustomers: 2 })],
    ]);
    expect(buildKpiDocument(source({ history })).series.repeat_purchase_rate).toEqual([3 / 5, 3 / 5, 3 / 5]);
    expect(
      buildKpiDocument(source({ from: m('2025-10'), to: m('2025-12'), history })).series.repeat_purchase_rate,
    ).toEqual([null, 1 / 4, 1 / 4]);
  });

  it('time to value is the median over the month’s histogram, and over the merged histograms in the total', () => {
    const history = new Map([
      [m('2026-01'), inputs({ acquiredCustomers: 4, activatedCustomers: 3, ttvDays: { 2: 2, 9: 1 } })],
      [m('2026-02'), inputs({ acquiredCustomers: 2, activatedCustomers: 2, ttvDays: { 9: 1, 30: 1 } })],
    ]);
    const document = buildKpiDocument(source({ to: m('2026-02'), history }));
    expect(document.series.ttv_median_days).toEqual([2, 19.5]);
    expect(document.series.activation_rate).toEqual([0.75, 1]);
    expect(document.totals.ttv_median_days).toBe(9); // 2, 2, 9, 9, 30
    expect(document.totals.activation_rate).toBe(5 / 6);
  });
});

describe('cohort matrices from hand-made customers', () => {
  const subscriber = (rows: [string, number][]): CustomerRecord => ({
    subscriptions: rows.map(([iso, mrrCents]) => ({ at: at(iso), mrrCents })),
    orders: [],
    feedback: [],
    churnType: null,
    acquiredAt: null,
    activatedAt: null,
  });
  const customers: CustomerRecord[] = [
    subscriber([
      ['2026-01-03T00:00:00Z', 100],
      ['2026-03-10T00:00:00Z', 0],
    ]), // Jan cohort, paying in Feb, gone in Mar
    subscriber([
      ['2026-01-15T00:00:00Z', 50],
      ['2026-02-10T00:00:00Z', 80],
    ]), // Jan cohort, expands, stays
    subscriber([
      ['2026-01-05T00:00:00Z', 30],
      ['2026-01-20T00:00:00Z', 0],
    ]), // Jan cohort, early churn: 0 at the end of Jan
    {
      ...subscriber([]),
      orders: [
        { at: at('2026-02-02T00:00:00Z'), amountCents: 30 },
        { at: at('2026-04-09T00:00:00Z'), amountCents: 60 },
      ],
    }, // Feb cohort by orders: ordered in Feb and Apr
  ];
  const { inputs: history, cohortCells } = referenceInputs(customers, {
    from: m('2026-01'),
    through: m('2026-04'),
    windowDays: 30,
  });
  const { cohorts } = buildKpiDocument(source({ to: m('2026-04'), through: m('2026-04'), history, cohortCells }));

  it('month 0 is the whole cohort; later months count MRR > 0 at month end, or an order in the month', () => {
    expect(cohorts.sizes).toEqual({ '2026-01': 3, '2026-02': 1 });
    expect(cohorts.logo).toEqual({ '2026-01': [1, 2 / 3, 1 / 3, 1 / 3], '2026-02': [1, 0, 1] });
  });

  it('the revenue version divides month k’s MRR or order revenue by month 0’s', () => {
    expect(cohorts.revenue).toEqual({ '2026-01': [1, 180 / 150, 80 / 150, 80 / 150], '2026-02': [1, 0, 2] });
  });
});

describe('formatMetric', () => {
  it('renders null as "—" and each kind in its unit', () => {
    expect(formatMetric('logo_churn_rate', null, 'USD')).toBe('—');
    expect(formatMetric('logo_churn_rate', 0.0525, 'USD')).toBe('5.3%');
    expect(formatMetric('mrr', 1_234_567, 'USD')).toBe('$12,345.67');
    expect(formatMetric('quick_ratio', 2.5, 'USD')).toBe('2.50');
    expect(formatMetric('active_customers', 12_345, 'USD')).toBe('12,345');
    expect(formatMetric('nps', -12.5, 'USD')).toBe('-12.5');
    expect(formatMetric('ttv_median_days', 4.5, 'USD')).toBe('4.5 d');
  });
});
