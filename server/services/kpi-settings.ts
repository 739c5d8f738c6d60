import 'server-only';
import { lockMetricsSettings, readMetricsSettings, writeMetricsSettings } from '@/db/queries/metrics/settings';
import type { ChurnThresholds, MetricsSettings } from '@/lib/metrics/settings';
import type { ChurnThresholdsFormInput, ClearSegmentThresholdsInput } from '@/lib/validation/kpi-thresholds';
import { writeAudit } from '../audit';
import { assertCan, type ServiceContext } from '../context';
import { RuleError } from '../errors';

export type ChurnThresholdSettings = { workspace: ChurnThresholds; segments: Record<string, ChurnThresholds> };

/** Every role reads the thresholds (the KPI pages show them); only admins change them. */
export async function getChurnThresholdSettings({ ctx }: { ctx: ServiceContext }): Promise<ChurnThresholdSettings> {
  assertCan(ctx.actor, 'kpis.read');
  const settings = await readMetricsSettings(ctx.db);
  return { workspace: settings.churnThresholds, segments: settings.segmentChurnThresholds };
}

/** The audit snapshot: which thresholds, and their values (null = none of its own). */
function snapshot(segment: string, thresholds: ChurnThresholds | undefined) {
  return {
    title: segment ? `Churn thresholds of segment ${segment}` : 'Churn thresholds of all segments',
    segment: segment || null,
    target: thresholds?.target ?? null,
    watch: thresholds?.watch ?? null,
  };
}

function thresholdsOf(settings: MetricsSettings, segment: string): ChurnThresholds | undefined {
  return segment ? settings.segmentChurnThresholds[segment] : settings.churnThresholds;
}

/**
 * Sets the monthly logo churn thresholds of one segment ('' = the workspace default, which every segment without
 * its own uses). The change and its audit row commit together.
 */
export async function setChurnThresholds({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ChurnThresholdsFormInput;
}): Promise<ChurnThresholds> {
  assertCan(ctx.actor, 'settings.manage');
  const thresholds = { target: input.target, watch: input.watch };
  return ctx.db.transaction(async (tx) => {
    const current = await lockMetricsSettings(tx);
    const before = thresholdsOf(current, input.segment);
    const next: MetricsSettings = input.segment
      ? { ...current, segmentChurnThresholds: { ...current.segmentChurnThresholds, [input.segment]: thresholds } }
      : { ...current, churnThresholds: thresholds };
    await writeMetricsSettings(tx, next);
    await writeAudit(tx, ctx.actor, {
      action: 'metrics.setChurnThresholds',
      entityType: 'settings',
      entityId: 'metrics',
      before: snapshot(input.segment, before),
      after: snapshot(input.segment, thresholds),
    });
    return thresholds;
  });
}

/** Removes a segment's own thresholds: it goes back to the workspace default. */
export async function clearSegmentThresholds({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ClearSegmentThresholdsInput;
}): Promise<void> {
  assertCan(ctx.actor, 'settings.manage');
  await ctx.db.transaction(async (tx) => {
    const current = await lockMetricsSettings(tx);
    const before = current.segmentChurnThresholds[input.segment];
    if (!before) throw new RuleError('This segment already uses the workspace default.', 'segment');
    const { [input.segment]: _removed, ...rest } = current.segmentChurnThresholds;
    await writeMetricsSettings(tx, { ...current, segmentChurnThresholds: rest });
    await writeAudit(tx, ctx.actor, {
      action: 'metrics.clearChurnThresholds',
      entityType: 'settings',
      entityId: 'metrics',
      before: snapshot(input.segment, before),
      after: snapshot(input.segment, undefined),
    });
  });
}
