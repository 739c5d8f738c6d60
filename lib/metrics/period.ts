import { MAX_KPI_MONTHS } from './query';
import { formatMonth, type Month } from './months';

/**
 * The period a KPI page reports on, and the one it is compared with. Months are the integer indexes of months.ts;
 * a period never reaches past the current month (its later months are not known yet).
 */
export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type PeriodSelection =
  | { kind: 'month'; month: Month }
  /** `quarter` is the quarter's first month. */
  | { kind: 'quarter'; quarter: Month }
  | { kind: 'year'; year: number }
  | { kind: 'custom'; from: Month; to: Month };

export type MonthRange = { from: Month; to: Month; label: string };

export type Period = MonthRange & {
  selection: PeriodSelection;
  /** Months in the period (after cutting it at the current month). */
  length: number;
  /** Cut short at the current month: a quarter or year to date, or the month so far. */
  toDate: boolean;
  /** The period before, of the same length: the previous month, the same months of the previous quarter or year. */
  previous: MonthRange;
};

/** Months a trend chart spans, ending with the period's last month. */
export const TREND_MONTHS = 24;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2026". */
export function monthLabel(month: Month): string {
  return `${MONTH_NAMES[month % 12]} ${Math.floor(month / 12)}`;
}

export function quarterOf(month: Month): Month {
  return month - (month % 3);
}

/** "2026-Q1", the URL form of a quarter. */
export function formatQuarter(quarter: Month): string {
  return `${String(Math.floor(quarter / 12)).padStart(4, '0')}-Q${Math.floor((quarter % 12) / 3) + 1}`;
}

export function parseQuarter(text: string): Month | null {
  const match = /^(?!0000)(\d{4})-Q([1-4])$/.exec(text);
  return match ? Number(match[1]) * 12 + (Number(match[2]) - 1) * 3 : null;
}

function rangeLabel(from: Month, to: Month): string {
  return from === to ? monthLabel(from) : `${monthLabel(from)} – ${monthLabel(to)}`;
}

/** The default: the last complete month (the current one is still open, its churn not yet final). */
export function defaultSelection(current: Month): PeriodSelection {
  return { kind: 'month', month: current - 1 };
}

function nominal(selection: PeriodSelection): { from: Month; to: Month; shift: number; label: string } {
  switch (selection.kind) {
    case 'month':
      return { from: selection.month, to: selection.month, shift: 1, label: monthLabel(selection.month) };
    case 'quarter': {
      const q = quarterOf(selection.quarter);
      return { from: q, to: q + 2, shift: 3, label: `Q${Math.floor((q % 12) / 3) + 1} ${Math.floor(q / 12)}` };
    }
    case 'year': {
      const from = selection.year * 12;
      return { from, to: from + 11, shift: 12, label: String(selection.year) };
    }
    case 'custom':
      return { from: selection.from, to: selection.to, shift: selection.to - selection.from + 1, label: rangeLabel(selection.from, selection.to) };
  }
}

/**
 * The months of a selection, cut at the current month, and the period before it. A selection that starts after
 * the current month, ends before it starts or spans more than a KPI read allows falls back to the default.
 */
export function resolvePeriod(selection: PeriodSelection, current: Month): Period {
  const n = nominal(selection);
  if (n.from > current || n.from > n.to || n.to - n.from >= MAX_KPI_MONTHS) return resolvePeriod(defaultSelection(current), current);
  const to = Math.min(n.to, current);
  const toDate = to < n.to || to === current;
  const previous = { from: n.from - n.shift, to: to - n.shift };
  return {
    selection,
    from: n.from,
    to,
    length: to - n.from + 1,
    toDate,
    label: toDate && selection.kind !== 'custom' ? `${n.label} (to date)` : n.label,
    previous: { ...previous, label: rangeLabel(previous.from, previous.to) },
  };
}

/** The trend window: TREND_MONTHS months ending with the period. */
export function trendRange(period: Pick<Period, 'to'>): { from: Month; to: Month } {
  return { from: period.to - (TREND_MONTHS - 1), to: period.to };
}

/** `--from X --to Y` of the CLI call that prints the same numbers. */
export function cliRange(range: { from: Month; to: Month }): string {
  return `--from ${formatMonth(range.from)} --to ${formatMonth(range.to)}`;
}
