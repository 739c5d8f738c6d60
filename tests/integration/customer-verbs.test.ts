import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { activities, auditLog, customerActivity, customers, tasks } from '@/db/schema';
import type { Actor } from '@/server/context';
import { ConflictError, ForbiddenError, RuleError } from '@/server/errors';
import { logActivity } from '@/server/services/activities';
import { updateCustomerContact } from '@/server/services/customer-contact';
import { changeCustomerOwner } from '@/server/services/customer-owner';
import { actorOf, makeUser } from '../helpers/factories';
import { lastActivityOf } from '../helpers/last-activity';
import { createTestDatabase } from '../helpers/test-db';
import { makeCustomer, makeTask } from '../helpers/work-factories';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let as: Record<'admin' | 'lead' | 'csm' | 'otherCsm' | 'exec', Actor>;
let ids: Record<'csm' | 'otherCsm' | 'exec', number>;

const ctx = (actor: Actor) => ({ db: handle.db, actor });

async function customerRow(id: number) {
  const [row] = await handle.db.select().from(customers).where(eq(customers.id, id));
  return row;
}

async function audits(action: string, entityType: string, id: number) {
  return handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(id))));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const [admin, lead, csm, otherCsm, exec] = await Promise.all(
    (['admin', 'lead', 'csm', 'csm', 'exec'] as const).map((role) => makeUser(handle.db, role)),
  );
  as = {
    admin: actorOf(admin),
    lead: actorOf(lead),
    csm: actorOf(csm),
    otherCsm: actorOf(otherCsm),
    exec: actorOf(exec),
  };
  ids = { csm: csm.id, otherCsm: otherCsm.id, exec: exec.id };
});
afterAll(() => handle.dispose());

describe('log activity', () => {
  it("logs a CSM's call on their account, moves the last-activity time forward and audits it", async () => {
    const customer = await makeCustomer(handle.db, ids.csm);
    await handle.db
      .update(customerActivity)
      .set({ lastActivityAt: new Date('2020-01-01T00:00:00Z') })
      .where(eq(customerActivity.customerId, customer.id));
    const activity = await logActivity({
      ctx: ctx(as.csm),
      input: {
        customerId: customer.id,
        kind: 'call',
        subject: 'Renewal call',
        body: 'Talked numbers',
        outcome: 'Renewing',
        occurredAt: '2025-03-04T10:30',
      },
    });
    expect(activity).toMatchObject({
      customerId: customer.id,
      kind: 'call',
      subject: 'Renewal call',
      authorId: ids.csm,
    });
    expect(activity.occurredAt.toISOString()).toBe('2025-03-04T10:30:00.000Z');
    expect(await lastActivityOf(handle.db, customer.externalId)).toEqual(new Date('2025-03-04T10:30:00.000Z'));
    const [audit] = await audits('activity.log', 'activity', activity.id);
    expect(audit.after).toMatchObject({ customerId: customer.id, kind: 'call', subject: 'Renewal call' });
  });

  it('defaults the time to now and refuses the future, an executive and a CSM on an account they do not own', async () => {
    const customer = await makeCustomer(handle.db, ids.csm);
    const now = await logActivity({
      ctx: ctx(as.lead),
      input: { customerId: customer.id, kind: 'note', subject: 'Lead note' },
    });
    expect(Math.abs(now.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
    await expect(
      logActivity({
        ctx: ctx(as.csm),
        input: { customerId: customer.id, kind: 'call', subject: 'Later', occurredAt: '2999-01-01T00:00' },
      }),
    ).rejects.toMatchObject({
      field: 'occurredAt',
    });
    await expect(
      logActivity({ ctx: ctx(as.exec), input: { customerId: customer.id, kind: 'call', subject: 'No' } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      logActivity({ ctx: ctx(as.otherCsm), input: { customerId: customer.id, kind: 'call', subject: 'No' } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      logActivity({ ctx: ctx(as.csm), input: { customerId: customer.id, kind: 'fax' as never, subject: '' } }),
    ).rejects.toMatchObject({
      fieldErrors: { kind: [expect.any(String)], subject: ['Enter a subject.'] },
    });
    expect(await handle.db.select().from(activities).where(eq(activities.customerId, customer.id))).toHaveLength(1);
  });
});

describe('change owner', () => {
  it('hands an account to another CSM with their open tasks, audited, for a lead', async () => {
    const customer = await makeCustomer(handle.db, ids.csm);
    const open = await makeTask(handle.db, { customerId: customer.id, assigneeId: ids.csm });
    const done = await makeTask(handle.db, { customerId: customer.id, assigneeId: ids.csm, status: 'done' });
    const result = await changeCustomerOwner({
      ctx: ctx(as.lead),
      input: { customerId: customer.id, version: 1, ownerId: ids.otherCsm, moveOpenTasks: 'on' },
    });
    expect(result).toMatchObject({ changed: true, movedTasks: 1, owner: { id: ids.otherCsm } });
    expect(await customerRow(customer.id)).toMatchObject({ ownerId: ids.otherCsm, version: 2 });
    const [moved] = await handle.db.select().from(tasks).where(eq(tasks.id, open.id));
    expect(moved).toMatchObject({ assigneeId: ids.otherCsm, version: 2 });
    const [kept] = await handle.db.select().from(tasks).where(eq(tasks.id, done.id));
    expect(kept.assigneeId).toBe(ids.csm);
    const [audit] = await audits('customer.changeOwner', 'customer', customer.id);
    expect(audit).toMatchObject({
      before: { ownerId: ids.csm },
      after: { ownerId: ids.otherCsm, moveOpenTasks: true },
    });
    expect(await audits('task.reassign', 'task', open.id)).toHaveLength(1);
  });

  it('refuses a CSM (even the owner) and an executive, a stale version and an executive as owner', async () => {
    const customer = await makeCustomer(handle.db, ids.csm);
    for (const actor of [as.csm, as.exec]) {
      await expect(
        changeCustomerOwner({ ctx: ctx(actor), input: { customerId: customer.id, version: 1, ownerId: ids.otherCsm } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(
      changeCustomerOwner({ ctx: ctx(as.admin), input: { customerId: customer.id, version: 1, ownerId: ids.exec } }),
    ).rejects.toMatchObject({ field: 'ownerId' });
    await changeCustomerOwner({
      ctx: ctx(as.admin),
      input: { customerId: customer.id, version: 1, ownerId: ids.otherCsm },
    });
    await expect(
      changeCustomerOwner({ ctx: ctx(as.lead), input: { customerId: customer.id, version: 1, ownerId: ids.csm } }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await customerRow(customer.id)).ownerId).toBe(ids.otherCsm);
  });
});

describe('contact and consent', () => {
  it("updates a customer's contact and consent per channel for their CSM, with before and after in the audit log", async () => {
    const customer = await makeCustomer(handle.db, ids.csm);
    const after = await updateCustomerContact({
      ctx: ctx(as.csm),
      input: {
        customerId: customer.id,
        version: 1,
        email: 'New@Example.test',
        phone: '+55 11 5555-0000',
        consentEmail: 'on',
        consentSms: undefined,
        consentPush: 'on',
        preferredChannel: 'push',
      },
    });
    expect(after).toMatchObject({
      email: 'new@example.test',
      phone: '+55 11 5555-0000',
      consentEmail: true,
      consentSms: false,
      consentPush: true,
      preferredChannel: 'push',
      version: 2,
    });
    const [audit] = await audits('customer.updateContact', 'customer', customer.id);
    expect(audit.before).toMatchObject({ email: customer.email, consentEmail: false, preferredChannel: null });
    expect(audit.after).toMatchObject({ email: 'new@example.test', consentPush: true, preferredChannel: 'push' });
  });

  it('refuses a preferred channel without opt-in, a stale version, an executive and a CSM who does not own the account', async () => {
    const customer = await makeCustomer(handle.db, ids.csm);
    const input = {
      customerId: customer.id,
      version: 1,
      email: customer.email,
      phone: customer.phone,
      consentEmail: false,
      consentSms: false,
      consentPush: false,
    };
    await expect(
      updateCustomerContact({ ctx: ctx(as.csm), input: { ...input, preferredChannel: 'sms' } }),
    ).rejects.toMatchObject({
      fieldErrors: { preferredChannel: ['The customer has not opted in to this channel.'] },
    });
    await expect(updateCustomerContact({ ctx: ctx(as.exec), input })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateCustomerContact({ ctx: ctx(as.otherCsm), input })).rejects.toBeInstanceOf(ForbiddenError);
    await updateCustomerContact({ ctx: ctx(as.lead), input: { ...input, consentEmail: true } });
    await expect(
      updateCustomerContact({ ctx: ctx(as.csm), input: { ...input, consentSms: true } }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await customerRow(customer.id)).toMatchObject({ consentEmail: true, consentSms: false, version: 2 });
  });
});

describe('erased customers', () => {
  it('take no further writes', async () => {
    const customer = await makeCustomer(handle.db, ids.csm, { erasedAt: new Date() });
    await expect(
      logActivity({ ctx: ctx(as.csm), input: { customerId: customer.id, kind: 'call', subject: 'Hello' } }),
    ).rejects.toBeInstanceOf(RuleError);
    await expect(
      changeCustomerOwner({ ctx: ctx(as.lead), input: { customerId: customer.id, version: 1, ownerId: ids.otherCsm } }),
    ).rejects.toBeInstanceOf(RuleError);
  });
});
