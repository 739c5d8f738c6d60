import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { changeOwnerSchema, type ChangeOwnerInput } from '@/lib/validation/customer-work';
import { writeAudit } from '../audit';
import { assertCan, type ServiceContext } from '../context';
import { ConflictError } from '../errors';
import { parseInput } from '../validate';
import { handOverOpenTasks } from './task-handover';
import { CUSTOMER_CONFLICT, assertNotErased, assignableUser, lockCustomer, type Assignee } from './work-records';

export type OwnerChange = { customerId: number; owner: Assignee; movedTasks: number; changed: boolean };

/**
 * Hands an account to another owner (leads and admins). Optionally the previous owner's open tasks on it move
 * along, so that the work follows the account; each moved task gets its own audit row.
 */
export async function changeCustomerOwner({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ChangeOwnerInput;
}): Promise<OwnerChange> {
  assertCan(ctx.actor, 'customers.assignOwner');
  const data = parseInput(changeOwnerSchema, input);
  return ctx.db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, data.customerId);
    if (customer.version !== data.version) throw new ConflictError(CUSTOMER_CONFLICT);
    assertNotErased(customer);
    const owner = await assignableUser(tx, data.ownerId, 'ownerId');
    if (customer.ownerId === owner.id) return { customerId: customer.id, owner, movedTasks: 0, changed: false };

    await tx
      .update(customers)
      .set({ ownerId: owner.id, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
      .where(eq(customers.id, customer.id));
    await writeAudit(tx, ctx.actor, {
      action: 'customer.changeOwner',
      entityType: 'customer',
      entityId: customer.id,
      before: { ownerId: customer.ownerId },
      after: { ownerId: owner.id, moveOpenTasks: data.moveOpenTasks },
    });

    const handovers =
      data.moveOpenTasks && customer.ownerId !== null
        ? [{ customerId: customer.id, previousOwnerId: customer.ownerId }]
        : [];
    const movedTasks = await handOverOpenTasks(tx, ctx.actor, handovers, owner.id);
    return { customerId: customer.id, owner, movedTasks, changed: true };
  });
}
