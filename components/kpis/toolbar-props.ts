import type { KpiFilterOptions } from '@/db/queries/metrics/options';
import { segmentLabel, valueLabel } from '@/lib/metrics/labels';
import { formatMonth, monthsBetween, type Month } from '@/lib/metrics/months';
import {
  formatQuarter,
  lastCompleteQuarter,
  lastCompleteYear,
  monthLabel,
  optionLabel,
  quarterLabel,
  quarterOf,
  type Period,
} from '@/lib/metrics/period';
import type { KpiPageState } from '@/lib/validation/kpi-page';
import type { Option, ToolbarState } from './kpi-toolbar';

/**
 * The quarter and year a switch of period kind lands on: the chosen one, else the one holding the period's last
 * month when it is complete, else the last complete one (a running quarter is not a default).
 */
function pickerValues(period: Period, current: Month): { quarter: Month; year: number } {
  const { selection } = period;
  const quarter = quarterOf(period.to);
  const year = Math.floor(period.to / 12);
  return {
    quarter:
      selection.kind === 'quarter'
        ? quarterOf(selection.quarter)
        : quarter + 2 < current
          ? quarter
          : lastCompleteQuarter(current),
    year: selection.kind === 'year' ? selection.year : year * 12 + 11 < current ? year : lastCompleteYear(current),
  };
}

/**
 * The toolbar's choices: every month, quarter and year from the first data month to now, newest first. A year or
 * quarter that began before the data does not take the choices back with it; a month or range chosen before the data
 * (from a link) stays choosable.
 */
export function toolbarProps(period: Period, state: KpiPageState, options: KpiFilterOptions, current: Month) {
  const shown = period.selection.kind === 'custom' ? period.from : period.to;
  const first = Math.min(options.firstMonth ?? current, shown);
  const months = monthsBetween(first, current).reverse();
  const quarters = [...new Set(months.map(quarterOf))];
  const years = [...new Set(months.map((m) => Math.floor(m / 12)))];
  const picked = pickerValues(period, current);
  const toolbarState: ToolbarState = {
    kind: period.selection.kind,
    month: formatMonth(period.to),
    quarter: formatQuarter(picked.quarter),
    year: String(picked.year),
    // A custom range to date keeps its chosen end, though its numbers stop at the last complete month.
    from: formatMonth(period.selection.kind === 'custom' ? period.selection.from : period.from),
    to: formatMonth(period.selection.kind === 'custom' ? period.selection.to : period.to),
    filters: state.filters,
    cohorts: state.cohorts,
  };
  const plain = (values: string[], label: (value: string) => string = (v) => v): Option[] =>
    values.map((value) => ({ value, label: label(value) }));
  return {
    state: toolbarState,
    months: months.map((m) => ({ value: formatMonth(m), label: optionLabel(monthLabel(m), m, current) })),
    quarters: quarters.map((q) => ({ value: formatQuarter(q), label: optionLabel(quarterLabel(q), q + 2, current) })),
    years: years.map((y) => ({ value: String(y), label: optionLabel(String(y), y * 12 + 11, current) })),
    filterOptions: {
      segment: plain(options.segment, segmentLabel),
      plan: plain(options.plan, valueLabel),
      country: plain(options.country),
      owner: options.owner.map((o) => ({ value: o.email, label: o.name })),
      loyaltyTier: plain(options.loyaltyTier, valueLabel),
    },
  };
}
