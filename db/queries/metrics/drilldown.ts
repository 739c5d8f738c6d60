import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import {
  DRILLDOWN_SORTS,
  drilldownMonths,
  drilldownSortValue,
  type DrilldownCursor,
  type DrilldownSort,
} from '@/lib/metrics/drilldowns';
import type { DrilldownMetric } from '@/lib/metrics/movements';
import type { Month } from '@/lib/metrics/months';
import { dimensionsWhere, type DimensionValues } from './dimensions';
import { SET_SQL } from './sets';

export type DrilldownRow = {
  id: number;
  externalId: string;
  name: string;
  /** The month the customer is counted in (a list over several months holds each month's customers). */
  month: Month;
  segment: string | null;
  plan: string | null;
  mrrStartCents: number;
  mrrEndCents: number;
  orders: number;
  revenueCents: number;
  /** As recorded on the customer now (for churn drill-downs: why they left). */
  churnReason: string | null;
  churnType: 'voluntary' | 'involuntary' | null;
};

/** lib/metrics/drilldowns.ts drilldownSortValue over customer_months `cm`. */
const SORT_SQL: Record<DrilldownSort, SQL> = {
  lost: sql`(cm.mrr_start - cm.mrr_end)`,
  gained: sql`(cm.mrr_end - cm.mrr_start)`,
  mrr_start: sql`cm.mrr_start`,
  mrr_end: sql`cm.mrr_end`,
  revenue: sql`cm.revenue_cents`,
};

export type DrilldownQuery = {
  metric: DrilldownMetric;
  from: Month;
  to: Month;
  dimensions: DimensionValues;
  after: DrilldownCursor | null;
  limit: number;
};

/**
 * One keyset page of the customers a count over from..to is made of, from the months' customer_months rows: the
 * same set the rollup counted, one row per customer and month. Sorted by the list's MRR figure, largest first
 * (then month and customer id, so that the order is total and a page boundary is a row comparison). Fetches one
 * row more than asked to know whether a next page exists.
 */
export async function drilldownPage(
  db: Executor,
  query: DrilldownQuery,
): Promise<{ rows: DrilldownRow[]; next: DrilldownCursor | null }> {
  const sort = DRILLDOWN_SORTS[query.metric];
  const key = SORT_SQL[sort];
  const months = drilldownMonths(query.metric, query);
  const after = query.after;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select c.id, c.external_id, c.name, cm.month, c.segment, c.plan, cm.mrr_start, cm.mrr_end, cm.orders, cm.revenue_cents,
               c.churn_reason, c.churn_type
        from customer_months cm join customers c on c.id = cm.customer_id
        where cm.month between ${months.from}::int and ${months.to}::int and ${SET_SQL[query.metric]}
          and cm.cell_id in (select id from metric_cells k where ${dimensionsWhere(query.dimensions, 'k')})
          ${after ? sql`and (-${key}, cm.month, cm.customer_id) > (${-after.value}::bigint, ${after.month}::int, ${after.id}::bigint)` : sql``}
        order by -${key}, cm.month, cm.customer_id
        limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit).map((row) => ({
    id: Number(row.id),
    externalId: String(row.external_id),
    name: String(row.name),
    month: Number(row.month),
    segment: (row.segment as string | null) ?? null,
    plan: (row.plan as string | null) ?? null,
    mrrStartCents: Number(row.mrr_start),
    mrrEndCents: Number(row.mrr_end),
    orders: Number(row.orders),
    revenueCents: Number(row.revenue_cents),
    churnReason: (row.churn_reason as string | null) ?? null,
    churnType: (row.churn_type as DrilldownRow['churnType']) ?? null,
  }));
  const last = page.at(-1);
  return {
    rows: page,
    next:
      rows.length > query.limit && last
        ? { value: drilldownSortValue(sort, last), month: last.month, id: last.id }
        : null,
  };
}
