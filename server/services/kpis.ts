import 'server-only';
import { drilldownPage, type DrilldownRow } from '@/db/queries/metrics/drilldown';
import { dimensionValuesOf } from '@/db/queries/metrics/filters';
import { readKpiInputs } from '@/db/queries/metrics/read';
import { ensureRollupsCurrent } from '@/db/queries/metrics/refresh';
import { readMetricsSettings } from '@/db/queries/metrics/settings';
import { readRollupState } from '@/db/queries/metrics/state';
import { lastLoggedChange } from '@/db/queries/metrics/watermark';
import { buildKpiDocument, type KpiDocument } from '@/lib/metrics/document';
import type { DrilldownMetric } from '@/lib/metrics/movements';
import { formatMonth, monthOf } from '@/lib/metrics/months';
import { DEFAULT_KPI_MONTHS, kpiDrilldownSchema, kpiQuerySchema, type KpiDrilldownInput, type KpiFilters, type KpiQueryInput } from '@/lib/metrics/query';
import { churnThresholdsFor } from '@/lib/metrics/settings';
import { fieldErrorsOf } from '@/lib/validation/field-errors';
import type { z } from 'zod';
import { assertCan, type ServiceContext } from '../context';
import { ValidationError } from '../errors';

export type KpiDrilldownPage = { metric: DrilldownMetric; month: string; customers: DrilldownRow[]; nextCursor: number | null };

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

async function dimensionsOf(ctx: ServiceContext, filters: KpiFilters) {
  const dimensions = await dimensionValuesOf(ctx.db, filters);
  if (!dimensions) throw new ValidationError({ 'filters.owner': ['No user has this email.'] });
  return dimensions;
}

/**
 * The KPI document of months from..to (default: the last 24 complete months and the current one), for the whole
 * workspace or the customers matching the filters. Read from the monthly rollups as they are: when they lag (changes
 * pending, a new month begun), a page's read schedules the refresh after its response and the document says so
 * (`rollup.pending_changes`, `rollup.through`); other callers refresh first.
 */
export async function getKpis({
  ctx,
  input,
  now = new Date(),
  rollupsChecked = false,
}: {
  ctx: ServiceContext;
  input: KpiQueryInput;
  now?: Date;
  /** The caller brought the rollups up to date in this request already. */
  rollupsChecked?: boolean;
}): Promise<KpiDocument> {
  assertCan(ctx.actor, 'kpis.read');
  const query = parse(kpiQuerySchema, input);
  const to = query.to ?? Math.max(monthOf(now.getTime()), query.from ?? -Infinity);
  const from = query.from ?? to - (DEFAULT_KPI_MONTHS - 1);
  const dimensions = await dimensionsOf(ctx, query.filters);

  if (!rollupsChecked) await ensureRollupsCurrent(ctx.db, now, ctx.background);
  const [settings, state, logged, inputs] = await Promise.all([
    readMetricsSettings(ctx.db),
    readRollupState(ctx.db),
    lastLoggedChange(ctx.db),
    readKpiInputs(ctx.db, { from, to, dimensions }),
  ]);
  return buildKpiDocument({
    from,
    to,
    through: state?.throughMonth ?? null,
    refreshedAt: state?.refreshedAt ?? null,
    pendingChanges: Math.max(0, logged - (state?.appliedChange ?? 0)),
    history: inputs.history,
    cohortCells: inputs.cohortCells,
    currency: state?.currency ?? 'USD',
    grossMargin: settings.grossMargin,
    windowDays: state?.windowDays ?? null,
    churnThresholds: churnThresholdsFor(settings, query.filters.segment),
    filters: query.filters,
  });
}

/** The customers behind one monthly count (e.g. churned in 2026-03), a keyset page at a time. */
export async function getKpiDrilldown({ ctx, input }: { ctx: ServiceContext; input: KpiDrilldownInput }): Promise<KpiDrilldownPage> {
  assertCan(ctx.actor, 'kpis.read');
  const query = parse(kpiDrilldownSchema, input);
  const dimensions = await dimensionsOf(ctx, query.filters);
  const page = await drilldownPage(ctx.db, { metric: query.metric, month: query.month, dimensions, after: query.cursor, limit: query.limit });
  return { metric: query.metric, month: formatMonth(query.month), customers: page.rows, nextCursor: page.next };
}
