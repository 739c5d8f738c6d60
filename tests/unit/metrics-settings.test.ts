import { describe, expect, it } from 'vitest';
import { parseMonth } from '@/lib/metrics/months';
import { kpiDrilldownSchema, kpiQuerySchema } from '@/lib/metrics/query';
import {
  churnStatus,
  churnThresholdsFor,
  DEFAULT_METRICS_SETTINGS,
  metricsSettingsSchema,
} from '@/lib/metrics/settings';

describe('metric settings', () => {
  it('default to 100% gross margin, W from the data, and 5% / 7% churn thresholds', () => {
    expect(DEFAULT_METRICS_SETTINGS).toEqual({
      grossMargin: 1,
      inactivityWindowDays: null,
      churnThresholds: { target: 0.05, watch: 0.07 },
      segmentChurnThresholds: {},
    });
    expect(metricsSettingsSchema.parse({ grossMargin: 0.8 }).churnThresholds).toEqual({ target: 0.05, watch: 0.07 });
  });

  it('classify monthly logo churn: <= 5% on target, up to 7% watch, above critical; per-segment overrides', () => {
    const settings = metricsSettingsSchema.parse({ segmentChurnThresholds: { b2c: { target: 0.06, watch: 0.08 } } });
    const thresholds = churnThresholdsFor(settings);
    expect([0.03, 0.05, 0.06, 0.07, 0.0701, null].map((rate) => churnStatus(rate, thresholds))).toEqual([
      'on_target',
      'on_target',
      'watch',
      'watch',
      'critical',
      null,
    ]);
    expect(churnStatus(0.06, churnThresholdsFor(settings, 'b2c'))).toBe('on_target');
    expect(churnThresholdsFor(settings, 'b2b_smb')).toEqual(thresholds);
  });

  it('reject impossible values', () => {
    expect(metricsSettingsSchema.safeParse({ grossMargin: 1.2 }).success).toBe(false);
    expect(metricsSettingsSchema.safeParse({ inactivityWindowDays: 0 }).success).toBe(false);
    expect(metricsSettingsSchema.safeParse({ churnThresholds: { target: 0.08, watch: 0.07 } }).success).toBe(false);
  });
});

describe('KPI query input', () => {
  it('parses months and filters, dropping blank filter values', () => {
    expect(kpiQuerySchema.parse({ from: '2025-01', to: ' 2026-06 ', filters: { segment: ' b2c ', plan: '' } })).toEqual(
      {
        from: parseMonth('2025-01'),
        to: parseMonth('2026-06'),
        filters: { segment: 'b2c', plan: undefined },
      },
    );
    expect(kpiQuerySchema.parse({})).toEqual({ filters: {} });
  });

  it('names the field of each mistake', () => {
    const issues = (input: unknown) =>
      kpiQuerySchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ from: '2026-1' })).toEqual([['from', 'Use a month as YYYY-MM.']]);
    expect(issues({ from: '2026-05', to: '2026-04' })).toEqual([['from', 'The start month is after the end month.']]);
    expect(issues({ from: '2010-01', to: '2026-04' })).toEqual([['from', 'Ask for at most 120 months.']]);
    expect(issues({ filters: { owner: 'not-an-email' } })).toEqual([
      ['filters.owner', 'Give the owner as an email address.'],
    ]);
    expect(kpiDrilldownSchema.safeParse({ metric: 'nps', from: '2026-01', to: '2026-01' }).success).toBe(false);
    expect(kpiDrilldownSchema.parse({ metric: 'churned_customers', from: '2026-01', to: '2026-03' })).toMatchObject({
      cursor: null,
      limit: 50,
    });
    expect(
      kpiDrilldownSchema.parse({ metric: 'churned_customers', from: '2026-01', to: '2026-01', cursor: '-500_24314_7' })
        .cursor,
    ).toEqual({ value: -500, month: 24314, id: 7 });
    const drilldownIssues = (input: unknown) =>
      kpiDrilldownSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(drilldownIssues({ metric: 'churned_customers', from: '2026-03', to: '2026-01' })).toEqual([
      ['from', 'The start month is after the end month.'],
    ]);
    expect(drilldownIssues({ metric: 'churned_customers', from: '2026-01', to: '2026-01', cursor: '42' })).toEqual([
      ['cursor', 'Not a position in this list.'],
    ]);
  });
});
