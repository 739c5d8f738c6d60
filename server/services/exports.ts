import 'server-only';
import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import type { Writable } from 'node:stream';
import { auditLog, customerActivity, customers, riskScores, users } from '@/db/schema';
import { customerFilterWhere } from '@/db/queries/customer-filters';
import type { DrilldownRow } from '@/db/queries/metrics/drilldown';
import { readRollupState } from '@/db/queries/metrics/state';
import type { Permission } from '@/lib/auth/permissions';
import { serializer, type ExportFormat } from '@/lib/export/formats';
import { kpiTable } from '@/lib/metrics/kpi-table';
import { formatMonth } from '@/lib/metrics/months';
import type { KpiDrilldownInput, KpiQueryInput } from '@/lib/metrics/query';
import type { CustomerFilter } from '@/lib/validation/customer-filters';
import { writeAudit } from '../audit';
import { assertCan, type ServiceContext } from '../context';
import { getKpis, kpiDrilldownBatches } from './kpis';

const BATCH = 5_000;

type Page = { rows: Record<string, unknown>[]; next: number | null };
type ExportDefinition = {
  permission: Permission;
  columns: readonly string[];
  /** One keyset page after the cursor: bounded memory whatever the table size, on both drivers. */
  page: (ctx: ServiceContext, filter: CustomerFilter, after: number | null) => Promise<Page>;
};

const centsToDecimal = (cents: number) => (cents / 100).toFixed(2);

function paged<T extends { id: number }>(rows: T[], map: (row: T) => Record<string, unknown>): Page {
  return { rows: rows.map(map), next: rows.length === BATCH ? rows[rows.length - 1].id : null };
}

const EXPORTS = {
  customers: {
    permission: 'customers.read',
    columns: [
      'id',
      'name',
      'email',
      'phone',
      'company',
      'segment',
      'plan',
      'country',
      'region',
      'industry',
      'owner_email',
      'lifecycle_stage',
      'loyalty_tier',
      'acquired_at',
      'activated_at',
      'churned_at',
      'churn_reason',
      'churn_type',
      'mrr',
      'currency',
      'last_activity_at',
      'attributes',
    ],
    page: async (ctx, filter, after) => {
      const rows = await ctx.db
        .select({ c: customers, ownerEmail: users.email, lastActivityAt: customerActivity.lastActivityAt })
        .from(customers)
        .leftJoin(users, eq(users.id, customers.ownerId))
        .leftJoin(customerActivity, eq(customerActivity.customerId, customers.id))
        .where(and(customerFilterWhere(filter), after === null ? undefined : gt(customers.id, after)))
        .orderBy(asc(customers.id))
        .limit(BATCH);
      return paged(
        rows.map((r) => ({ ...r.c, ownerEmail: r.ownerEmail, lastActivityAt: r.lastActivityAt })),
        (c) => ({
          id: c.externalId,
          name: c.name,
          email: c.email,
          phone: c.phone,
          company: c.company,
          segment: c.segment,
          plan: c.plan,
          country: c.country,
          region: c.region,
          industry: c.industry,
          owner_email: c.ownerEmail,
          lifecycle_stage: c.lifecycleStage,
          loyalty_tier: c.loyaltyTier,
          acquired_at: c.acquiredAt,
          activated_at: c.activatedAt,
          churned_at: c.churnedAt,
          churn_reason: c.churnReason,
          churn_type: c.churnType,
          mrr: centsToDecimal(c.mrrCents),
          currency: c.currency,
          last_activity_at: c.lastActivityAt,
          attributes: c.attributes,
        }),
      );
    },
  },
  'risk-scores': {
    permission: 'customers.read',
    columns: ['id', 'name', 'score', 'band', 'factors', 'scored_at'],
    page: async (ctx, filter, after) => {
      const rows = await ctx.db
        .select({
          id: customers.id,
          externalId: customers.externalId,
          name: customers.name,
          score: riskScores.score,
          band: riskScores.band,
          factors: riskScores.factors,
          scoredAt: riskScores.scoredAt,
        })
        .from(riskScores)
        .innerJoin(customers, eq(customers.id, riskScores.customerId))
        .where(and(customerFilterWhere(filter), after === null ? undefined : gt(customers.id, after)))
        .orderBy(asc(customers.id))
        .limit(BATCH);
      return paged(rows, (r) => ({
        id: r.externalId,
        name: r.name,
        score: r.score,
        band: r.band,
        factors: r.factors,
        scored_at: r.scoredAt,
      }));
    },
  },
  audit: {
    permission: 'audit.read',
    columns: ['id', 'created_at', 'actor', 'action', 'entity_type', 'entity_id', 'before', 'after'],
    page: async (ctx, _filter, after) => {
      const rows = await ctx.db
        .select()
        .from(auditLog)
        .where(after === null ? undefined : lt(auditLog.id, after))
        .orderBy(desc(auditLog.id))
        .limit(BATCH);
      return paged(rows, (r) => ({
        id: r.id,
        created_at: r.createdAt,
        actor: r.actorLabel,
        action: r.action,
        entity_type: r.entityType,
        entity_id: r.entityId,
        before: r.before,
        after: r.after,
      }));
    },
  },
} satisfies Record<string, ExportDefinition>;

export type ExportName = keyof typeof EXPORTS;
export const EXPORT_NAMES = Object.keys(EXPORTS) as ExportName[];

function write(out: Writable, chunk: string): Promise<void> {
  if (!chunk) return Promise.resolve();
  return new Promise((resolve, reject) => {
    // Respect backpressure: wait for 'drain' when the stream's buffer is full.
    if (out.write(chunk, (error) => error && reject(error))) resolve();
    else out.once('drain', resolve);
  });
}

/** Streams an export page by page into `out`; records who exported what in the audit log. Returns the row count. */
export async function streamExport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { what: ExportName; format: ExportFormat; filter: CustomerFilter; out: Writable };
}): Promise<number> {
  const definition: ExportDefinition = EXPORTS[input.what];
  assertCan(ctx.actor, definition.permission);
  const format = serializer(input.format, definition.columns);
  await write(input.out, format.start());
  let after: number | null = null;
  let count = 0;
  do {
    const page = await definition.page(ctx, input.filter, after);
    await write(input.out, format.rows(page.rows, count === 0));
    count += page.rows.length;
    after = page.next;
  } while (after !== null);
  await write(input.out, format.end());
  await writeAudit(ctx.db, ctx.actor, {
    action: 'export.run',
    entityType: 'export',
    entityId: input.what,
    after: { format: input.format, filter: input.filter, rows: count },
  });
  return count;
}

/**
 * The KPI table (one row per month, one column per metric; rates as fractions, money in minor units) in an export
 * format: the numbers of the KPI page and `holdfast kpis`, for a spreadsheet. Returns the row count.
 */
export async function exportKpiTable({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { query: KpiQueryInput; format: ExportFormat; out: Writable };
}): Promise<number> {
  const document = await getKpis({ ctx, input: input.query });
  const table = kpiTable(document);
  const format = serializer(input.format, table.columns);
  await write(input.out, format.start() + format.rows(table.rows, true) + format.end());
  await writeAudit(ctx.db, ctx.actor, {
    action: 'export.run',
    entityType: 'export',
    entityId: 'kpis',
    after: { format: input.format, query: input.query, rows: table.rows.length },
  });
  return table.rows.length;
}

const DRILLDOWN_COLUMNS = [
  'id',
  'name',
  'month',
  'segment',
  'plan',
  'mrr_start',
  'mrr_end',
  'mrr_change',
  'orders',
  'revenue',
  'currency',
  'churn_reason',
  'churn_type',
] as const;

/**
 * The customers behind a KPI number (a drill-down list, in its order: by the MRR it moved, largest first) in an
 * export format, money in currency units as in the customer export. Two steps, so that a route answers a bad
 * request or a refusal with an error instead of a cut download: opening validates, checks kpis.read and reads the
 * first batch; the returned writer streams the rest and returns the row count.
 */
export async function openKpiDrilldownExport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { query: KpiDrilldownInput; format: ExportFormat };
}): Promise<(out: Writable) => Promise<number>> {
  const batches = kpiDrilldownBatches({ ctx, input: input.query });
  const first = await batches.next();
  const currency = (await readRollupState(ctx.db))?.currency ?? 'USD';
  const format = serializer(input.format, DRILLDOWN_COLUMNS);
  const cellsOf = (rows: DrilldownRow[]) =>
    rows.map((r) => ({
      id: r.externalId,
      name: r.name,
      month: formatMonth(r.month),
      segment: r.segment,
      plan: r.plan,
      mrr_start: centsToDecimal(r.mrrStartCents),
      mrr_end: centsToDecimal(r.mrrEndCents),
      mrr_change: centsToDecimal(r.mrrEndCents - r.mrrStartCents),
      orders: r.orders,
      revenue: centsToDecimal(r.revenueCents),
      currency,
      churn_reason: r.churnReason,
      churn_type: r.churnType,
    }));
  return async (out) => {
    const rows = first.done ? [] : first.value;
    await write(out, format.start() + format.rows(cellsOf(rows), true));
    let count = rows.length;
    for await (const batch of batches) {
      await write(out, format.rows(cellsOf(batch), false));
      count += batch.length;
    }
    await write(out, format.end());
    await writeAudit(ctx.db, ctx.actor, {
      action: 'export.run',
      entityType: 'export',
      entityId: 'kpi-customers',
      after: { format: input.format, query: input.query, rows: count },
    });
    return count;
  };
}
