import 'server-only';
import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { activities, auditLog, customers, feedback, outreachMessages, tasks, tickets } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { erasableValues } from '@/lib/customers/erased-values';
import { customerRefSchema, type CustomerRefInput } from '@/lib/validation/customer-work';
import { writeAudit } from '../audit';
import { assertCan, type ServiceContext } from '../context';
import { RuleError } from '../errors';
import { parseInput } from '../validate';
import { scrubRepeatedValues } from './erased-searches';
import { lockCustomer } from './work-records';

/** What replaces required free text (a subject, a title) that may have named or described the person. */
export const ERASED_TEXT = 'Erased';

export function erasedCustomerName(customerId: number): string {
  return `Erased customer ${customerId}`;
}

/**
 * Top-level keys of audit snapshots that can hold personal data (the writers in server/services keep their
 * snapshots flat so that this list finds them). Erasure strips them from the customer's audit history; who did
 * what and when stays.
 */
const PERSONAL_AUDIT_KEYS = [
  'name',
  'email',
  'phone',
  'company',
  'attributes',
  'subject',
  'body',
  'outcome',
  'title',
  'description',
  'comment',
  'toAddress',
];

/** The identifying fields whose values users may have typed elsewhere (a list search, an export filter). */
const IDENTIFYING_KEYS = ['name', 'email', 'phone', 'company'] as const;

export type ErasureReport = {
  customerId: number;
  erasedAt: Date;
  cleared: {
    activities: number;
    tasks: number;
    tasksCancelled: number;
    tickets: number;
    feedback: number;
    messages: number;
    auditEntries: number;
    savedViews: number;
  };
};

/** What the customer is and was called and reached at: the record now, and the snapshots of its audit history. */
async function identifyingValues(tx: Executor, customerId: number): Promise<string[]> {
  const [current] = await tx
    .select({ name: customers.name, email: customers.email, phone: customers.phone, company: customers.company })
    .from(customers)
    .where(eq(customers.id, customerId));
  const keys = sql.join(
    IDENTIFYING_KEYS.map((key) => sql`${key}`),
    sql`, `,
  );
  const history = await queryRows<{ value: string }>(
    tx,
    sql`select distinct field.value from ${auditLog}
      cross join lateral (values (${auditLog.before}), (${auditLog.after})) as snapshot(body)
      cross join lateral jsonb_each_text(case when jsonb_typeof(snapshot.body) = 'object' then snapshot.body else '{}'::jsonb end) as field(key, value)
      where ${auditLog.entityType} = 'customer' and ${auditLog.entityId} = ${String(customerId)} and field.key in (${keys})`,
  );
  return erasableValues([...IDENTIFYING_KEYS.map((key) => current?.[key]), ...history.map((row) => row.value)]);
}

async function redactAudit(tx: Executor, where: SQL): Promise<number> {
  const keys = sql`array[${sql.join(
    PERSONAL_AUDIT_KEYS.map((key) => sql`${key}`),
    sql`, `,
  )}]::text[]`;
  const strip = (column: AnyColumn) =>
    sql`case when jsonb_typeof(${column}) = 'object' then ${column} - ${keys} else ${column} end`;
  const rows = await tx
    .update(auditLog)
    .set({ before: strip(auditLog.before), after: strip(auditLog.after) })
    .where(where)
    .returning({ id: auditLog.id });
  return rows.length;
}

/**
 * Erases a customer's personal data for an LGPD/GDPR request (admins): the name becomes a neutral label; email,
 * phone, company, imported attributes, consent and every free text written about them (activity and task texts,
 * ticket subjects, survey comments, messages) are cleared, open tasks are cancelled, and personal values are
 * stripped from their audit history and replaced by the neutral label where users typed them (saved views, export
 * filters). Aggregates (orders, subscriptions, events, scores, stages) stay, so KPIs do
 * not change. One transaction; the erasure's own audit row says what was cleared, never what it said.
 */
export async function eraseCustomer({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CustomerRefInput;
}): Promise<ErasureReport> {
  assertCan(ctx.actor, 'customers.erase');
  const { customerId } = parseInput(customerRefSchema, input);
  return ctx.db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, customerId);
    if (customer.erasedAt) throw new RuleError("This customer's personal data was already erased.");
    const values = await identifyingValues(tx, customer.id);

    const [{ erasedAt }] = await tx
      .update(customers)
      .set({
        name: erasedCustomerName(customer.id),
        email: null,
        phone: null,
        company: null,
        attributes: {},
        consentEmail: false,
        consentSms: false,
        consentPush: false,
        preferredChannel: null,
        erasedAt: sql`now()`,
        version: sql`${customers.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(customers.id, customer.id))
      .returning({ erasedAt: customers.erasedAt });

    const clearedActivities = await tx
      .update(activities)
      .set({ subject: ERASED_TEXT, body: null, outcome: null })
      .where(eq(activities.customerId, customer.id))
      .returning({ id: activities.id });
    // Nothing is left to do for a person who is no longer on record.
    const cancelled = await tx
      .update(tasks)
      .set({ status: 'cancelled', completedAt: sql`now()` })
      .where(and(eq(tasks.customerId, customer.id), eq(tasks.status, 'open')))
      .returning({ id: tasks.id });
    const clearedTasks = await tx
      .update(tasks)
      .set({
        title: ERASED_TEXT,
        description: null,
        outcome: null,
        version: sql`${tasks.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(tasks.customerId, customer.id))
      .returning({ id: tasks.id });
    const clearedTickets = await tx
      .update(tickets)
      .set({ subject: null })
      .where(eq(tickets.customerId, customer.id))
      .returning({ id: tickets.id });
    const clearedFeedback = await tx
      .update(feedback)
      .set({ comment: null })
      .where(eq(feedback.customerId, customer.id))
      .returning({ id: feedback.id });
    const clearedMessages = await tx
      .update(outreachMessages)
      .set({ toAddress: null, subject: null, body: '' })
      .where(eq(outreachMessages.customerId, customer.id))
      .returning({ id: outreachMessages.id });

    // Three statements rather than one OR, so that each uses the (entity_type, entity_id) index.
    const rowsOf = (entityType: string, ids: SQL) =>
      and(eq(auditLog.entityType, entityType), inArray(auditLog.entityId, ids))!;
    let auditEntries = await redactAudit(
      tx,
      and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, String(customer.id)))!,
    );
    auditEntries += await redactAudit(
      tx,
      rowsOf('activity', sql`(select id::text from ${activities} where ${activities.customerId} = ${customer.id})`),
    );
    auditEntries += await redactAudit(
      tx,
      rowsOf('task', sql`(select id::text from ${tasks} where ${tasks.customerId} = ${customer.id})`),
    );
    // Where users typed the customer's values to find them: export filters, saved views.
    const searches = await scrubRepeatedValues(tx, values, erasedCustomerName(customer.id));
    auditEntries += searches.auditEntries;

    const report: ErasureReport = {
      customerId: customer.id,
      erasedAt: erasedAt!,
      cleared: {
        activities: clearedActivities.length,
        tasks: clearedTasks.length,
        tasksCancelled: cancelled.length,
        tickets: clearedTickets.length,
        feedback: clearedFeedback.length,
        messages: clearedMessages.length,
        auditEntries,
        savedViews: searches.savedViews,
      },
    };
    await writeAudit(tx, ctx.actor, {
      action: 'customer.erase',
      entityType: 'customer',
      entityId: customer.id,
      after: { erasedAt: report.erasedAt, cleared: report.cleared },
    });
    return report;
  });
}
