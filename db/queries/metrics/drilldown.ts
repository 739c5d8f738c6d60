import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import type { DrilldownMetric } from '@/lib/metrics/movements';
import type { Month } from '@/lib/metrics/months';
import { dimensionsWhere, type DimensionValues } from './dimensions';
import { SET_SQL } from './sets';

export type DrilldownRow = {
  id: number;
  externalId: string;
  name: string;
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

/**
 * One keyset page (by customer id) of the customers a monthly count is made of, from the month's customer_months
 * rows: the same set the rollup counted. Fetches one row more than asked to know whether a next page exists.
 */
export async function drilldownPage(
  db: Executor,
  query: { metric: DrilldownMetric; month: Month; dimensions: DimensionValues; after: number | null; limit: number },
): Promise<{ rows: DrilldownRow[]; next: number | null }> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select c.id, c.external_id, c.name, c.segment, c.plan, cm.mrr_start, cm.mrr_end, cm.orders, cm.revenue_cents,
               c.churn_reason, c.churn_type
        from customer_months cm join customers c on c.id = cm.customer_id
        where cm.month = ${query.month}::int and ${SET_SQL[query.metric]}
          and cm.cell_id in (select id from metric_cells k where ${dimensionsWhere(query.dimensions, 'k')})
          and cm.customer_id > ${query.after ?? 0}
        order by cm.customer_id
        limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit).map((row) => ({
    id: Number(row.id),
    externalId: String(row.external_id),
    name: String(row.name),
    segment: (row.segment as string | null) ?? null,
    plan: (row.plan as string | null) ?? null,
    mrrStartCents: Number(row.mrr_start),
    mrrEndCents: Number(row.mrr_end),
    orders: Number(row.orders),
    revenueCents: Number(row.revenue_cents),
    churnReason: (row.churn_reason as string | null) ?? null,
    churnType: (row.churn_type as DrilldownRow['churnType']) ?? null,
  }));
  return { rows: page, next: rows.length > query.limit ? page[page.length - 1].id : null };
}
