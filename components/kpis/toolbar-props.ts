import type { KpiFilterOptions } from '@/db/queries/metrics/options';
import { segmentLabel, valueLabel } from '@/lib/metrics/labels';
import { formatMonth, monthsBetween, type Month } from '@/lib/metrics/months';
import { formatQuarter, monthLabel, quarterOf, type Period } from '@/lib/metrics/period';
import type { KpiPageState } from '@/lib/validation/kpi-page';
import type { Option, ToolbarState } from './kpi-toolbar';

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
  const toolbarState: ToolbarState = {
    kind: period.selection.kind,
    month: formatMonth(period.to),
    quarter: formatQuarter(quarterOf(period.to)),
    year: String(Math.floor(period.to / 12)),
    from: formatMonth(period.from),
    to: formatMonth(period.to),
    filters: state.filters,
    cohorts: state.cohorts,
  };
  const plain = (values: string[], label: (value: string) => string = (v) => v): Option[] => values.map((value) => ({ value, label: label(value) }));
  return {
    state: toolbarState,
    months: months.map((m) => ({ value: formatMonth(m), label: monthLabel(m) })),
    quarters: quarters.map((q) => ({ value: formatQuarter(q), label: `Q${Math.floor((q % 12) / 3) + 1} ${Math.floor(q / 12)}` })),
    years: years.map((y) => ({ value: String(y), label: String(y) })),
    filterOptions: {
      segment: plain(options.segment, segmentLabel),
      plan: plain(options.plan, valueLabel),
      country: plain(options.country),
      owner: options.owner.map((o) => ({ value: o.email, label: o.name })),
      loyaltyTier: plain(options.loyaltyTier, valueLabel),
    },
  };
}
