import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { tasks } from '@/db/schema';
import { dueAtOfDay } from '@/lib/work/due';
import {
  bulkReassignSchema,
  completeTaskSchema,
  createTaskSchema,
  editTaskSchema,
  reassignTaskSchema,
  type BulkReassignInput,
  type CompleteTaskInput,
  type CreateTaskInput,
  type EditTaskInput,
  type ReassignTaskInput,
} from '@/lib/validation/tasks';
import { writeAudit, writeAuditMany } from '../audit';
import { assertCan, type Actor, type ServiceContext } from '../context';
import { ConflictError, RuleError } from '../errors';
import { parseInput } from '../validate';
import {
  assertNotErased,
  assertOpen,
  assignableUser,
  lockCustomer,
  lockTask,
  taskResource,
  type Assignee,
  type LockedTask,
} from './work-records';

export type TaskRow = typeof tasks.$inferSelect;

const TASK_CONFLICT =
  'Someone else changed this task since you opened it. Nothing was saved: reload to see their change, then try again.';

/** What an audit row keeps of a task. */
function auditView(task: TaskRow) {
  return {
    customerId: task.customerId,
    title: task.title,
    description: task.description,
    priority: task.priority,
    status: task.status,
    dueAt: task.dueAt,
    assigneeId: task.assigneeId,
    outcome: task.outcome,
  };
}

function actorId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.id : null;
}

const bumped = { version: sql`${tasks.version} + 1`, updatedAt: sql`now()` };

/**
 * Locks the task and checks what every edit of one needs: the scoped permission on it (a CSM: their account or a
 * task assigned to them), the version the editor saw, that it is still open and that its customer was not erased.
 */
async function lockForEdit(ctx: ServiceContext, tx: Executor, taskId: number, version: number): Promise<LockedTask> {
  const task = await lockTask(tx, taskId);
  assertCan(ctx.actor, 'tasks.write', taskResource(task));
  if (task.version !== version) throw new ConflictError(TASK_CONFLICT);
  assertOpen(task);
  assertNotErased({ erasedAt: task.customerErasedAt });
  return task;
}

/**
 * A new open task, on a customer or personal. It goes to the customer's owner unless someone else is chosen; giving
 * work to anyone but oneself or the account's owner is assigning, which leads and admins do (tasks.assign).
 */
export async function createTask({ ctx, input }: { ctx: ServiceContext; input: CreateTaskInput }): Promise<TaskRow> {
  assertCan(ctx.actor, 'tasks.write');
  const data = parseInput(createTaskSchema, input);
  const me = actorId(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    let ownerId: number | null = null;
    if (data.customerId !== null) {
      const customer = await lockCustomer(tx, data.customerId);
      assertCan(ctx.actor, 'tasks.write', { ownerId: customer.ownerId });
      assertNotErased(customer);
      ownerId = customer.ownerId;
    }
    const assigneeId = data.assigneeId ?? ownerId ?? me;
    if (assigneeId === null) throw new RuleError('Choose who takes the task.', 'assigneeId');
    if (assigneeId !== me && (data.customerId === null || assigneeId !== ownerId)) assertCan(ctx.actor, 'tasks.assign');
    if (data.customerId === null) assertCan(ctx.actor, 'tasks.write', { assigneeId });
    await assignableUser(tx, assigneeId, 'assigneeId');
    const [task] = await tx
      .insert(tasks)
      .values({
        customerId: data.customerId,
        title: data.title,
        description: data.description,
        priority: data.priority,
        dueAt: data.dueDate ? dueAtOfDay(data.dueDate) : null,
        assigneeId,
        createdById: me,
        source: 'manual',
      })
      .returning();
    await writeAudit(tx, ctx.actor, {
      action: 'task.create',
      entityType: 'task',
      entityId: task.id,
      after: auditView(task),
    });
    return task;
  });
}

/** Title, description, priority and due date of an open task. */
export async function editTask({ ctx, input }: { ctx: ServiceContext; input: EditTaskInput }): Promise<TaskRow> {
  assertCan(ctx.actor, 'tasks.write');
  const data = parseInput(editTaskSchema, input);
  return ctx.db.transaction(async (tx) => {
    const before = await lockForEdit(ctx, tx, data.taskId, data.version);
    const [after] = await tx
      .update(tasks)
      .set({
        title: data.title,
        description: data.description,
        priority: data.priority,
        dueAt: data.dueDate ? dueAtOfDay(data.dueDate) : null,
        ...bumped,
      })
      .where(eq(tasks.id, before.id))
      .returning();
    await writeAudit(tx, ctx.actor, {
      action: 'task.update',
      entityType: 'task',
      entityId: after.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** Marks an open task done with what came of it. */
export async function completeTask({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CompleteTaskInput;
}): Promise<TaskRow> {
  assertCan(ctx.actor, 'tasks.write');
  const data = parseInput(completeTaskSchema, input);
  return ctx.db.transaction(async (tx) => {
    const before = await lockForEdit(ctx, tx, data.taskId, data.version);
    const [after] = await tx
      .update(tasks)
      .set({ status: 'done', outcome: data.outcome, completedAt: sql`now()`, ...bumped })
      .where(eq(tasks.id, before.id))
      .returning();
    await writeAudit(tx, ctx.actor, {
      action: 'task.complete',
      entityType: 'task',
      entityId: after.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** Gives an open task to someone else (leads and admins). */
export async function reassignTask({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReassignTaskInput;
}): Promise<{ task: TaskRow; assignee: Assignee }> {
  assertCan(ctx.actor, 'tasks.assign');
  const data = parseInput(reassignTaskSchema, input);
  return ctx.db.transaction(async (tx) => {
    const before = await lockForEdit(ctx, tx, data.taskId, data.version);
    const assignee = await assignableUser(tx, data.assigneeId, 'assigneeId');
    if (before.assigneeId === assignee.id) return { task: before, assignee };
    const [after] = await tx
      .update(tasks)
      .set({ assigneeId: assignee.id, ...bumped })
      .where(eq(tasks.id, before.id))
      .returning();
    await writeAudit(tx, ctx.actor, {
      action: 'task.reassign',
      entityType: 'task',
      entityId: after.id,
      before: auditView(before),
      after: auditView(after),
    });
    return { task: after, assignee };
  });
}

/**
 * Gives many open tasks to one person, all or nothing: if any selected task changed since the lead loaded the
 * page (another edit, completion or reassignment), nothing is reassigned and the conflict names those tasks.
 */
export async function bulkReassignTasks({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: BulkReassignInput;
}): Promise<{ reassigned: number; unchanged: number; assignee: Assignee }> {
  assertCan(ctx.actor, 'tasks.assign');
  const data = parseInput(bulkReassignSchema, input);
  const seen = new Map(data.tasks.map((t) => [t.id, t.version]));
  return ctx.db.transaction(async (tx) => {
    const assignee = await assignableUser(tx, data.assigneeId, 'assigneeId');
    // Locked in id order, so that two bulk reassignments over overlapping tasks cannot deadlock.
    const rows = await tx
      .select()
      .from(tasks)
      .where(inArray(tasks.id, [...seen.keys()]))
      .orderBy(asc(tasks.id))
      .for('update');
    const stale = rows.filter((task) => task.version !== seen.get(task.id) || task.status !== 'open');
    const missing = seen.size - rows.length;
    if (stale.length > 0 || missing > 0) {
      const titles = stale.slice(0, 3).map((task) => `“${task.title}”`);
      const named = titles.length ? ` (${titles.join(', ')}${stale.length > 3 ? ', …' : ''})` : '';
      const count = stale.length + missing;
      throw new ConflictError(
        `${count} of the selected tasks ${count === 1 ? 'was' : 'were'} changed or removed by someone else since you loaded the page${named}. Nothing was reassigned: reload and try again.`,
      );
    }
    const moving = rows.filter((task) => task.assigneeId !== assignee.id);
    if (moving.length > 0) {
      const updated = await tx
        .update(tasks)
        .set({ assigneeId: assignee.id, ...bumped })
        .where(
          inArray(
            tasks.id,
            moving.map((task) => task.id),
          ),
        )
        .returning();
      const beforeById = new Map(moving.map((task) => [task.id, task]));
      await writeAuditMany(
        tx,
        ctx.actor,
        updated.map((after) => ({
          action: 'task.reassign',
          entityType: 'task',
          entityId: after.id,
          before: auditView(beforeById.get(after.id)!),
          after: { ...auditView(after), bulk: true },
        })),
      );
    }
    return { reassigned: moving.length, unchanged: rows.length - moving.length, assignee };
  });
}
