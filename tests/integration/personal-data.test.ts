import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import {
  activities,
  auditLog,
  customers,
  events,
  feedback,
  orders,
  outreachMessages,
  savedViews,
  subscriptions,
  tasks,
  tickets,
} from '@/db/schema';
import type { Actor } from '@/server/context';
import { ForbiddenError, RuleError } from '@/server/errors';
import { logActivity } from '@/server/services/activities';
import { updateCustomerContact } from '@/server/services/customer-contact';
import { eraseCustomer } from '@/server/services/customer-erasure';
import { exportCustomerPersonalData } from '@/server/services/customer-export';
import { streamExport } from '@/server/services/exports';
import { createSavedView } from '@/server/services/saved-views';
import { createTask } from '@/server/services/tasks';
import { actorOf, makeUser } from '../helpers/factories';
import { createTestDatabase } from '../helpers/test-db';
import { makeCustomer } from '../helpers/work-factories';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let as: Record<'admin' | 'lead' | 'csm' | 'exec', Actor>;
let customer: typeof customers.$inferSelect;

const ctx = (actor: Actor) => ({ db: handle.db, actor });
const day = (d: string) => new Date(`${d}T12:00:00Z`);

async function countOf(table: typeof orders | typeof subscriptions | typeof events) {
  const [row] = await handle.db.select({ n: count() }).from(table).where(eq(table.customerId, customer.id));
  return row.n;
}

/** A customer with something in every kind of record, written partly through the verbs so that audit rows exist. */
async function richCustomer(ownerId: number) {
  const row = await makeCustomer(handle.db, ownerId, {
    name: 'Maria Personal',
    email: 'maria@personal.test',
    company: 'Personal Ltda',
  });
  const customerId = row.id;
  await handle.db.insert(subscriptions).values([
    { customerId, effectiveAt: day('2024-01-01'), mrrCents: 10_000 },
    { customerId, effectiveAt: day('2024-06-01'), mrrCents: 12_000 },
  ]);
  await handle.db
    .insert(orders)
    .values({ customerId, externalId: 'ord-1', orderedAt: day('2024-02-01'), amountCents: 5_000 });
  await handle.db.insert(events).values([
    { customerId, type: 'login', occurredAt: day('2024-03-01') },
    { customerId, type: 'usage', occurredAt: day('2024-03-01'), value: 7 },
  ]);
  await handle.db
    .insert(tickets)
    .values({ customerId, externalId: 'tkt-1', openedAt: day('2024-03-02'), subject: 'Maria cannot log in' });
  await handle.db
    .insert(feedback)
    .values({ customerId, kind: 'nps', score: 3, submittedAt: day('2024-03-03'), comment: 'Maria here: too slow' });
  await handle.db.insert(outreachMessages).values({
    customerId,
    channel: 'email',
    toAddress: 'maria@personal.test',
    subject: 'Hi Maria',
    body: 'Dear Maria',
  });
  await logActivity({
    ctx: ctx(as.csm),
    input: {
      customerId,
      kind: 'call',
      subject: 'Call with Maria',
      body: 'Maria mentioned her divorce',
      outcome: 'Maria will renew',
    },
  });
  await createTask({
    ctx: ctx(as.csm),
    input: { customerId, title: 'Send Maria the offer', description: 'Her personal email' },
  });
  await updateCustomerContact({
    ctx: ctx(as.csm),
    input: {
      customerId,
      version: 1,
      email: 'maria@home.test',
      phone: '+55 11 99999-0000',
      consentEmail: true,
      consentSms: false,
      consentPush: false,
      preferredChannel: 'email',
    },
  });
  // Users looking for her: a saved search, exports filtered by her name and by her former email address.
  await createSavedView({
    ctx: ctx(as.csm),
    input: { name: 'Maria Personal renewals', shared: false, search: '?q=Maria+Personal&sort=mrr' },
  });
  await createSavedView({ ctx: ctx(as.csm), input: { name: 'B2C accounts', shared: false, search: '?segment=b2c' } });
  const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  for (const q of ['Maria Personal', 'MARIA@PERSONAL.TEST'])
    await streamExport({
      ctx: ctx(as.csm),
      input: { what: 'customers', format: 'csv', filter: { q }, out: discard() },
    });
  return row;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const [admin, lead, csm, exec] = await Promise.all(
    (['admin', 'lead', 'csm', 'exec'] as const).map((role) => makeUser(handle.db, role)),
  );
  as = { admin: actorOf(admin), lead: actorOf(lead), csm: actorOf(csm), exec: actorOf(exec) };
  customer = await richCustomer(csm.id);
});
afterAll(() => handle.dispose());

describe('personal data export', () => {
  it('gives an admin everything about the customer as one JSON document and audits the export without the data', async () => {
    const document = await exportCustomerPersonalData({ ctx: ctx(as.admin), input: { customerId: customer.id } });
    const json = JSON.parse(JSON.stringify(document));
    expect(json).toMatchObject({
      format: 'holdfast.customer-personal-data.v1',
      customer: {
        id: customer.id,
        name: 'Maria Personal',
        email: 'maria@home.test',
        attributes: { favouriteColour: 'teal' },
      },
    });
    expect(json.subscriptions).toHaveLength(2);
    expect(json.orders).toEqual([expect.objectContaining({ externalId: 'ord-1', amountCents: 5_000 })]);
    expect(json.events).toHaveLength(2);
    expect(json.tickets[0].subject).toBe('Maria cannot log in');
    expect(json.feedback[0].comment).toBe('Maria here: too slow');
    expect(json.activities[0].body).toBe('Maria mentioned her divorce');
    expect(json.tasks[0].title).toBe('Send Maria the offer');
    expect(json.outreachMessages[0].toAddress).toBe('maria@personal.test');
    for (const empty of [
      'riskScore',
      'riskScoreHistory',
      'loyaltyLedger',
      'campaignMemberships',
      'segmentMemberships',
      'journeyEnrollments',
    ])
      expect(json[empty]).toEqual([]);
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.exportPersonalData'), eq(auditLog.entityId, String(customer.id))));
    expect(audit.after).toMatchObject({ rows: { orders: 1, events: 2, activities: 1 } });
    expect(JSON.stringify(audit.after)).not.toContain('Maria');
  });

  it.each(['lead', 'csm', 'exec'] as const)('refuses a %s', async (role) => {
    await expect(
      exportCustomerPersonalData({ ctx: ctx(as[role]), input: { customerId: customer.id } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('erasure', () => {
  it.each(['lead', 'csm', 'exec'] as const)('refuses a %s and changes nothing', async (role) => {
    await expect(eraseCustomer({ ctx: ctx(as[role]), input: { customerId: customer.id } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const [row] = await handle.db.select().from(customers).where(eq(customers.id, customer.id));
    expect(row).toMatchObject({ name: 'Maria Personal', erasedAt: null });
  });

  it('removes personal fields and free texts, keeps aggregates, and audit-logs the erasure without the data', async () => {
    const aggregates = {
      orders: await countOf(orders),
      subscriptions: await countOf(subscriptions),
      events: await countOf(events),
    };
    const report = await eraseCustomer({ ctx: ctx(as.admin), input: { customerId: customer.id } });
    expect(report.cleared).toMatchObject({
      activities: 1,
      tasks: 1,
      tasksCancelled: 1,
      tickets: 1,
      feedback: 1,
      messages: 1,
    });

    const [row] = await handle.db.select().from(customers).where(eq(customers.id, customer.id));
    expect(row).toMatchObject({
      name: `Erased customer ${customer.id}`,
      email: null,
      phone: null,
      company: null,
      attributes: {},
      consentEmail: false,
      preferredChannel: null,
      externalId: customer.externalId,
      mrrCents: customer.mrrCents,
      segment: customer.segment,
    });
    expect(row.erasedAt).toBeInstanceOf(Date);
    expect({
      orders: await countOf(orders),
      subscriptions: await countOf(subscriptions),
      events: await countOf(events),
    }).toEqual(aggregates);

    const [activity] = await handle.db.select().from(activities).where(eq(activities.customerId, customer.id));
    expect(activity).toMatchObject({ kind: 'call', subject: 'Erased', body: null, outcome: null });
    const [task] = await handle.db.select().from(tasks).where(eq(tasks.customerId, customer.id));
    expect(task).toMatchObject({ title: 'Erased', description: null, status: 'cancelled' });
    expect((await handle.db.select().from(tickets).where(eq(tickets.customerId, customer.id)))[0].subject).toBeNull();
    expect((await handle.db.select().from(feedback).where(eq(feedback.customerId, customer.id)))[0]).toMatchObject({
      comment: null,
      score: 3,
    });
    expect(
      (await handle.db.select().from(outreachMessages).where(eq(outreachMessages.customerId, customer.id)))[0],
    ).toMatchObject({ toAddress: null, subject: null, body: '' });

    // Nothing personal is left in the audit log either, while who did what and when stays.
    const history = await handle.db.select().from(auditLog);
    expect(JSON.stringify(history)).not.toMatch(/Maria|maria@|divorce|99999/);
    const actions = history.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'activity.log',
        'task.create',
        'customer.updateContact',
        'customer.exportPersonalData',
        'customer.erase',
      ]),
    );
    const erasure = history.find((entry) => entry.action === 'customer.erase')!;
    expect(erasure).toMatchObject({
      actorId: (as.admin as { id: number }).id,
      entityType: 'customer',
      entityId: String(customer.id),
    });
    expect(erasure.after).toMatchObject({
      cleared: { activities: 1, auditEntries: expect.any(Number), savedViews: 1 },
    });
  });

  it('replaces her name in saved views and in the audit rows of exports and views with her neutral label', async () => {
    const label = `Erased customer ${customer.id}`;
    const views = await handle.db
      .select({ name: savedViews.name, state: savedViews.state })
      .from(savedViews)
      .orderBy(savedViews.id);
    expect(views).toEqual([
      { name: `${label} renewals`, state: { search: `?q=Erased+customer+${customer.id}&sort=mrr&dir=asc` } },
      { name: 'B2C accounts', state: { search: '?segment=b2c' } },
    ]);
    const exports = await handle.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, 'export.run'))
      .orderBy(auditLog.id);
    expect(exports.map((row) => (row.after as { filter: unknown }).filter)).toEqual([{ q: label }, { q: label }]);
    const [created] = await handle.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, 'view.create'))
      .orderBy(auditLog.id)
      .limit(1);
    expect(created.after).toMatchObject({
      name: `${label} renewals`,
      search: `?q=Erased+customer+${customer.id}&sort=mrr&dir=asc`,
    });
  });

  it('cannot run twice, and the erased customer takes no new work', async () => {
    await expect(eraseCustomer({ ctx: ctx(as.admin), input: { customerId: customer.id } })).rejects.toBeInstanceOf(
      RuleError,
    );
    await expect(
      createTask({ ctx: ctx(as.admin), input: { customerId: customer.id, title: 'Call her' } }),
    ).rejects.toBeInstanceOf(RuleError);
  });
});
