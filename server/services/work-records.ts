import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customers, tasks, users } from '@/db/schema';
import type { PermissionResource } from '@/lib/auth/permissions';
import { ASSIGNABLE_ROLES } from '@/lib/work/catalog';
import { NotFoundError, RuleError } from '../errors';

/*
 * Row locks and checks shared by the verbs on customers and tasks. Every write locks the row it is about
 * (SELECT ... FOR UPDATE) before comparing versions, so that of two concurrent editors the second waits, then sees
 * the first one's new version and gets a ConflictError instead of overwriting.
 */

export const CUSTOMER_CONFLICT =
  'Someone else changed this customer since you opened the page. Nothing was saved: reload to see their change, then try again.';

export type LockedCustomer = {
  id: number;
  name: string;
  ownerId: number | null;
  version: number;
  erasedAt: Date | null;
};

export async function lockCustomer(tx: Executor, customerId: number): Promise<LockedCustomer> {
  const [row] = await tx
    .select({
      id: customers.id,
      name: customers.name,
      ownerId: customers.ownerId,
      version: customers.version,
      erasedAt: customers.erasedAt,
    })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for('update');
  if (!row) throw new NotFoundError('customer');
  return row;
}

/** An erased customer keeps only aggregates; nothing personal may be written about them again. */
export function assertNotErased(customer: { erasedAt: Date | null }): void {
  if (customer.erasedAt)
    throw new RuleError("This customer's personal data was erased; their record can no longer be changed.");
}

export type LockedTask = typeof tasks.$inferSelect & { customerOwnerId: number | null; customerErasedAt: Date | null };

export async function lockTask(tx: Executor, taskId: number): Promise<LockedTask> {
  const [row] = await tx
    .select({ task: tasks, customerOwnerId: customers.ownerId, customerErasedAt: customers.erasedAt })
    .from(tasks)
    .leftJoin(customers, eq(customers.id, tasks.customerId))
    .where(eq(tasks.id, taskId))
    .for('update', { of: tasks });
  if (!row) throw new NotFoundError('task');
  return { ...row.task, customerOwnerId: row.customerOwnerId, customerErasedAt: row.customerErasedAt };
}

/** What a scoped permission (tasks.write) is asked about for a task: its account's owner and its assignee. */
export function taskResource(task: { customerOwnerId: number | null; assigneeId: number | null }): PermissionResource {
  return { ownerId: task.customerOwnerId, assigneeId: task.assigneeId };
}

export function assertOpen(task: { status: string }): void {
  if (task.status !== 'open')
    throw new RuleError(task.status === 'done' ? 'This task is already done.' : 'This task was cancelled.');
}

export type Assignee = { id: number; name: string; email: string };

/** Accounts and tasks go to people who can work them: enabled users other than executives (read-only). */
export async function assignableUser(tx: Executor, userId: number, field: string): Promise<Assignee> {
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt), inArray(users.role, [...ASSIGNABLE_ROLES])));
  if (!row) throw new RuleError('Choose an active admin, lead or CSM.', field);
  return row;
}
