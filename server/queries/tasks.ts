import 'server-only';
import { aliasedTable, and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { customers, tasks, users } from '@/db/schema';
import type { Role } from '@/lib/auth/roles';
import { ASSIGNABLE_ROLES } from '@/lib/work/catalog';
import { endOfUtcDay } from '@/lib/work/due';
import { assertCan, type ServiceContext } from '../context';

export type TaskListItem = {
  id: number;
  title: string;
  description: string | null;
  priority: (typeof tasks.$inferSelect)['priority'];
  status: (typeof tasks.$inferSelect)['status'];
  source: string;
  dueAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
  outcome: string | null;
  version: number;
  customerId: number | null;
  customerName: string | null;
  customerOwnerId: number | null;
  assigneeId: number | null;
  assigneeName: string | null;
  /** The first response (lib/work/sla.ts): completion, or the assignee's first activity on the customer since creation. */
  respondedAt: Date | null;
};

const assignee = aliasedTable(users, 'assignee');

/*
 * The first response of a task, per lib/work/sla.ts. The activity lookup walks the (customer_id, occurred_at)
 * index of activities from the task's creation on and stops at the first one by the assignee.
 */
const respondedAt = sql<Date | null>`least(
  case when ${tasks.status} = 'done' then ${tasks.completedAt} end,
  (select a.occurred_at from activities a
    where a.customer_id = ${tasks.customerId} and a.occurred_at >= ${tasks.createdAt} and a.author_id = ${tasks.assigneeId}
    order by a.occurred_at limit 1)
)`.mapWith(tasks.createdAt);

const taskColumns = {
  id: tasks.id,
  title: tasks.title,
  description: tasks.description,
  priority: tasks.priority,
  status: tasks.status,
  source: tasks.source,
  dueAt: tasks.dueAt,
  createdAt: tasks.createdAt,
  completedAt: tasks.completedAt,
  outcome: tasks.outcome,
  version: tasks.version,
  customerId: tasks.customerId,
  customerName: customers.name,
  customerOwnerId: customers.ownerId,
  assigneeId: tasks.assigneeId,
  assigneeName: assignee.name,
  respondedAt,
};

function selectTasks(ctx: ServiceContext, where: SQL | undefined) {
  return ctx.db
    .select(taskColumns)
    .from(tasks)
    .leftJoin(customers, eq(customers.id, tasks.customerId))
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .where(where);
}

/** Most open tasks a list shows; the rest are counted, and a lead can narrow the list down. */
export const TASK_LIST_LIMIT = 200;
const CLOSED_TASKS_ON_PROFILE = 10;

/** A customer's open tasks (soonest due first) and their most recently closed ones, from (customer_id, created_at). */
export async function listCustomerTasks({
  ctx,
  customerId,
}: {
  ctx: ServiceContext;
  customerId: number;
}): Promise<{ open: TaskListItem[]; closed: TaskListItem[] }> {
  assertCan(ctx.actor, 'customers.read');
  const [open, closed] = await Promise.all([
    selectTasks(ctx, and(eq(tasks.customerId, customerId), eq(tasks.status, 'open')))
      .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
      .limit(TASK_LIST_LIMIT),
    selectTasks(ctx, and(eq(tasks.customerId, customerId), sql`${tasks.status} <> 'open'`))
      .orderBy(sql`${tasks.completedAt} desc nulls last`, desc(tasks.id))
      .limit(CLOSED_TASKS_ON_PROFILE),
  ]);
  return { open, closed };
}

/**
 * The signed-in user's open tasks, soonest due first, from the partial index on open tasks by assignee. Everyone
 * may read their own work; an executive holds none.
 */
export async function listMyOpenTasks({ ctx }: { ctx: ServiceContext }): Promise<TaskListItem[]> {
  if (ctx.actor.kind !== 'user') return [];
  return selectTasks(ctx, and(eq(tasks.assigneeId, ctx.actor.id), eq(tasks.status, 'open')))
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
    .limit(TASK_LIST_LIMIT);
}

export type TeamMemberLoad = {
  /** null: open tasks assigned to nobody. */
  userId: number | null;
  name: string;
  role: Role | null;
  open: number;
  overdue: number;
  dueToday: number;
  urgent: number;
};

type LoadCounts = Pick<TeamMemberLoad, 'open' | 'overdue' | 'dueToday' | 'urgent'>;
const NO_LOAD: LoadCounts = { open: 0, overdue: 0, dueToday: 0, urgent: 0 };

/**
 * Per person who can hold work: open, overdue, due-today and high/urgent task counts (leads and admins). One pass
 * over the open tasks, grouped by assignee, read from tasks_assignee_open_due_idx alone (it holds every column the
 * counts need); the people come from the users table.
 */
export async function getTeamLoad({
  ctx,
  now = new Date(),
}: {
  ctx: ServiceContext;
  now?: Date;
}): Promise<TeamMemberLoad[]> {
  assertCan(ctx.actor, 'tasks.assign');
  const at = now.toISOString();
  const endOfDay = endOfUtcDay(now).toISOString();
  const [load, people] = await Promise.all([
    ctx.db
      .select({
        assigneeId: tasks.assigneeId,
        open: sql<number>`count(*)`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${tasks.dueAt} < ${at}::timestamptz)`.mapWith(Number),
        dueToday:
          sql<number>`count(*) filter (where ${tasks.dueAt} >= ${at}::timestamptz and ${tasks.dueAt} < ${endOfDay}::timestamptz)`.mapWith(
            Number,
          ),
        urgent: sql<number>`count(*) filter (where ${tasks.priority} in ('high', 'urgent'))`.mapWith(Number),
      })
      .from(tasks)
      .where(eq(tasks.status, 'open'))
      .groupBy(tasks.assigneeId),
    assignableUsers(ctx),
  ]);
  const byAssignee = new Map(load.map(({ assigneeId, ...counts }) => [assigneeId, counts]));
  const rows: TeamMemberLoad[] = people.map((person) => ({
    userId: person.id,
    name: person.name,
    role: person.role,
    ...(byAssignee.get(person.id) ?? NO_LOAD),
  }));
  const unassigned = byAssignee.get(null);
  if (unassigned) rows.push({ userId: null, name: 'Unassigned', role: null, ...unassigned });
  return rows;
}

/** Open tasks of one team member (or of nobody), soonest due first, for a lead to reassign. */
export async function listTeamTasks({
  ctx,
  assigneeId,
}: {
  ctx: ServiceContext;
  assigneeId: number | null;
}): Promise<TaskListItem[]> {
  assertCan(ctx.actor, 'tasks.assign');
  const whose = assigneeId === null ? isNull(tasks.assigneeId) : eq(tasks.assigneeId, assigneeId);
  return selectTasks(ctx, and(whose, eq(tasks.status, 'open')))
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
    .limit(TASK_LIST_LIMIT);
}

export type AssignableUser = { id: number; name: string; role: Role };

/** Who can own accounts and hold tasks, for owner and assignee choices. */
export async function listAssignableUsers({ ctx }: { ctx: ServiceContext }): Promise<AssignableUser[]> {
  assertCan(ctx.actor, 'customers.read');
  return assignableUsers(ctx);
}

function assignableUsers(ctx: ServiceContext): Promise<AssignableUser[]> {
  return ctx.db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, [...ASSIGNABLE_ROLES])))
    .orderBy(asc(users.name), asc(users.id));
}
