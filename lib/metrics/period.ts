import { MAX_KPI_MONTHS } from './query';
import { formatMonth, monthOf, type Month } from './months';

/**
 * The period a KPI page reports on, and the one it is compared with. Months are the integer indexes of months.ts.
 *
 * The KPIs are monthly figures (a month's churn is known once the month has ended), so a period that reaches into
 * the current month is compared like with like: its complete months against the same months of the period before
 * (Q4 to date on 2 Dec = Oct–Nov against Jul–Aug). The days of the open month cannot be matched with the same days
 * of an earlier month from monthly rollups, so they are left out, and the page says so. A period with no complete
 * month yet (a quarter's first days) shows its open month alone, compared with nothing.
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

/** The current month and the day of it (UTC): what "to date" means. */
export type Today = { month: Month; day: number };

export type Period = MonthRange & {
  selection: PeriodSelection;
  /** The months the numbers cover (from..to). */
  length: number;
  /** The selection reaches into the current month, which is not over. */
  toDate: boolean;
  /** The same months of the period before; null when a month so far has nothing like it to be compared with. */
  previous: MonthRange | null;
  /** For a period to date: which months are compared and why the open month's days are not. */
  note: string | null;
};

/** Months a trend chart spans, ending with the period's last month. */
export const TREND_MONTHS = 24;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const yearOf = (month: Month) => Math.floor(month / 12);

/** "Mar 2026". */
export function monthLabel(month: Month): string {
  return `${MONTH_NAMES[month % 12]} ${yearOf(month)}`;
}

export function todayOf(ms: number): Today {
  return { month: monthOf(ms), day: new Date(ms).getUTCDate() };
}

export function quarterOf(month: Month): Month {
  return month - (month % 3);
}

/** "Q1 2026". */
export function quarterLabel(quarter: Month): string {
  return `Q${Math.floor((quarter % 12) / 3) + 1} ${yearOf(quarter)}`;
}

/** "2026-Q1", the URL form of a quarter. */
export function formatQuarter(quarter: Month): string {
  return `${String(yearOf(quarter)).padStart(4, '0')}-Q${Math.floor((quarter % 12) / 3) + 1}`;
}

export function parseQuarter(text: string): Month | null {
  const match = /^(?!0000)(\d{4})-Q([1-4])$/.exec(text);
  return match ? Number(match[1]) * 12 + (Number(match[2]) - 1) * 3 : null;
}

/** "Mar 2026", "Jan – Mar 2026", "Nov 2025 – Feb 2026". */
export function rangeLabel(from: Month, to: Month): string {
  if (from === to) return monthLabel(from);
  return yearOf(from) === yearOf(to)
    ? `${MONTH_NAMES[from % 12]} – ${monthLabel(to)}`
    : `${monthLabel(from)} – ${monthLabel(to)}`;
}

/** The last complete quarter and year before `current` (the current month is still open). */
export const lastCompleteQuarter = (current: Month): Month => quarterOf(current) - 3;
export const lastCompleteYear = (current: Month): number => yearOf(current) - 1;

/** The default of each kind: the last complete month, quarter or year (the current one's churn is not final yet). */
export function defaultSelection(current: Month, kind: Exclude<PeriodKind, 'custom'> = 'month'): PeriodSelection {
  if (kind === 'quarter') return { kind, quarter: lastCompleteQuarter(current) };
  if (kind === 'year') return { kind, year: lastCompleteYear(current) };
  return { kind: 'month', month: current - 1 };
}

type Nominal = { from: Month; to: Month; label: string; before: (shift: number) => string | null };

function nominal(selection: PeriodSelection): Nominal {
  switch (selection.kind) {
    case 'month':
      return { from: selection.month, to: selection.month, label: monthLabel(selection.month), before: () => null };
    case 'quarter': {
      const q = quarterOf(selection.quarter);
      return { from: q, to: q + 2, label: quarterLabel(q), before: () => quarterLabel(q - 3) };
    }
    case 'year': {
      const from = selection.year * 12;
      return { from, to: from + 11, label: String(selection.year), before: () => String(selection.year - 1) };
    }
    case 'custom':
      return {
        from: selection.from,
        to: selection.to,
        label: rangeLabel(selection.from, selection.to),
        before: () => null,
      };
  }
}

/** What a quarter or year is shifted by to reach the one before; a month or custom range by its own length. */
function shiftOf(selection: PeriodSelection, months: number): number {
  return selection.kind === 'quarter' ? 3 : selection.kind === 'year' ? 12 : months;
}

const dayMonth = (today: Today) => `${today.day} ${MONTH_NAMES[today.month % 12]}`;
const daysSoFar = (today: Today) => (today.day === 1 ? dayMonth(today) : `1–${dayMonth(today)}`);

/**
 * The months of a selection and the period it is compared with. A selection that starts after the current month,
 * ends before it starts or spans more than a KPI read allows falls back to the default.
 */
export function resolvePeriod(selection: PeriodSelection, today: Today): Period {
  const current = today.month;
  const n = nominal(selection);
  if (n.from > current || n.from > n.to || n.to - n.from >= MAX_KPI_MONTHS)
    return resolvePeriod(defaultSelection(current), today);

  if (n.to < current) {
    const shift = shiftOf(selection, n.to - n.from + 1);
    const previous = { from: n.from - shift, to: n.to - shift };
    const label = n.before(shift) ?? rangeLabel(previous.from, previous.to);
    return {
      selection,
      from: n.from,
      to: n.to,
      length: n.to - n.from + 1,
      toDate: false,
      label: n.label,
      previous: { ...previous, label },
      note: null,
    };
  }

  const label = `${n.label} to date (${dayMonth(today)})`;
  const open = `${MONTH_NAMES[current % 12]} so far (${daysSoFar(today)})`;
  if (n.from === current) {
    const note = `${n.label} is not over: these are ${open}, not compared with a whole month. The last complete month is ${monthLabel(current - 1)}.`;
    return { selection, from: current, to: current, length: 1, toDate: true, label, previous: null, note };
  }

  const to = current - 1;
  const shift = shiftOf(selection, to - n.from + 1);
  const previous = { from: n.from - shift, to: to - shift, label: rangeLabel(n.from - shift, to - shift) };
  const before = n.before(shift);
  const sameMonths = before
    ? `the same months of ${before}, ${previous.label}`
    : `the ${to - n.from + 1} months before, ${previous.label}`;
  const note =
    `${n.label} is not over: its numbers are its complete months, ${rangeLabel(n.from, to)}, compared with ${sameMonths}. ` +
    `${open} is left out: the KPIs are monthly, and its days cannot be matched with the same days of an earlier month.`;
  return { selection, from: n.from, to, length: to - n.from + 1, toDate: true, label, previous, note };
}

const lastDay = (month: Month) => new Date(Date.UTC(yearOf(month), (month % 12) + 1, 0)).getUTCDate();

/**
 * Why the KPI page's customers and MRR are not the Overview's: the KPIs count them at a month end (paying then, or
 * ordering within the inactivity window), the Overview today (customers with no churn date, and their MRR now).
 */
export function stockNote(period: Pick<Period, 'to'>, today: Today): string {
  const overview = 'the Overview counts today’s customers with no churn date and their MRR now';
  if (period.to >= today.month)
    return `Active customers and MRR are ${MONTH_NAMES[today.month % 12]}’s so far, as the KPIs were last refreshed; ${overview}.`;
  return (
    `Active customers and MRR are those paying at the end of ${monthLabel(period.to)} (${lastDay(period.to)} ${MONTH_NAMES[period.to % 12]}); ` +
    `${overview} (${dayMonth(today)}), so its figures differ by what changed since.`
  );
}

/** A toolbar option's label: the period's name, "(to date)" while it is still running. */
export function optionLabel(name: string, lastMonth: Month, current: Month): string {
  return lastMonth >= current ? `${name} (to date)` : name;
}

/** The trend window: TREND_MONTHS months ending with the period. */
export function trendRange(period: Pick<Period, 'to'>): { from: Month; to: Month } {
  return { from: period.to - (TREND_MONTHS - 1), to: period.to };
}

/** `--from X --to Y` of the CLI call that prints the same numbers. */
export function cliRange(range: { from: Month; to: Month }): string {
  return `--from ${formatMonth(range.from)} --to ${formatMonth(range.to)}`;
}
