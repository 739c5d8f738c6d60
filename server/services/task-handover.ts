import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { tasks } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { auditRowsFrom } from '../audit';
import type { Actor } from '../context';

/** A customer whose owner changed, and who owned it before. */
export type Handover = { customerId: number; previousOwnerId: number };

/**
 * Gives the new owner the open tasks that each customer's previous owner had on it, so that the work follows the
 * account; one audit row per task. The tasks are locked in id order first (as bulk reassignment locks them, so the two
 * cannot deadlock), and PostgreSQL re-checks status and assignee on a row that changed meanwhile: a task completed or
 * reassigned by someone else stays as they saved it. Each moved task's version is bumped, so that a form still open
 * on the old version gets a conflict instead of overwriting the new assignee. Returns how many tasks moved.
 */
export async function handOverOpenTasks(
  tx: Executor,
  actor: Actor,
  handovers: readonly Handover[],
  ownerId: number,
): Promise<number> {
  if (handovers.length === 0) return 0;
  const customerIds = `{${handovers.map((h) => h.customerId).join(',')}}`;
  const previousOwners = `{${handovers.map((h) => h.previousOwnerId).join(',')}}`;
  const moved = await queryRows<{ entity_id: string }>(
    tx,
    sql`with previous as (
        select * from unnest(${customerIds}::bigint[], ${previousOwners}::int[]) as p(customer_id, owner_id)
      ), locked as (
        select ${tasks.id} as id, previous.owner_id from ${tasks}
        join previous on ${tasks.customerId} = previous.customer_id and ${tasks.assigneeId} = previous.owner_id
        where ${tasks.status} = 'open'
        order by ${tasks.id} for update of ${tasks}
      ), moved as (
        update ${tasks} set assignee_id = ${ownerId}::int, version = ${tasks.version} + 1, updated_at = now()
        from locked where ${tasks.id} = locked.id
        returning locked.id, locked.owner_id
      )
      ${auditRowsFrom(
        actor,
        { action: 'task.reassign', entityType: 'task' },
        sql`select moved.id::text as entity_id, jsonb_build_object('assigneeId', moved.owner_id) as before,
          jsonb_build_object('assigneeId', ${ownerId}::int, 'reason', 'owner change') as after
          from moved`,
      )}
      returning entity_id`,
  );
  return moved.length;
}
