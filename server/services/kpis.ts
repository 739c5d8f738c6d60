import 'server-only';
import { drilldownPage, type DrilldownRow } from '@/db/queries/metrics/drilldown';
import { dimensionValuesOf } from '@/db/queries/metrics/filters';
import { readKpiInputs } from '@/db/queries/metrics/read';
import { ensureRollupsCurrent } from '@/db/queries/metrics/refresh';
import { readMetricsSettings } from '@/db/queries/metrics/settings';
import { readRollupState } from '@/db/queries/metrics/state';
import { lastLoggedChange } from '@/db/queries/metrics/watermark';
import { buildKpiDocument, type KpiDocument } from '@/lib/metrics/document';
import { drilldownMonths, formatDrilldownCursor, type DrilldownCursor } from '@/lib/metrics/drilldowns';
import type { DrilldownMetric } from '@/lib/metrics/movements';
import { formatMonth, monthOf } from '@/lib/metrics/months';
import {
  DEFAULT_KPI_MONTHS,
  kpiDrilldownSchema,
  kpiQuerySchema,
  type KpiDrilldownInput,
  type KpiFilters,
  type KpiQueryInput,
} from '@/lib/metrics/query';
import { churnThresholdsFor } from '@/lib/metrics/settings';
import { fieldErrorsOf } from '@/lib/validation/field-errors';
import type { z } from 'zod';
import { assertCan, type ServiceContext } from '../context';
import { ValidationError } from '../errors';

export type KpiDrilldownPage = {
  metric: DrilldownMetric;
  /** The months listed ('YYYY-MM'): the request's, or its first or last month for customers at start or end. */
  from: string;
  to: string;
  customers: DrilldownRow[];
  /** formatDrilldownCursor of the last row, when more follow. */
  nextCursor: string | null;
};

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

/** The customers behind one count over months from..to (e.g. churned in Q1 2026), sorted by their MRR figure, a keyset page at a time. */
export async function getKpiDrilldown({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: KpiDrilldownInput;
}): Promise<KpiDrilldownPage> {
  assertCan(ctx.actor, 'kpis.read');
  const query = parse(kpiDrilldownSchema, input);
  const dimensions = await dimensionsOf(ctx, query.filters);
  const page = await drilldownPage(ctx.db, {
    metric: query.metric,
    from: query.from,
    to: query.to,
    dimensions,
    after: query.cursor,
    limit: query.limit,
  });
  const months = drilldownMonths(query.metric, query);
  return {
    metric: query.metric,
    from: formatMonth(months.from),
    to: formatMonth(months.to),
    customers: page.rows,
    nextCursor: page.next && formatDrilldownCursor(page.next),
  };
}

/** Rows per query when a whole list is read (an export): bounded memory, few round trips. */
const EXPORT_BATCH = 5_000;

/**
 * A whole drill-down list in its page order, a batch of rows at a time (for an export). Validates and checks
 * kpis.read as getKpiDrilldown does; `limit` and `cursor` of the input are ignored.
 */
export async function* kpiDrilldownBatches({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: KpiDrilldownInput;
}): AsyncGenerator<DrilldownRow[]> {
  assertCan(ctx.actor, 'kpis.read');
  const query = parse(kpiDrilldownSchema, { ...input, cursor: null });
  const dimensions = await dimensionsOf(ctx, query.filters);
  let after: DrilldownCursor | null = null;
  do {
    const page = await drilldownPage(ctx.db, {
      metric: query.metric,
      from: query.from,
      to: query.to,
      dimensions,
      after,
      limit: EXPORT_BATCH,
    });
    yield page.rows;
    after = page.next;
  } while (after !== null);
}
