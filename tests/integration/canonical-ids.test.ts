import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { importJobs } from '@/db/schema';
import { asSession, form } from '../helpers/action-session';
import { makeUser } from '../helpers/factories';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';
import { makeCustomer, makeTask } from '../helpers/work-factories';

// Route parameters and search parameters that name a record: only the canonical spelling opens it.
const { GET: personalData } = await import('@/app/api/customers/[id]/personal-data/route');
const { GET: customerExport } = await import('@/app/(app)/customers/export/route');
const { GET: importJob } = await import('@/app/api/imports/jobs/[jobId]/route');
const { editTaskAction } = await import('@/app/(app)/my-work/actions');

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let fifth: { id: number; externalId: string };

beforeAll(async () => {
  handle = await createTestDatabase();
  requestScope.db = handle.db;
  const admin = await makeUser(handle.db, 'admin');
  requestScope.user = asSession(admin);
  for (let i = 0; i < 5; i++) fifth = await makeCustomer(handle.db, admin.id);
  expect(fifth.id).toBe(5);
});
afterAll(() => handle.dispose());

const LENIENT = ['0x5', '%205', '5%20', '+5', '05', '5e0', '5.0'];

describe('ids in URLs', () => {
  it('the personal-data download opens customer 5 only as /api/customers/5', async () => {
    const open = (id: string) =>
      personalData(new Request(`http://localhost/api/customers/${id}/personal-data`), {
        params: Promise.resolve({ id: decodeURIComponent(id) }),
      });
    expect((await open('5')).status).toBe(200);
    for (const id of LENIENT) expect((await open(id)).status, id).toBe(400);
    expect((await open('1e3')).status).toBe(400);
  });

  it('the customer export takes ticked ids only in their canonical spelling', async () => {
    const download = (ids: string) =>
      customerExport(new NextRequest(`http://localhost/customers/export?owner=any&ids=${ids}`));
    const ok = await download('5');
    expect((await ok.text()).trim().split('\n')[1]).toMatch(new RegExp(`^${fifth.externalId},`));
    for (const id of LENIENT) expect((await download(id)).status, id).toBe(400);
  });

  it('an import job is found only by its canonical id', async () => {
    await handle.db.insert(importJobs).values({ kind: 'customers', filename: 'a.csv', status: 'succeeded' });
    const job = (jobId: string) =>
      importJob(new Request(`http://localhost/api/imports/jobs/${jobId}`), { params: Promise.resolve({ jobId }) });
    expect((await job('1')).status).toBe(200);
    for (const id of ['0x1', ' 1', '1e0', '01']) expect((await job(id)).status, id).toBe(404);
  });
});

describe('ids in forms', () => {
  it('a task form with a lenient task id or version is a field error, and nothing changes', async () => {
    const task = await makeTask(handle.db, { customerId: fifth.id, title: 'Original' });
    const edit = (taskId: string, version: string) =>
      editTaskAction(null, form({ taskId, version, title: 'Changed', priority: 'normal' }));
    expect(await edit(`0x${task.id.toString(16)}`, '1')).toMatchObject({
      ok: false,
      fieldErrors: { taskId: ['Unknown task.'] },
    });
    expect(await edit(String(task.id), '1e0')).toMatchObject({
      ok: false,
      fieldErrors: { version: ['Reload the page and try again.'] },
    });
    expect(await edit(` ${task.id}`, '1')).toMatchObject({ ok: false });
    expect(await edit(String(task.id), '1')).toMatchObject({ ok: true });
  });
});
