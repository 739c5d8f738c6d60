import 'server-only';
import { asc, eq, type AnyColumn } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import {
  activities,
  campaignMembers,
  customerActivity,
  customers,
  events,
  feedback,
  journeyEnrollments,
  lifecycleTransitions,
  loyaltyLedger,
  loyaltyTierChanges,
  orders,
  outreachMessages,
  riskScoreHistory,
  riskScores,
  segmentMembers,
  subscriptions,
  tasks,
  tickets,
  users,
} from '@/db/schema';
import { customerRefSchema, type CustomerRefInput } from '@/lib/validation/customer-work';
import { writeAudit } from '../audit';
import { assertCan, type ServiceContext } from '../context';
import { NotFoundError } from '../errors';
import { parseInput } from '../validate';

type Source = { table: PgTable & { customerId: AnyColumn }; order: AnyColumn };

/**
 * Every table that holds rows about one customer (they all carry customer_id: docs/data-model.md), in document order.
 * A table added to the schema with customer rows belongs here too, or an export would silently miss it.
 */
const SOURCES = {
  subscriptions: { table: subscriptions, order: subscriptions.effectiveAt },
  orders: { table: orders, order: orders.orderedAt },
  events: { table: events, order: events.occurredAt },
  tickets: { table: tickets, order: tickets.openedAt },
  feedback: { table: feedback, order: feedback.submittedAt },
  activities: { table: activities, order: activities.occurredAt },
  tasks: { table: tasks, order: tasks.createdAt },
  lifecycleTransitions: { table: lifecycleTransitions, order: lifecycleTransitions.changedAt },
  riskScore: { table: riskScores, order: riskScores.scoredAt },
  riskScoreHistory: { table: riskScoreHistory, order: riskScoreHistory.scoredAt },
  outreachMessages: { table: outreachMessages, order: outreachMessages.createdAt },
  loyaltyLedger: { table: loyaltyLedger, order: loyaltyLedger.occurredAt },
  loyaltyTierChanges: { table: loyaltyTierChanges, order: loyaltyTierChanges.changedAt },
  campaignMemberships: { table: campaignMembers, order: campaignMembers.id },
  segmentMemberships: { table: segmentMembers, order: segmentMembers.addedAt },
  journeyEnrollments: { table: journeyEnrollments, order: journeyEnrollments.enrolledAt },
} satisfies Record<string, Source>;

export type PersonalDataSection = keyof typeof SOURCES;

export type PersonalDataExport = {
  format: 'holdfast.customer-personal-data.v1';
  exportedAt: string;
  customer: Record<string, unknown>;
} & Record<PersonalDataSection, Record<string, unknown>[]>;

async function readSection(tx: Executor, source: Source, customerId: number): Promise<Record<string, unknown>[]> {
  return tx.select().from(source.table).where(eq(source.table.customerId, customerId)).orderBy(asc(source.order));
}

/**
 * Everything Holdfast holds about one customer, as one JSON document, for an LGPD/GDPR access request (admins).
 * Read in one repeatable-read transaction so that the sections agree with each other; the export itself is
 * audit-logged (who exported whom, and how many rows), without the data.
 */
export async function exportCustomerPersonalData({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CustomerRefInput;
}): Promise<PersonalDataExport> {
  assertCan(ctx.actor, 'customers.exportPersonalData');
  const { customerId } = parseInput(customerRefSchema, input);
  return ctx.db.transaction(
    async (tx) => {
      const [row] = await tx
        .select({ customer: customers, ownerEmail: users.email, lastActivityAt: customerActivity.lastActivityAt })
        .from(customers)
        .leftJoin(users, eq(users.id, customers.ownerId))
        .leftJoin(customerActivity, eq(customerActivity.customerId, customers.id))
        .where(eq(customers.id, customerId));
      if (!row) throw new NotFoundError('customer');
      const sections = {} as Record<PersonalDataSection, Record<string, unknown>[]>;
      // One statement at a time: a transaction is one connection.
      for (const [name, source] of Object.entries(SOURCES) as [PersonalDataSection, Source][]) {
        sections[name] = await readSection(tx, source, customerId);
      }
      const rows = Object.fromEntries(Object.entries(sections).map(([name, list]) => [name, list.length]));
      await writeAudit(tx, ctx.actor, {
        action: 'customer.exportPersonalData',
        entityType: 'customer',
        entityId: customerId,
        after: { rows },
      });
      return {
        format: 'holdfast.customer-personal-data.v1',
        exportedAt: new Date().toISOString(),
        customer: { ...row.customer, ownerEmail: row.ownerEmail, lastActivityAt: row.lastActivityAt },
        ...sections,
      };
    },
    { isolationLevel: 'repeatable read' },
  );
}
