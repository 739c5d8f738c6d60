import 'server-only';
import { sql } from 'drizzle-orm';
import { activities, customerActivity } from '@/db/schema';
import { logActivitySchema, momentOf, type LogActivityInput } from '@/lib/validation/customer-work';
import { writeAudit } from '../audit';
import { assertCan, type ServiceContext } from '../context';
import { RuleError } from '../errors';
import { parseInput } from '../validate';
import { assertNotErased, lockCustomer } from './work-records';

export type ActivityRow = typeof activities.$inferSelect;

// A little slack for clocks that run ahead of the server's.
const FUTURE_SLACK_MS = 5 * 60 * 1000;

/**
 * A call, email, meeting or note on a customer, authored by the actor. The customer's last-activity time moves
 * forward with it (the list sorts and filters on it).
 */
export async function logActivity({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: LogActivityInput;
}): Promise<ActivityRow> {
  assertCan(ctx.actor, 'activities.write');
  const data = parseInput(logActivitySchema, input);
  const occurredAt = data.occurredAt ? momentOf(data.occurredAt) : new Date();
  return ctx.db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, data.customerId);
    assertCan(ctx.actor, 'activities.write', { ownerId: customer.ownerId });
    assertNotErased(customer);
    if (occurredAt.getTime() > Date.now() + FUTURE_SLACK_MS)
      throw new RuleError('An activity cannot happen in the future.', 'occurredAt');
    const [activity] = await tx
      .insert(activities)
      .values({
        customerId: customer.id,
        kind: data.kind,
        subject: data.subject,
        body: data.body,
        outcome: data.outcome,
        occurredAt,
        authorId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      })
      .returning();
    await tx
      .insert(customerActivity)
      .values({ customerId: customer.id, lastActivityAt: occurredAt })
      .onConflictDoUpdate({
        target: customerActivity.customerId,
        set: { lastActivityAt: sql`greatest(${customerActivity.lastActivityAt}, excluded.last_activity_at)` },
      });
    await writeAudit(tx, ctx.actor, {
      action: 'activity.log',
      entityType: 'activity',
      entityId: activity.id,
      after: {
        customerId: customer.id,
        kind: activity.kind,
        subject: activity.subject,
        body: activity.body,
        outcome: activity.outcome,
        occurredAt: activity.occurredAt,
      },
    });
    return activity;
  });
}
