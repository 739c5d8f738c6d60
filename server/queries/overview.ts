import 'server-only';
import { and, count, eq, sql } from 'drizzle-orm';
import { customers, tasks } from '@/db/schema';
import { assertCan, type ServiceContext } from '../context';

export type MoneyDTO = { currency: string; cents: number };

export type WorkspaceSummaryDTO = {
  customers: number;
  /** Customers with no churn date. */
  active: number;
  churnedLast30Days: number;
  /** Current MRR summed per currency (amounts in different currencies are never added together). */
  mrr: MoneyDTO[];
};

export type MyTasksDTO = { open: number; overdue: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The overview's workspace numbers in one pass over customers. */
export async function getWorkspaceSummary({
  ctx,
  now = new Date(),
}: {
  ctx: ServiceContext;
  now?: Date;
}): Promise<WorkspaceSummaryDTO> {
  assertCan(ctx.actor, 'customers.read');
  const since = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const rows = await ctx.db
    .select({
      currency: customers.currency,
      customers: count(),
      active: sql<number>`count(*) filter (where ${customers.churnedAt} is null)`.mapWith(Number),
      churnedRecently: sql<number>`count(*) filter (where ${customers.churnedAt} >= ${since}::timestamptz)`.mapWith(
        Number,
      ),
      mrrCents: sql<number>`coalesce(sum(${customers.mrrCents}), 0)`.mapWith(Number),
    })
    .from(customers)
    .groupBy(customers.currency)
    .orderBy(customers.currency);
  return {
    customers: rows.reduce((n, r) => n + r.customers, 0),
    active: rows.reduce((n, r) => n + r.active, 0),
    churnedLast30Days: rows.reduce((n, r) => n + r.churnedRecently, 0),
    mrr: rows.filter((r) => r.mrrCents !== 0).map((r) => ({ currency: r.currency, cents: r.mrrCents })),
  };
}

/**
 * The open tasks assigned to the signed-in user, read from the partial index on open tasks by assignee. Everyone may
 * see their own work, so no permission is asked; the system actor has none.
 */
export async function getMyTaskCounts({
  ctx,
  now = new Date(),
}: {
  ctx: ServiceContext;
  now?: Date;
}): Promise<MyTasksDTO> {
  if (ctx.actor.kind !== 'user') return { open: 0, overdue: 0 };
  const [row] = await ctx.db
    .select({
      open: count(),
      overdue: sql<number>`count(*) filter (where ${tasks.dueAt} < ${now.toISOString()}::timestamptz)`.mapWith(Number),
    })
    .from(tasks)
    .where(and(eq(tasks.assigneeId, ctx.actor.id), eq(tasks.status, 'open')));
  return { open: row.open, overdue: row.overdue };
}
