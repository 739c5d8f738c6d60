import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { activities, customers, tasks } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';
import { makeUser } from '../helpers/factories';
import { makeCustomer, makeTask } from '../helpers/work-factories';

const state = requestScope;
const revalidatePath = requestScope.revalidatePath;

const profile = await import('@/app/(app)/customers/[id]/actions');
const work = await import('@/app/(app)/my-work/actions');
const team = await import('@/app/(app)/team/actions');
const personalData = await import('@/app/api/customers/[id]/personal-data/route');

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let users: Record<'admin' | 'lead' | 'csm' | 'exec', SessionUser>;

const session = (row: { id: number; email: string; name: string; role: SessionUser['role'] }): SessionUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
});

function form(fields: Record<string, string | number | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, String(item));
  }
  return data;
}

async function download(customerId: number | string) {
  return personalData.GET(new Request(`http://localhost/api/customers/${customerId}/personal-data`), {
    params: Promise.resolve({ id: String(customerId) }),
  });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  state.db = handle.db;
  const [admin, lead, csm, exec] = await Promise.all(
    (['admin', 'lead', 'csm', 'exec'] as const).map((role) => makeUser(handle.db, role)),
  );
  users = { admin: session(admin), lead: session(lead), csm: session(csm), exec: session(exec) };
});
afterAll(() => handle.dispose());
beforeEach(() => {
  state.user = users.csm;
  revalidatePath.mockClear();
});

describe('profile actions', () => {
  it('logs a call from the form and refreshes the profile and the work pages', async () => {
    const customer = await makeCustomer(handle.db, users.csm.id);
    const result = await profile.logActivityAction(
      null,
      form({
        customerId: customer.id,
        kind: 'call',
        subject: 'Renewal call',
        body: '',
        outcome: 'Renewing',
        occurredAt: '',
      }),
    );
    expect(result).toEqual({ ok: true, message: 'Call logged.' });
    expect(revalidatePath).toHaveBeenCalledWith(`/customers/${customer.id}`);
    expect(revalidatePath).toHaveBeenCalledWith('/my-work');
    expect(await handle.db.select().from(activities).where(eq(activities.customerId, customer.id))).toHaveLength(1);
  });

  it('returns field errors for each invalid field, and nothing is written', async () => {
    const customer = await makeCustomer(handle.db, users.csm.id);
    const result = await profile.logActivityAction(
      null,
      form({ customerId: customer.id, kind: 'visit', subject: ' ', occurredAt: 'yesterday' }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['kind', 'occurredAt', 'subject']);
    const contact = await profile.updateContactAction(
      null,
      form({ customerId: customer.id, version: 1, email: 'not-an-email', preferredChannel: 'sms' }),
    );
    expect(!contact.ok && contact.fieldErrors).toMatchObject({
      email: ['Enter a valid email address.'],
      preferredChannel: ['The customer has not opted in to this channel.'],
    });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('shows the conflict message when a task changed since the form was rendered', async () => {
    const customer = await makeCustomer(handle.db, users.csm.id);
    const task = await makeTask(handle.db, { customerId: customer.id, assigneeId: users.csm.id });
    expect(
      await work.editTaskAction(null, form({ taskId: task.id, version: 1, title: 'First', priority: 'normal' })),
    ).toMatchObject({ ok: true });
    const stale = await work.completeTaskAction(null, form({ taskId: task.id, version: 1, outcome: 'Done' }));
    expect(stale).toEqual({
      ok: false,
      message:
        'Someone else changed this task since you opened it. Nothing was saved: reload to see their change, then try again.',
    });
  });

  it('refuses an executive on the server for every write, and writes nothing', async () => {
    const customer = await makeCustomer(handle.db, users.csm.id);
    const task = await makeTask(handle.db, { customerId: customer.id, assigneeId: users.csm.id });
    state.user = users.exec;
    const refused = { ok: false, message: 'You do not have permission to do that.' };
    const ref = { taskId: task.id, version: 1 };
    expect(
      await profile.logActivityAction(null, form({ customerId: customer.id, kind: 'call', subject: 'X' })),
    ).toEqual(refused);
    expect(await profile.updateContactAction(null, form({ customerId: customer.id, version: 1 }))).toEqual(refused);
    expect(
      await profile.changeOwnerAction(null, form({ customerId: customer.id, version: 1, ownerId: users.lead.id })),
    ).toEqual(refused);
    expect(await profile.eraseCustomerAction(null, form({ customerId: customer.id }))).toEqual(refused);
    expect(await work.createTaskAction(null, form({ customerId: customer.id, title: 'X' }))).toEqual(refused);
    expect(await work.editTaskAction(null, form({ ...ref, title: 'X', priority: 'low' }))).toEqual(refused);
    expect(await work.completeTaskAction(null, form({ ...ref, outcome: 'X' }))).toEqual(refused);
    expect(await work.reassignTaskAction(null, form({ ...ref, assigneeId: users.lead.id }))).toEqual(refused);
    expect(await team.bulkReassignAction(null, form({ tasks: [`${task.id}:1`], assigneeId: users.lead.id }))).toEqual(
      refused,
    );
    expect(revalidatePath).not.toHaveBeenCalled();
    const [row] = await handle.db.select().from(customers).where(eq(customers.id, customer.id));
    expect(row).toMatchObject({ version: 1, erasedAt: null, ownerId: users.csm.id });
    expect((await handle.db.select().from(tasks).where(eq(tasks.id, task.id)))[0]).toMatchObject({
      version: 1,
      status: 'open',
    });
  });

  it('lets a lead bulk-reassign from the team form', async () => {
    const customer = await makeCustomer(handle.db, users.csm.id);
    const batch = await Promise.all(
      [1, 2].map(() => makeTask(handle.db, { customerId: customer.id, assigneeId: users.csm.id })),
    );
    state.user = users.lead;
    const result = await team.bulkReassignAction(
      null,
      form({ tasks: batch.map((t) => `${t.id}:1`), assigneeId: users.lead.id }),
    );
    expect(result).toEqual({ ok: true, message: `2 tasks reassigned to ${users.lead.name}.` });
    expect(await team.bulkReassignAction(null, form({ assigneeId: '' }))).toMatchObject({
      ok: false,
      fieldErrors: { tasks: ['Select at least one task.'], assigneeId: ['Choose who takes the task.'] },
    });
  });
});

describe('personal data download', () => {
  it('gives an admin the JSON document as an attachment', async () => {
    const customer = await makeCustomer(handle.db, users.csm.id);
    state.user = users.admin;
    const response = await download(customer.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="holdfast-customer-${customer.externalId}-personal-data.json"`,
    );
    expect(await response.json()).toMatchObject({
      customer: { id: customer.id, email: customer.email },
      orders: [],
      activities: [],
    });
  });

  it('answers 403 to anyone but an admin, 401 without a session, 404 and 400 for unknown and malformed ids', async () => {
    const customer = await makeCustomer(handle.db, users.csm.id);
    for (const role of ['lead', 'csm', 'exec'] as const) {
      state.user = users[role];
      expect((await download(customer.id)).status).toBe(403);
    }
    state.user = null;
    expect((await download(customer.id)).status).toBe(401);
    state.user = users.admin;
    expect((await download(987_654_321)).status).toBe(404);
    const malformed = await download('abc');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ fieldErrors: { customerId: ['Unknown customer.'] } });
  });
});
