import { describe, expect, it } from 'vitest';
import { parseMonth } from '@/lib/metrics/months';
import { kpiSearchString, parseDrilldownParams, parseKpiPageState } from '@/lib/validation/kpi-page';

const m = (text: string) => parseMonth(text)!;

describe('KPI page URL state', () => {
  it('reads the period, filters and cohort view', () => {
    expect(
      parseKpiPageState({
        period: 'quarter',
        quarter: '2026-Q1',
        segment: ' b2c ',
        tier: 'Gold',
        owner: 'CSM@holdfast.demo',
        cohorts: 'revenue',
      }),
    ).toEqual({
      selection: { kind: 'quarter', quarter: m('2026-01') },
      filters: { segment: 'b2c', loyaltyTier: 'Gold', owner: 'CSM@holdfast.demo' },
      cohorts: 'revenue',
    });
    expect(parseKpiPageState({ period: 'custom', from: '2025-06', to: '2026-02' }).selection).toEqual({
      kind: 'custom',
      from: m('2025-06'),
      to: m('2026-02'),
    });
    expect(parseKpiPageState({ period: 'year', year: '2025' }).selection).toEqual({ kind: 'year', year: 2025 });
  });

  it('drops each malformed parameter on its own', () => {
    expect(
      parseKpiPageState({
        period: 'month',
        month: '2026-13',
        owner: 'not-an-email',
        plan: ['growth', 'scale'],
        segment: '',
        cohorts: 'x',
      }),
    ).toEqual({
      selection: null,
      filters: { plan: 'growth' },
      cohorts: 'logo',
    });
    expect(parseKpiPageState({ period: 'custom', from: '2025-06' }).selection).toBeNull();
    expect(parseKpiPageState({ period: 'decade' }).selection).toBeNull();
  });

  it('writes the state back in the same names, defaults left out', () => {
    const state = parseKpiPageState({
      period: 'quarter',
      quarter: '2026-Q1',
      segment: 'b2c',
      tier: 'Gold',
      cohorts: 'revenue',
    });
    expect(kpiSearchString(state)).toBe('?period=quarter&quarter=2026-Q1&segment=b2c&tier=Gold&cohorts=revenue');
    expect(parseKpiPageState(Object.fromEntries(new URLSearchParams(kpiSearchString(state)))).selection).toEqual(
      state.selection,
    );
    expect(kpiSearchString({ filters: {} })).toBe('');
    expect(kpiSearchString({ filters: { plan: 'a&b' } }, { metric: 'churned_customers', month: '2026-03' })).toBe(
      '?plan=a%26b&metric=churned_customers&month=2026-03',
    );
  });

  it('reads a drill-down: only known sets, real months and cursors that are list positions', () => {
    expect(parseDrilldownParams({ metric: 'churned_customers', month: '2026-03', after: '1200_24314_42' })).toEqual({
      metric: 'churned_customers',
      month: m('2026-03'),
      after: '1200_24314_42',
    });
    expect(parseDrilldownParams({ metric: 'logo_churn_rate', month: '2026-3', after: '42' })).toEqual({
      metric: null,
      month: null,
      after: null,
    });
    // No month: the whole period of the page.
    expect(parseDrilldownParams({ metric: 'churned_mrr', after: '1_1_0' })).toEqual({
      metric: 'churned_mrr',
      month: null,
      after: null,
    });
  });
});

describe('labels and links', async () => {
  const { churnReasonLabel, segmentLabel, valueLabel } = await import('@/lib/metrics/labels');
  const { drilldownHref } = await import('@/lib/validation/kpi-page');

  it('make open vocabularies readable without renaming what users typed', () => {
    expect(segmentLabel('b2b_enterprise')).toBe('B2B enterprise');
    expect(segmentLabel('')).toBe('No segment');
    expect(valueLabel('Month-to-month')).toBe('Month to month');
    expect(valueLabel('Gold')).toBe('Gold');
    expect(churnReasonLabel('low_value')).toBe('Low perceived value');
    expect(churnReasonLabel('')).toBe('Not recorded');
    expect(churnReasonLabel('Moved away')).toBe('Moved away');
  });

  it('link a drill-down with the page’s period and filters, over the whole period or one month', () => {
    expect(
      drilldownHref(
        { selection: { kind: 'year', year: 2025 }, filters: { segment: 'b2c' } },
        'churned_customers',
        '2025-03',
      ),
    ).toBe('/kpis/customers?period=year&year=2025&segment=b2c&metric=churned_customers&month=2025-03');
    expect(
      drilldownHref({ selection: { kind: 'quarter', quarter: m('2026-07') }, filters: {} }, 'churned_customers'),
    ).toBe('/kpis/customers?period=quarter&quarter=2026-Q3&metric=churned_customers');
  });
});
