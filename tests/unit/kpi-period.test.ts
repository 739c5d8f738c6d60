import { describe, expect, it } from 'vitest';
import { parseMonth } from '@/lib/metrics/months';
import { cliRange, defaultSelection, formatQuarter, monthLabel, parseQuarter, resolvePeriod, trendRange } from '@/lib/metrics/period';

const m = (text: string) => parseMonth(text)!;
const NOW = m('2026-11');

describe('KPI periods', () => {
  it('default to the last complete month, compared with the month before', () => {
    const period = resolvePeriod(defaultSelection(NOW), NOW);
    expect(period).toMatchObject({ from: m('2026-10'), to: m('2026-10'), length: 1, toDate: false, label: 'Oct 2026' });
    expect(period.previous).toEqual({ from: m('2026-09'), to: m('2026-09'), label: 'Sep 2026' });
  });

  it('compare a quarter with the previous quarter and a year with the previous year', () => {
    const quarter = resolvePeriod({ kind: 'quarter', quarter: m('2026-01') }, NOW);
    expect(quarter).toMatchObject({ from: m('2026-01'), to: m('2026-03'), length: 3, label: 'Q1 2026' });
    expect(quarter.previous).toMatchObject({ from: m('2025-10'), to: m('2025-12'), label: 'Oct 2025 – Dec 2025' });
    const year = resolvePeriod({ kind: 'year', year: 2025 }, NOW);
    expect(year).toMatchObject({ from: m('2025-01'), to: m('2025-12'), length: 12, label: '2025' });
    expect(year.previous).toMatchObject({ from: m('2024-01'), to: m('2024-12') });
  });

  it('cut a running quarter or year at the current month and compare the same months before', () => {
    const year = resolvePeriod({ kind: 'year', year: 2026 }, NOW);
    expect(year).toMatchObject({ from: m('2026-01'), to: NOW, length: 11, toDate: true, label: '2026 (to date)' });
    expect(year.previous).toMatchObject({ from: m('2025-01'), to: m('2025-11') });
    const quarter = resolvePeriod({ kind: 'quarter', quarter: m('2026-11') }, NOW);
    expect(quarter).toMatchObject({ from: m('2026-10'), to: NOW, length: 2, label: 'Q4 2026 (to date)' });
    expect(quarter.previous).toMatchObject({ from: m('2026-07'), to: m('2026-08') });
  });

  it('compare a custom range with the same number of months before it', () => {
    const period = resolvePeriod({ kind: 'custom', from: m('2025-06'), to: m('2026-02') }, NOW);
    expect(period).toMatchObject({ length: 9, label: 'Jun 2025 – Feb 2026' });
    expect(period.previous).toMatchObject({ from: m('2024-09'), to: m('2025-05') });
  });

  it('fall back to the default for a future, reversed or too long selection', () => {
    const fallback = resolvePeriod(defaultSelection(NOW), NOW);
    expect(resolvePeriod({ kind: 'month', month: m('2027-01') }, NOW)).toEqual(fallback);
    expect(resolvePeriod({ kind: 'custom', from: m('2026-05'), to: m('2026-01') }, NOW)).toEqual(fallback);
    expect(resolvePeriod({ kind: 'custom', from: m('2010-01'), to: m('2026-01') }, NOW)).toEqual(fallback);
  });

  it('spell months and quarters, and the trend window and CLI range', () => {
    expect(monthLabel(m('2026-03'))).toBe('Mar 2026');
    expect(formatQuarter(m('2026-04'))).toBe('2026-Q2');
    expect(parseQuarter('2026-Q2')).toBe(m('2026-04'));
    expect(parseQuarter('2026-Q5')).toBeNull();
    expect(trendRange({ to: m('2026-10') })).toEqual({ from: m('2024-11'), to: m('2026-10') });
    expect(cliRange({ from: m('2026-01'), to: m('2026-03') })).toBe('--from 2026-01 --to 2026-03');
  });
});
