import { and, between, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import { metricMonths } from '@/db/schema';
import type { Month } from '@/lib/metrics/months';
import { dimensionsWhere, rollupKey, type DimensionValues } from './dimensions';

/** Summed over the months of a range; '' = customers without a segment. */
export type SegmentChurnRow = {
  segment: string;
  customersStart: number;
  churnedCustomers: number;
  involuntaryChurnedCustomers: number;
};

/** '' = no reason recorded on the customer. */
export type ReasonChurnRow = {
  reason: string;
  churnedCustomers: number;
  involuntaryChurnedCustomers: number;
  churnedMrrStart: number;
};

const num = (value: unknown) => Number(value ?? 0);

/**
 * Logo churn inputs per segment over months from..to, for the customers matching the other filters (a segment
 * filter does not narrow a by-segment view). Without other filters it reads the per-segment rollup, which holds
 * exactly what getKpis --segment reads; with them it sums the metric cells that match them.
 */
export async function churnBySegment(
  db: Executor,
  range: { from: Month; to: Month; dimensions: DimensionValues },
): Promise<SegmentChurnRow[]> {
  const { segment: _segment, ...others } = range.dimensions;
  const filtered = Object.values(others).some((value) => value !== undefined);
  if (!filtered) {
    const rows = await db
      .select({
        segment: metricMonths.value,
        customersStart: sql<number>`sum(${metricMonths.customersStart})`,
        churnedCustomers: sql<number>`sum(${metricMonths.churnedCustomers})`,
        involuntaryChurnedCustomers: sql<number>`sum(${metricMonths.involuntaryChurnedCustomers})`,
      })
      .from(metricMonths)
      .where(and(eq(metricMonths.dimension, 'segment'), between(metricMonths.month, range.from, range.to)))
      .groupBy(metricMonths.value)
      .orderBy(metricMonths.value);
    return rows.map(toSegmentRow);
  }
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select coalesce(c.segment, '') as segment, sum(m.customers_start) as "customersStart",
          sum(m.churned_customers) as "churnedCustomers", sum(m.involuntary_churned_customers) as "involuntaryChurnedCustomers"
        from metric_month_cells m join metric_cells c on c.id = m.cell_id
        where m.month between ${range.from}::int and ${range.to}::int and ${dimensionsWhere(others)}
        group by 1 order by 1`,
  );
  return rows.map(toSegmentRow);
}

function toSegmentRow(row: Record<string, unknown>): SegmentChurnRow {
  return {
    segment: String(row.segment ?? ''),
    customersStart: num(row.customersStart),
    churnedCustomers: num(row.churnedCustomers),
    involuntaryChurnedCustomers: num(row.involuntaryChurnedCustomers),
  };
}

/**
 * The churned customers (C) of months from..to by the churn reason recorded on them when their month was computed,
 * with the MRR they had at the start of their churn month: the same set as the churned count, so the reasons add up
 * to it. Read from the reason rollup of the workspace or up to two filters, or summed over the matching metric cells.
 */
export async function churnByReason(
  db: Executor,
  range: { from: Month; to: Month; dimensions: DimensionValues },
): Promise<ReasonChurnRow[]> {
  const key = rollupKey(range.dimensions);
  const source = key
    ? sql`metric_churn_reasons r where r.dimension = ${key.dimension} and r.value = ${key.value}`
    : sql`metric_churn_reason_cells r where r.cell_id in (select id from metric_cells c where ${dimensionsWhere(range.dimensions)})`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select r.reason, sum(r.churned_customers) as "churnedCustomers", sum(r.involuntary_churned_customers) as "involuntaryChurnedCustomers",
          sum(r.churned_mrr_start) as "churnedMrrStart"
        from ${source} and r.month between ${range.from}::int and ${range.to}::int
        group by r.reason order by 2 desc, 1`,
  );
  return rows.map((row) => ({
    reason: String(row.reason ?? ''),
    churnedCustomers: num(row.churnedCustomers),
    involuntaryChurnedCustomers: num(row.involuntaryChurnedCustomers),
    churnedMrrStart: num(row.churnedMrrStart),
  }));
}
