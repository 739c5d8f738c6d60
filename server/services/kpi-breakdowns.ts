import 'server-only';
import { churnByReason, churnBySegment } from '@/db/queries/metrics/breakdowns';
import { dimensionValuesOf } from '@/db/queries/metrics/filters';
import { kpiFilterOptions, type KpiFilterOptions } from '@/db/queries/metrics/options';
import { ensureRollupsCurrent } from '@/db/queries/metrics/refresh';
import { readMetricsSettings } from '@/db/queries/metrics/settings';
import { churnBenchmarkFor, type ChurnBenchmark } from '@/lib/metrics/benchmarks';
import { logoChurnRate, ratio } from '@/lib/metrics/formulas';
import { kpiQuerySchema, type KpiFilters } from '@/lib/metrics/query';
import { churnStatus, churnThresholdsFor, type ChurnStatus, type ChurnThresholds } from '@/lib/metrics/settings';
import { fieldErrorsOf } from '@/lib/validation/field-errors';
import { assertCan, type ServiceContext } from '../context';
import { ValidationError } from '../errors';

export type SegmentChurn = {
  /** '' = customers without a segment. */
  segment: string;
  customersStart: number;
  churnedCustomers: number;
  involuntaryChurnedCustomers: number;
  /** Monthly logo churn over the range, C / S summed over its months: what getKpis --segment reports. */
  rate: number | null;
  thresholds: ChurnThresholds;
  status: ChurnStatus | null;
  benchmark: ChurnBenchmark | null;
};

export type ReasonChurn = {
  /** '' = no reason recorded. */
  reason: string;
  churnedCustomers: number;
  involuntaryChurnedCustomers: number;
  /** MRR the churned customers had at the start of their churn month, minor units. */
  churnedMrrStart: number;
  /** Share of all churned customers of the range. */
  share: number | null;
};

export type ChurnBreakdowns = { bySegment: SegmentChurn[]; byReason: ReasonChurn[] };

type RangeInput = { from: string; to: string; filters?: KpiFilters };

async function parseRange(ctx: ServiceContext, input: RangeInput) {
  const parsed = kpiQuerySchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const { from, to, filters } = parsed.data;
  if (from === undefined || to === undefined)
    throw new ValidationError({ from: ['Give the first and the last month.'] });
  const dimensions = await dimensionValuesOf(ctx.db, filters);
  if (!dimensions) throw new ValidationError({ 'filters.owner': ['No user has this email.'] });
  return { from, to, dimensions };
}

/**
 * Churn over months from..to by segment (against each segment's thresholds and benchmark) and by churn reason, for
 * the customers matching the filters. Rates come from the lib formulas over summed inputs, as in the KPI document.
 */
export async function getChurnBreakdowns({
  ctx,
  input,
  now = new Date(),
  rollupsChecked = false,
}: {
  ctx: ServiceContext;
  input: RangeInput;
  now?: Date;
  /** The caller brought the rollups up to date in this request already. */
  rollupsChecked?: boolean;
}): Promise<ChurnBreakdowns> {
  assertCan(ctx.actor, 'kpis.read');
  const range = await parseRange(ctx, input);
  if (!rollupsChecked) await ensureRollupsCurrent(ctx.db, now, ctx.background);
  const [settings, segments, reasons] = await Promise.all([
    readMetricsSettings(ctx.db),
    churnBySegment(ctx.db, range),
    churnByReason(ctx.db, range),
  ]);
  const bySegment = segments.map((row) => {
    const rate = logoChurnRate(row.churnedCustomers, row.customersStart);
    const thresholds = churnThresholdsFor(settings, row.segment || undefined);
    return {
      ...row,
      rate,
      thresholds,
      status: churnStatus(rate, thresholds),
      benchmark: churnBenchmarkFor(row.segment),
    };
  });
  const churned = reasons.reduce((sum, row) => sum + row.churnedCustomers, 0);
  return { bySegment, byReason: reasons.map((row) => ({ ...row, share: ratio(row.churnedCustomers, churned) })) };
}

/** The values each KPI filter offers. */
export async function getKpiFilterOptions({ ctx }: { ctx: ServiceContext }): Promise<KpiFilterOptions> {
  assertCan(ctx.actor, 'kpis.read');
  return kpiFilterOptions(ctx.db);
}
