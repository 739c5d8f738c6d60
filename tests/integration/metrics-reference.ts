import { asc, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import { customers, feedback, orders, subscriptions } from '@/db/schema';
import { buildKpiDocument, type KpiDocument } from '@/lib/metrics/document';
import { monthOf, type Month } from '@/lib/metrics/months';
import { referenceInputs, type CustomerRecord } from '@/lib/metrics/reference';
import { churnThresholdsFor, DEFAULT_METRICS_SETTINGS, type MetricsSettings } from '@/lib/metrics/settings';
import { inactivityWindowDays, medianIntervalSeconds } from '@/lib/metrics/window';

export type Customer = typeof customers.$inferSelect;

/** Every customer with their raw history, read row by row: the input of the lib reference, independent of the rollups. */
export async function loadCustomerRecords(db: Executor): Promise<{ customer: Customer; record: CustomerRecord }[]> {
  const [people, subs, bought, answers] = await Promise.all([
    db.select().from(customers).orderBy(asc(customers.id)),
    db.select().from(subscriptions),
    db.select().from(orders),
    db.select().from(feedback),
  ]);
  const byCustomer = new Map(
    people.map((customer) => [
      customer.id,
      {
        customer,
        record: {
          churnType: customer.churnType,
          acquiredAt: customer.acquiredAt?.getTime() ?? null,
          activatedAt: customer.activatedAt?.getTime() ?? null,
          subscriptions: [] as CustomerRecord['subscriptions'][number][],
          orders: [] as CustomerRecord['orders'][number][],
          feedback: [] as CustomerRecord['feedback'][number][],
        },
      },
    ]),
  );
  for (const s of subs)
    byCustomer.get(s.customerId)!.record.subscriptions.push({ at: s.effectiveAt.getTime(), mrrCents: s.mrrCents });
  for (const o of bought)
    byCustomer.get(o.customerId)!.record.orders.push({ at: o.orderedAt.getTime(), amountCents: o.amountCents });
  for (const f of answers)
    byCustomer.get(f.customerId)!.record.feedback.push({ kind: f.kind, score: f.score, at: f.submittedAt.getTime() });
  return [...byCustomer.values()];
}

/** The month of the earliest subscription, order, answer or acquisition. */
function firstMonth(records: readonly CustomerRecord[]): Month {
  const times = records.flatMap((r) => [
    ...r.subscriptions.map((s) => s.at),
    ...r.orders.map((o) => o.at),
    ...r.feedback.map((f) => f.at),
    ...(r.acquiredAt === null ? [] : [r.acquiredAt]),
  ]);
  return monthOf(Math.min(...times));
}

/**
 * The KPI document computed by lib/metrics alone from raw rows: the customer-by-customer reference that getKpis
 * (rollups, SQL) must equal. `keep` picks the customers of a filtered read; W is always the workspace's.
 */
export async function referenceDocument(
  db: Executor,
  query: {
    from: Month;
    to: Month;
    now: Date;
    keep?: (customer: Customer) => boolean;
    filters?: Record<string, string>;
    settings?: MetricsSettings;
  },
): Promise<KpiDocument> {
  const settings = query.settings ?? DEFAULT_METRICS_SETTINGS;
  const all = await loadCustomerRecords(db);
  const records = all.map((c) => c.record);
  const windowDays = inactivityWindowDays(
    medianIntervalSeconds(records.map((r) => r.orders.map((o) => o.at))),
    settings.inactivityWindowDays,
  );
  const through = monthOf(query.now.getTime());
  const kept = all.filter((c) => query.keep?.(c.customer) ?? true).map((c) => c.record);
  const { inputs, cohortCells } = referenceInputs(kept, { from: firstMonth(records), through, windowDays });
  return buildKpiDocument({
    from: query.from,
    to: query.to,
    through,
    refreshedAt: null,
    history: new Map([...inputs].filter(([month]) => month <= query.to)),
    cohortCells: cohortCells.filter(
      (cell) => cell.cohort >= query.from && cell.cohort <= query.to && cell.month <= query.to,
    ),
    currency: 'USD',
    grossMargin: settings.grossMargin,
    windowDays,
    churnThresholds: churnThresholdsFor(settings, query.filters?.segment),
    filters: query.filters ?? {},
  });
}

/** A document without the refresh time, which only the rollups know. */
export function withoutRefreshTime(document: KpiDocument): KpiDocument {
  return { ...document, rollup: { ...document.rollup, refreshed_at: null } };
}

/** Every row of every fact and rollup table, in key order. */
export async function rollupRows(db: Executor) {
  const rows = (query: string) => queryRows(db, sql.raw(query));
  return {
    customerMonths: await rows('select * from customer_months order by month, customer_id'),
    customerFeedbackMonths: await rows('select * from customer_feedback_months order by month, customer_id'),
    customerActivation: await rows('select * from customer_activation order by customer_id'),
    metricMonths: await rows('select * from metric_months order by dimension, value, month'),
    metricCohorts: await rows('select * from metric_cohorts order by dimension, value, cohort, month'),
    metricActivation: await rows(
      'select * from metric_activation order by dimension, value, month, ttv_days nulls first',
    ),
    metricMonthCells: await rows('select * from metric_month_cells order by cell_id, month'),
    metricCohortCells: await rows('select * from metric_cohort_cells order by cell_id, cohort, month'),
    metricActivationCells: await rows(
      'select * from metric_activation_cells order by cell_id, month, ttv_days nulls first',
    ),
    metricChurnReasons: await rows('select * from metric_churn_reasons order by dimension, value, month, reason'),
    metricChurnReasonCells: await rows('select * from metric_churn_reason_cells order by cell_id, month, reason'),
  };
}
