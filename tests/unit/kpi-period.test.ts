import { describe, expect, it } from 'vitest';
import { toolbarProps } from '@/components/kpis/toolbar-props';
import { parseMonth } from '@/lib/metrics/months';
import {
  cliRange,
  defaultSelection,
  formatQuarter,
  monthLabel,
  parseQuarter,
  rangeLabel,
  resolvePeriod,
  stockNote,
  todayOf,
  trendRange,
  type PeriodSelection,
} from '@/lib/metrics/period';

const m = (text: string) => parseMonth(text)!;
/** 2 Dec 2026: December is open, November the last complete month, Q3 2026 the last complete quarter. */
const TODAY = todayOf(Date.UTC(2026, 11, 2, 9));
const NOW = TODAY.month;
const noOptions = { firstMonth: m('2024-12'), segment: [], plan: [], country: [], owner: [], loyaltyTier: [] };
const state = { selection: null, filters: {}, cohorts: 'logo' as const };
const toolbarFor = (selection: PeriodSelection) =>
  toolbarProps(resolvePeriod(selection, TODAY), { ...state, selection }, noOptions, NOW);

describe('KPI periods', () => {
  it('default to the last complete month, compared with the month before', () => {
    const period = resolvePeriod(defaultSelection(NOW), TODAY);
    expect(period).toMatchObject({
      from: m('2026-11'),
      to: m('2026-11'),
      length: 1,
      toDate: false,
      label: 'Nov 2026',
      note: null,
    });
    expect(period.previous).toEqual({ from: m('2026-10'), to: m('2026-10'), label: 'Oct 2026' });
  });

  it('default a quarter and a year to the last complete one, not the running one', () => {
    expect(defaultSelection(NOW, 'quarter')).toEqual({ kind: 'quarter', quarter: m('2026-07') });
    expect(defaultSelection(NOW, 'year')).toEqual({ kind: 'year', year: 2025 });
    // In a quarter's last month the quarter is still running.
    expect(defaultSelection(m('2026-09'), 'quarter')).toEqual({ kind: 'quarter', quarter: m('2026-04') });
  });

  it('switch the toolbar from the default month to the last complete quarter and year', () => {
    const fromMonth = toolbarProps(resolvePeriod(defaultSelection(NOW), TODAY), state, noOptions, NOW);
    expect(fromMonth.state).toMatchObject({ kind: 'month', month: '2026-11', quarter: '2026-Q3', year: '2025' });
    // A complete month keeps its own quarter and year when they are complete.
    expect(toolbarFor({ kind: 'month', month: m('2025-05') }).state).toMatchObject({
      quarter: '2025-Q2',
      year: '2025',
    });
    // A running quarter picked on purpose stays picked.
    expect(toolbarFor({ kind: 'quarter', quarter: m('2026-10') }).state).toMatchObject({
      kind: 'quarter',
      quarter: '2026-Q4',
    });
  });

  it('name running periods in the toolbar as to date', () => {
    const { months, quarters, years } = toolbarFor(defaultSelection(NOW));
    expect(months.slice(0, 2).map((o) => o.label)).toEqual(['Dec 2026 (to date)', 'Nov 2026']);
    expect(quarters.slice(0, 2).map((o) => o.label)).toEqual(['Q4 2026 (to date)', 'Q3 2026']);
    expect(years.map((o) => o.label)).toEqual(['2026 (to date)', '2025', '2024']);
  });

  it('compare a quarter with the previous quarter and a year with the previous year, by name', () => {
    const quarter = resolvePeriod({ kind: 'quarter', quarter: m('2026-01') }, TODAY);
    expect(quarter).toMatchObject({
      from: m('2026-01'),
      to: m('2026-03'),
      length: 3,
      label: 'Q1 2026',
      toDate: false,
      note: null,
    });
    expect(quarter.previous).toEqual({ from: m('2025-10'), to: m('2025-12'), label: 'Q4 2025' });
    const year = resolvePeriod({ kind: 'year', year: 2025 }, TODAY);
    expect(year).toMatchObject({ from: m('2025-01'), to: m('2025-12'), length: 12, label: '2025' });
    expect(year.previous).toEqual({ from: m('2024-01'), to: m('2024-12'), label: '2024' });
  });

  it('compare a quarter to date by its complete months with the same months of the previous quarter, and say so', () => {
    const quarter = resolvePeriod({ kind: 'quarter', quarter: m('2026-11') }, TODAY);
    expect(quarter).toMatchObject({
      from: m('2026-10'),
      to: m('2026-11'),
      length: 2,
      toDate: true,
      label: 'Q4 2026 to date (2 Dec)',
    });
    expect(quarter.previous).toEqual({ from: m('2026-07'), to: m('2026-08'), label: 'Jul – Aug 2026' });
    expect(quarter.note).toBe(
      'Q4 2026 is not over: its numbers are its complete months, Oct – Nov 2026, compared with the same months of Q3 2026, Jul – Aug 2026. ' +
        'Dec so far (1–2 Dec) is left out: the KPIs are monthly, and its days cannot be matched with the same days of an earlier month.',
    );
  });

  it('compare a year to date by its complete months with the same months of the year before', () => {
    const year = resolvePeriod({ kind: 'year', year: 2026 }, TODAY);
    expect(year).toMatchObject({
      from: m('2026-01'),
      to: m('2026-11'),
      length: 11,
      toDate: true,
      label: '2026 to date (2 Dec)',
    });
    expect(year.previous).toEqual({ from: m('2025-01'), to: m('2025-11'), label: 'Jan – Nov 2025' });
    expect(year.note).toContain('compared with the same months of 2025, Jan – Nov 2025');
  });

  it('show a period with no complete month yet as the month so far, compared with nothing', () => {
    const firstDay = todayOf(Date.UTC(2026, 9, 1, 7));
    const quarter = resolvePeriod({ kind: 'quarter', quarter: m('2026-10') }, firstDay);
    expect(quarter).toMatchObject({
      from: m('2026-10'),
      to: m('2026-10'),
      length: 1,
      toDate: true,
      label: 'Q4 2026 to date (1 Oct)',
      previous: null,
    });
    expect(quarter.note).toBe(
      'Q4 2026 is not over: these are Oct so far (1 Oct), not compared with a whole month. The last complete month is Sep 2026.',
    );
    const month = resolvePeriod({ kind: 'month', month: NOW }, TODAY);
    expect(month).toMatchObject({ label: 'Dec 2026 to date (2 Dec)', previous: null });
  });

  it('compare a custom range with the same number of months before it, to date by its complete months', () => {
    const period = resolvePeriod({ kind: 'custom', from: m('2025-06'), to: m('2026-02') }, TODAY);
    expect(period).toMatchObject({ length: 9, label: 'Jun 2025 – Feb 2026' });
    expect(period.previous).toMatchObject({ from: m('2024-09'), to: m('2025-05') });
    const toDate = resolvePeriod({ kind: 'custom', from: m('2026-09'), to: NOW }, TODAY);
    expect(toDate).toMatchObject({
      from: m('2026-09'),
      to: m('2026-11'),
      length: 3,
      label: 'Sep – Dec 2026 to date (2 Dec)',
    });
    expect(toDate.previous).toEqual({ from: m('2026-06'), to: m('2026-08'), label: 'Jun – Aug 2026' });
    expect(toDate.note).toContain('compared with the 3 months before, Jun – Aug 2026');
  });

  it('fall back to the default for a future, reversed or too long selection', () => {
    const fallback = resolvePeriod(defaultSelection(NOW), TODAY);
    expect(resolvePeriod({ kind: 'month', month: m('2027-01') }, TODAY)).toEqual(fallback);
    expect(resolvePeriod({ kind: 'custom', from: m('2026-05'), to: m('2026-01') }, TODAY)).toEqual(fallback);
    expect(resolvePeriod({ kind: 'custom', from: m('2010-01'), to: m('2026-01') }, TODAY)).toEqual(fallback);
  });

  it('spell months, ranges and quarters, and the trend window and CLI range', () => {
    expect(monthLabel(m('2026-03'))).toBe('Mar 2026');
    expect(rangeLabel(m('2025-11'), m('2026-02'))).toBe('Nov 2025 – Feb 2026');
    expect(rangeLabel(m('2026-01'), m('2026-03'))).toBe('Jan – Mar 2026');
    expect(formatQuarter(m('2026-04'))).toBe('2026-Q2');
    expect(parseQuarter('2026-Q2')).toBe(m('2026-04'));
    expect(parseQuarter('2026-Q5')).toBeNull();
    expect(trendRange({ to: m('2026-10') })).toEqual({ from: m('2024-11'), to: m('2026-10') });
    expect(cliRange({ from: m('2026-01'), to: m('2026-03') })).toBe('--from 2026-01 --to 2026-03');
  });
});

describe('KPI page and Overview', () => {
  it('say why their active customers and MRR differ: a month end against today', () => {
    expect(stockNote(resolvePeriod(defaultSelection(NOW), TODAY), TODAY)).toBe(
      'Active customers and MRR are those paying at the end of Nov 2026 (30 Nov); the Overview counts today’s customers with no churn date and their MRR now (2 Dec), so its figures differ by what changed since.',
    );
    expect(stockNote(resolvePeriod({ kind: 'quarter', quarter: m('2026-01') }, TODAY), TODAY)).toContain(
      'at the end of Mar 2026 (31 Mar)',
    );
    expect(stockNote(resolvePeriod({ kind: 'month', month: NOW }, TODAY), TODAY)).toMatch(
      /^Active customers and MRR are Dec’s so far/,
    );
  });
});
