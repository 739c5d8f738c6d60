import type { DrilldownMetric } from '@/lib/metrics/movements';
import type { ServiceContext } from '@/server/context';
import { getKpiDrilldown, type KpiDrilldownPage } from '@/server/services/kpis';

type Row = KpiDrilldownPage['customers'][number];

/** Every row of a drill-down list over from..to, following its keyset pages of `limit` rows. */
export async function allDrilldownRows(
  ctx: ServiceContext,
  metric: DrilldownMetric,
  range: { from: string; to: string },
  filters = {},
  limit = 7,
): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  do {
    const page: KpiDrilldownPage = await getKpiDrilldown({ ctx, input: { metric, ...range, filters, cursor, limit } });
    rows.push(...page.customers);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
}

/** What each row of an MRR movement list adds to its number (the other lists count rows). */
export const MOVEMENT_VALUE: Partial<Record<DrilldownMetric, (r: Row) => number>> = {
  new_mrr: (r) => r.mrrEndCents,
  expansion_mrr: (r) => r.mrrEndCents - r.mrrStartCents,
  contraction_mrr: (r) => r.mrrStartCents - r.mrrEndCents,
  churned_mrr: (r) => r.mrrStartCents,
  reactivation_mrr: (r) => r.mrrEndCents,
};

/** The number a list's rows make. */
export function listValue(metric: DrilldownMetric, rows: readonly Row[]): number {
  const value = MOVEMENT_VALUE[metric];
  return value ? rows.reduce((sum, r) => sum + value(r), 0) : rows.length;
}
