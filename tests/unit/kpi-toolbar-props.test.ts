import { describe, expect, it } from 'vitest';
import { toolbarProps } from '@/components/kpis/toolbar-props';
import { resolvePeriod, type PeriodSelection } from '@/lib/metrics/period';

const month = (year: number, m: number) => year * 12 + m - 1;
const current = month(2026, 12);
const options = { segment: [], plan: [], country: [], loyaltyTier: [], owner: [], firstMonth: month(2026, 11) };
const pickerOf = (selection: PeriodSelection) =>
  toolbarProps(
    resolvePeriod(selection, { month: current, day: 2 }),
    { selection, filters: {}, cohorts: 'logo' },
    options,
    current,
  );

describe('the KPI period picker', () => {
  it('starts at the first month with data, even when the chosen year began before it', () => {
    const picker = pickerOf({ kind: 'year', year: 2026 });
    expect(picker.months.map((m) => m.value)).toEqual(['2026-12', '2026-11']);
    expect(picker.quarters.map((q) => q.label)).toEqual(['Q4 2026 (to date)']);
    expect(picker.years.map((y) => y.value)).toEqual(['2026']);
  });

  it('keeps a month or range chosen before the data choosable', () => {
    expect(pickerOf({ kind: 'month', month: month(2026, 9) }).months.at(-1)?.value).toBe('2026-09');
    expect(pickerOf({ kind: 'custom', from: month(2026, 8), to: month(2026, 12) }).months.at(-1)?.value).toBe(
      '2026-08',
    );
  });
});
