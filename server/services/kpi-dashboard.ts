import 'server-only';
import type { KpiFilterOptions } from '@/db/queries/metrics/options';
import type { KpiDocument } from '@/lib/metrics/document';
import { formatMonth } from '@/lib/metrics/months';
import { defaultSelection, resolvePeriod, todayOf, trendRange, type Period } from '@/lib/metrics/period';
import type { KpiFilters } from '@/lib/metrics/query';
import type { KpiPageState } from '@/lib/validation/kpi-page';
import type { ServiceContext } from '../context';
import { getChurnBreakdowns, getKpiFilterOptions, type ChurnBreakdowns } from './kpi-breakdowns';
import { getKpis } from './kpis';

export type KpiDashboard = {
  period: Period;
  /** The filters the numbers are for: the URL's, less an owner that names no user. */
  filters: KpiFilters;
  /** Filters from the URL that were left out, by name. */
  ignored: (keyof KpiFilters)[];
  /** The period's document: its totals are the numbers the cards show and `holdfast kpis` prints as "total". */
  current: KpiDocument;
  /** The period it is compared with; null when there is none like it (a month so far). */
  previous: KpiDocument | null;
  /** The 24 months ending with the period, for trends, cohorts and the what-if baseline. */
  trend: KpiDocument;
  breakdowns: ChurnBreakdowns;
  options: KpiFilterOptions;
};

const range = (r: { from: number; to: number }) => ({ from: formatMonth(r.from), to: formatMonth(r.to) });

/** Everything the KPI page shows, through the KPI services (each checks kpis.read). */
export async function getKpiDashboard({
  ctx,
  state,
  now = new Date(),
}: {
  ctx: ServiceContext;
  state: KpiPageState;
  now?: Date;
}): Promise<KpiDashboard> {
  const today = todayOf(now.getTime());
  const period = resolvePeriod(state.selection ?? defaultSelection(today.month), today);
  const options = await getKpiFilterOptions({ ctx });

  const filters = { ...state.filters };
  const ignored: (keyof KpiFilters)[] = [];
  // A link to an owner who has since left would otherwise fail the whole page.
  if (filters.owner && !options.owner.some((o) => o.email.toLowerCase() === filters.owner!.toLowerCase())) {
    delete filters.owner;
    ignored.push('owner');
  }

  // The first read brings the rollups up to date (or schedules it); the others only read them.
  const trend = await getKpis({ ctx, input: { ...range(trendRange(period)), filters }, now });
  const [currentDoc, previous, breakdowns] = await Promise.all([
    getKpis({ ctx, input: { ...range(period), filters }, now, rollupsChecked: true }),
    period.previous ? getKpis({ ctx, input: { ...range(period.previous), filters }, now, rollupsChecked: true }) : null,
    getChurnBreakdowns({ ctx, input: { ...range(period), filters }, now, rollupsChecked: true }),
  ]);
  return { period, filters, ignored, current: currentDoc, previous, trend, breakdowns, options };
}
