import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customers, tasks, users } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { can } from '@/lib/auth/permissions';
import type { AssignOwnerInput, CreateTasksInput } from '@/lib/validation/customer-bulk';
import { auditRowsFrom } from '../audit';
import { assertCan, type Actor, type ServiceContext } from '../context';
import { ForbiddenError, RuleError } from '../errors';
import { resolveBulkTarget } from './bulk-target';
import { handOverOpenTasks } from './task-handover';

/** `erased`: matching customers left out because their personal data was erased. */
export type BulkResult = { matched: number; changed: number; erased: number };

/** An owner or assignee must be someone who works accounts and can sign in. */
async function activeWorker(tx: Executor, userId: number, field: string) {
  const [user] = await tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.disabledAt) throw new RuleError('Choose an active user.', field);
  if (user.role === 'exec') throw new RuleError('Executives are read-only; choose a CSM, a lead or an admin.', field);
  return user;
}

/**
 * Makes one user the owner of the target customers (lead and admin). Customers already owned by them are left as
 * they are; every change bumps the customer's version and writes an audit row with the owner before and after. With
 * moveOpenTasks, each previous owner's open tasks on those accounts move to the new owner too, in the same transaction.
 */
export async function assignOwner({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AssignOwnerInput;
}): Promise<BulkResult & { owner: string; movedTasks: number }> {
  assertCan(ctx.actor, 'customers.assignOwner');
  return ctx.db.transaction(async (tx) => {
    const owner = await activeWorker(tx, input.ownerId, 'ownerId');
    const target = await resolveBulkTarget(tx, input.target, ctx.actor);
    const changed = await queryRows<{ entity_id: string; previous_owner_id: number | null }>(
      tx,
      sql`with target as (
          select ${customers.id} as id, ${customers.name} as name, ${customers.ownerId} as owner_id from ${customers}
          where ${target.where} and ${customers.ownerId} is distinct from ${owner.id}::int
          order by ${customers.id} for update
        ), changed as (
          update ${customers} set owner_id = ${owner.id}::int, version = ${customers.version} + 1, updated_at = now()
          from target where ${customers.id} = target.id
          returning target.id, target.name, target.owner_id
        )
        ${auditRowsFrom(
          ctx.actor,
          { action: 'customer.assignOwner', entityType: 'customer' },
          sql`select changed.id::text as entity_id,
            jsonb_build_object('name', changed.name, 'ownerId', changed.owner_id, 'owner', (select ${users.email} from ${users} where ${users.id} = changed.owner_id)) as before,
            jsonb_build_object('name', changed.name, 'ownerId', ${owner.id}::int, 'owner', ${owner.email}::text, 'moveOpenTasks', ${input.moveOpenTasks}::boolean) as after
            from changed`,
        )}
        returning entity_id, (before->>'ownerId')::int as previous_owner_id`,
    );
    const handovers = input.moveOpenTasks
      ? changed.flatMap((row) =>
          row.previous_owner_id === null
            ? []
            : [{ customerId: Number(row.entity_id), previousOwnerId: row.previous_owner_id }],
        )
      : [];
    const movedTasks = await handOverOpenTasks(tx, ctx.actor, handovers, owner.id);
    return { matched: target.count, changed: changed.length, erased: target.erased, owner: owner.name, movedTasks };
  });
}

/** A CSM writes tasks only on accounts they own (docs/security.md): every target customer must be theirs. */
async function assertOwnsAll(tx: Executor, actor: Actor, where: SQL): Promise<void> {
  // Whoever may write tasks on an account nobody owns may write them on every account (leads, admins, the system).
  if (actor.kind !== 'user' || can(actor, 'tasks.write', { ownerId: null })) return;
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${customers} where ${where} and ${customers.ownerId} is distinct from ${actor.id}::int`,
  );
  if (n > 0) {
    throw new ForbiddenError(
      'tasks.write',
      `You can create tasks only on accounts you own; ${n === 1 ? 'one of these customers belongs' : `${n} of these customers belong`} to someone else.`,
    );
  }
}

/**
 * One task for each target customer, for its owner (or the acting user where an account has none) or for one chosen
 * user. Assigning work to someone else is a lead's (tasks.assign).
 */
export async function createTasksForCustomers({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateTasksInput;
}): Promise<BulkResult> {
  assertCan(ctx.actor, 'tasks.write');
  const me = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  if (input.assignee !== 'owner' && input.assignee !== me) assertCan(ctx.actor, 'tasks.assign');
  return ctx.db.transaction(async (tx) => {
    const assignee = input.assignee === 'owner' ? null : (await activeWorker(tx, input.assignee, 'assignee')).id;
    const target = await resolveBulkTarget(tx, input.target, ctx.actor);
    await assertOwnsAll(tx, ctx.actor, target.where);
    const dueAt = input.dueOn ? sql`(${input.dueOn}::date::timestamp at time zone 'UTC')` : sql`null`;
    const created = await queryRows<{ entity_id: string }>(
      tx,
      sql`with created as (
          insert into ${tasks} (customer_id, title, description, assignee_id, created_by_id, priority, due_at, source)
          select ${customers.id}, ${input.title}, ${input.description ?? null}, coalesce(${assignee}::int, ${customers.ownerId}, ${me}::int),
            ${me}::int, ${input.priority}::priority, ${dueAt}, 'manual'
          from ${customers} where ${target.where}
          order by ${customers.id}
          returning id, customer_id, assignee_id, title, priority, due_at
        )
        ${auditRowsFrom(
          ctx.actor,
          { action: 'task.create', entityType: 'task' },
          sql`select created.id::text as entity_id, null::jsonb as before,
            jsonb_build_object('title', created.title, 'customerId', created.customer_id, 'assigneeId', created.assignee_id,
              'priority', created.priority, 'dueAt', created.due_at) as after
            from created`,
        )}
        returning entity_id`,
    );
    return { matched: target.count, changed: created.length, erased: target.erased };
  });
}
