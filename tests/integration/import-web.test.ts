import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { auditLog, customers, importJobs } from '@/db/schema';
import type { Role } from '@/lib/auth/roles';
import type { SessionUser } from '@/server/auth/session';
import { actorOf, makeUser } from '../helpers/factories';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';
import { telcoCsv, telcoRows } from '../helpers/telco-shaped';

// The import page's server code as Next.js runs it, minus the request: the session and the database are the test's,
// revalidatePath (which needs a Next request) is recorded, and files land under a scratch HOLDFAST_ROOT.
const state = requestScope;
const revalidatePath = requestScope.revalidatePath;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-web-import-'));
// The migrations are found from the root too.
fs.symlinkSync(path.resolve(import.meta.dirname, '../../drizzle'), path.join(root, 'drizzle'));
process.env.HOLDFAST_ROOT = root;
const uploadsDir = path.join(root, '.holdfast', 'uploads');
const telcoCustomers = telcoRows(500);
const telco = Buffer.from(telcoCsv(telcoCustomers));

const { POST: uploadRoute } = await import('@/app/api/imports/uploads/route');
const { GET: jobRoute } = await import('@/app/api/imports/jobs/[jobId]/route');
const { GET: reportRoute } = await import('@/app/api/imports/jobs/[jobId]/errors/route');
const { previewImportAction, startImportAction } = await import('@/app/(app)/imports/actions');
const { importFinished, claimImportSlot } = await import('@/server/imports/current-run');
const { listImportJobs } = await import('@/server/queries/import-jobs');

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const users = {} as Record<Role | 'otherLead', SessionUser>;

const TELCO_MAP = { customerid: 'id', churn: 'churned', tenure: 'tenure_months' };
const REFUSED = { ok: false, message: 'You do not have permission to do that.' };

beforeAll(async () => {
  handle = await createTestDatabase();
  state.db = handle.db;
  for (const role of ['admin', 'lead', 'csm', 'exec'] as const)
    users[role] = actorOf(await makeUser(handle.db, role)) as SessionUser;
  users.otherLead = actorOf(await makeUser(handle.db, 'lead')) as SessionUser;
});
afterAll(async () => {
  await handle.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});
beforeEach(() => {
  state.user = users.lead;
  revalidatePath.mockClear();
});

const as = (who: keyof typeof users | null) => (state.user = who ? users[who] : null);
const noParams = { params: Promise.resolve({}) };
const job = (jobId: number | string) => ({ params: Promise.resolve({ jobId: String(jobId) }) });

function uploadRequest(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request('http://localhost/api/imports/uploads', {
    method: 'POST',
    body,
    headers: { host: 'localhost', 'content-type': 'text/csv', ...headers },
    // A stream body is only allowed half-duplex.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function upload(
  text: string | Buffer,
  filename = 'file.csv',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const response = await uploadRoute(
    uploadRequest(new Uint8Array(bytes), {
      'x-filename': encodeURIComponent(filename),
      'content-length': String(bytes.length),
    }),
    noParams,
  );
  return { status: response.status, body: await response.json() };
}

async function uploadId(text: string | Buffer, filename?: string): Promise<string> {
  const { status, body } = await upload(text, filename);
  expect(status).toBe(201);
  return body.id as string;
}

const storedFiles = () => (fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir).sort() : []);
const jobCount = async () => (await handle.db.select({ n: count() }).from(importJobs))[0].n;

async function startAndWait(input: Record<string, unknown>) {
  const started = await startImportAction(null, input as never);
  expect(started).toMatchObject({ ok: true });
  const { jobId } = (started as { data: { jobId: number } }).data;
  await importFinished(jobId);
  return jobId;
}

async function jobStatus(jobId: number) {
  const response = await jobRoute(new Request(`http://localhost/api/imports/jobs/${jobId}`), job(jobId));
  return { status: response.status, body: await response.json() };
}

describe('upload route', () => {
  it('streams a CSV to a file named by a random id and keeps the sent name for display only', async () => {
    const { status, body } = await upload(telco, 'telco-customer-churn.csv');
    expect(status).toBe(201);
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      filename: 'telco-customer-churn.csv',
      size: telco.length,
    });
    expect(fs.readFileSync(path.join(uploadsDir, `${body.id}.csv`)).equals(telco)).toBe(true);

    const sneaky = await upload('id\nA\n', '../../etc/passwd');
    expect(sneaky.body.filename).toBe('passwd');
    expect(storedFiles().every((name) => /^[0-9a-f]{32}\.(csv|json)$/.test(name))).toBe(true);
  });

  it('takes a body without a declared length, as a stream', async () => {
    const chunks = ['id,name\n', 'A,Alpha\n', 'B,Beta\n'];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(new TextEncoder().encode(next));
        else controller.close();
      },
    });
    const response = await uploadRoute(uploadRequest(stream, { 'x-filename': 'streamed.csv' }), noParams);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ filename: 'streamed.csv', size: 23 });
  });

  it.each([
    ['an Excel workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /Excel or OpenDocument workbook/],
    ['UTF-16 text', Buffer.from('\uFEFFid,name\n', 'utf16le'), /not a text file/],
    ['Latin-1 text', Buffer.from('id,name\nA,Jos\xe9\n', 'latin1'), /not UTF-8/],
    ['an empty file', Buffer.from('\uFEFF  \n'), /empty/],
  ])('refuses %s with what to do instead, keeping nothing', async (_, bytes, message) => {
    const before = storedFiles();
    const { status, body } = await upload(bytes as Buffer);
    expect(status).toBe(400);
    expect(body.error).toMatch(message as RegExp);
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a file over the size limit, declared or not, keeping nothing', async () => {
    const before = storedFiles();
    process.env.HOLDFAST_UPLOAD_MAX_BYTES = '10';
    try {
      const declared = await upload('id,name\nA,Alpha\n');
      expect(declared.status).toBe(413);
      expect(declared.body.error).toMatch(/larger than the 10 bytes/);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('id,name\nA,Alpha\n'));
          controller.close();
        },
      });
      const undeclared = await uploadRoute(uploadRequest(stream), noParams);
      expect(undeclared.status).toBe(413);
    } finally {
      delete process.env.HOLDFAST_UPLOAD_MAX_BYTES;
    }
    expect(storedFiles()).toEqual(before);
  });

  it.each(['csm', 'exec'] as const)('refuses a %s before reading the body', async (role) => {
    as(role);
    const before = storedFiles();
    const { status, body } = await upload('id\nA\n');
    expect({ status, body }).toEqual({ status: 403, body: { error: 'You do not have permission to do that.' } });
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a request without a session, and one sent from another site', async () => {
    as(null);
    expect((await upload('id\nA\n')).status).toBe(401);
    as('lead');
    const response = await uploadRoute(uploadRequest('id\nA\n', { origin: 'https://evil.example' }), noParams);
    expect(response.status).toBe(403);
  });
});

describe('preview action', () => {
  it('picks the kind the headers fit and shows the detected mapping and the first 20 rows, validated', async () => {
    const id = await uploadId(telco, 'telco.csv');
    const result = await previewImportAction(null, { uploadId: id });
    expect(result.ok).toBe(true);
    const preview = result.ok ? result.data! : null!;
    expect(preview).toMatchObject({
      kind: 'customers',
      suggestedKind: 'customers',
      delimiter: { detected: ',', used: ',' },
      missingRequired: [],
      validRows: 20,
    });
    const mapped = Object.fromEntries(
      preview.columns.filter((c) => c.mappedTo).map((c) => [c.header, [c.mappedTo, c.source]]),
    );
    expect(mapped).toEqual({
      customerID: ['id', 'synonym'],
      tenure: ['tenure_months', 'synonym'],
      Contract: ['plan', 'synonym'],
      MonthlyCharges: ['mrr', 'synonym'],
      Churn: ['churned', 'synonym'],
    });
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      valid: true,
      cells: expect.arrayContaining([telcoCustomers[0].customerID, telcoCustomers[0].gender]),
    });
  });

  it('applies overrides: a column mapped by hand shows its problems on its cells, "-" unmaps a matched one', async () => {
    const id = await uploadId(telco, 'telco.csv');
    const result = await previewImportAction(null, {
      uploadId: id,
      kind: 'customers',
      map: { gender: 'email', churn: '-' },
    });
    const preview = result.ok ? result.data! : null!;
    const gender = preview.columns.findIndex((c) => c.header === 'gender');
    expect(preview.columns[gender]).toMatchObject({ mappedTo: 'email', source: 'override' });
    expect(preview.columns.find((c) => c.header === 'Churn')).toMatchObject({ mappedTo: null, source: null });
    expect(preview.validRows).toBe(0);
    expect(preview.rows[0].cellErrors).toEqual({ [gender]: ['Not a valid email address.'] });
  });

  it('reports bad cells on their column, missing required columns once, and unknown targets as a field error', async () => {
    const id = await uploadId(
      'order;customer;date;total\nO-1;C-1;2026-03-01;19,90\nO-2;C-1;2026-02-30;x\n',
      'orders.csv',
    );
    const result = await previewImportAction(null, { uploadId: id, kind: 'orders', locale: 'pt-BR' });
    const preview = result.ok ? result.data! : null!;
    expect(preview.delimiter).toEqual({ detected: ';', used: ';' });
    expect(preview.missingRequired).toEqual(['order_id']);
    expect(preview.rows.map((r) => r.valid)).toEqual([false, false]);
    expect(preview.rows[0]).toMatchObject({ cellErrors: {}, rowErrors: [] });
    expect(Object.keys(preview.rows[1].cellErrors)).toEqual(['2', '3']);

    const fixed = await previewImportAction(null, {
      uploadId: id,
      kind: 'orders',
      locale: 'pt-BR',
      map: { order: 'order_id' },
    });
    expect(fixed.ok && fixed.data!.rows.map((r) => r.valid)).toEqual([true, false]);

    const unknown = await previewImportAction(null, { uploadId: id, kind: 'orders', map: { order: 'mrr' } });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { map: ['These are not columns of orders: mrr.'] } });
  });

  it("does not show one user's upload to another", async () => {
    const id = await uploadId('id\nA\n');
    as('otherLead');
    expect(await previewImportAction(null, { uploadId: id })).toEqual({
      ok: false,
      message: 'That upload does not exist or was removed.',
    });
    expect(await previewImportAction(null, { uploadId: '../../../etc/passwd' })).toMatchObject({
      ok: false,
      fieldErrors: { uploadId: ['Upload the file again.'] },
    });
  });

  it.each(['csm', 'exec'] as const)('refuses a %s', async (role) => {
    const id = await uploadId('id\nA\n');
    as(role);
    expect(await previewImportAction(null, { uploadId: id })).toEqual(REFUSED);
  });
});

describe('starting imports, following them, history and error reports', () => {
  it('runs a dry run of a Telco-shaped file in the background, then the import; the job route reports the counts', async () => {
    const id = await uploadId(telco, 'telco-customer-churn.csv');
    const dryRun = await startAndWait({ uploadId: id, kind: 'customers', map: TELCO_MAP, dryRun: true });
    expect(revalidatePath).toHaveBeenCalledWith('/imports');
    expect((await jobStatus(dryRun)).body).toMatchObject({
      status: 'succeeded',
      dryRun: true,
      rowsRead: 500,
      inserted: 500,
      rejected: 0,
      progress: null,
    });
    expect((await handle.db.select({ n: count() }).from(customers))[0].n).toBe(0);

    const real = await startAndWait({ uploadId: id, kind: 'customers', map: TELCO_MAP, asOf: '2026-11-01' });
    const { status, body } = await jobStatus(real);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: real,
      kind: 'customers',
      filename: 'telco-customer-churn.csv',
      status: 'succeeded',
      dryRun: false,
      rowsRead: 500,
      inserted: 500,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
      createdBy: { name: users.lead.name, email: users.lead.email },
    });
    const [left] = await handle.db
      .select()
      .from(customers)
      .where(eq(customers.externalId, telcoCustomers[3].customerID));
    expect(left.churnedAt?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(real)))
      .orderBy(asc(auditLog.id));
    expect(audits).toMatchObject([
      { action: 'import.batch', actorId: users.lead.id, after: { batch: 1, inserted: 500 } },
      { action: 'import.run', actorId: users.lead.id },
    ]);
  });

  it('reports rejected rows by line and column, and serves the whole error report by job id', async () => {
    const id = await uploadId(
      `order_id,customer_id,ordered_at,amount\nO-1,${telcoCustomers[0].customerID},2026-03-01,19.90\nO-2,NOPE,2026-03-01,1\nO-3,${telcoCustomers[0].customerID},2026-02-30,1\n`,
      'orders.csv',
    );
    const jobId = await startAndWait({ uploadId: id, kind: 'orders' });
    const { body } = await jobStatus(jobId);
    expect(body).toMatchObject({ status: 'succeeded', rowsRead: 3, inserted: 1, rejected: 2 });
    expect(body.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [3, 'customer_id'],
      [4, 'ordered_at'],
    ]);

    const response = await reportRoute(new Request('http://localhost/'), job(jobId));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="import-${jobId}-errors.csv"`);
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('line,column,message');
    // Written as found: bad cells while reading, unknown customers when the batch merges.
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',').slice(0, 2))
        .sort(),
    ).toEqual([
      ['3', 'customer_id'],
      ['4', 'ordered_at'],
    ]);
  });

  it('shows the rows kept with a warning on the job, counted, and words every message for the page, not the command line', async () => {
    const id = await uploadId(
      'id,churned,tenure,mrr,acquired_at\nW-1,yes,3,70.70,\nW-2,no,5,20,\nW-3,yes,2,15,\nW-4,no,,10,03/02/2026\n',
      'churned.csv',
    );
    const jobId = await startAndWait({ uploadId: id, kind: 'customers', asOf: '2026-11-01' });
    const { body } = await jobStatus(jobId);
    expect(body).toMatchObject({ status: 'succeeded', inserted: 3, rejected: 1 });
    expect(body.warnings).toEqual([
      {
        code: 'churned_with_mrr',
        count: 2,
        firstLine: 2,
        column: 'mrr',
        message:
          '2 churned customers have an MRR above 0: it is kept as what they paid until they churned (their MRR history ends at the churn), and their current MRR is 0.',
      },
    ]);
    expect(body.errors).toEqual([
      { line: 5, column: 'acquired_at', message: expect.stringContaining('not a valid date') },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/--[a-z]/);
  });

  it('refuses to start without the required columns, or while another import runs, creating no job', async () => {
    const id = await uploadId('what,when\nA,2026-01-01\n');
    const before = await jobCount();
    expect(await startImportAction(null, { uploadId: id, kind: 'events' })).toMatchObject({
      ok: false,
      fieldErrors: { map: ['Choose the file column that holds: customer_id, type, occurred_at.'] },
    });

    let finish = () => {};
    claimImportSlot(0, ({ started }) => {
      started(999_999);
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const ok = await uploadId('id\nA\n');
    expect(await startImportAction(null, { uploadId: ok, kind: 'customers' })).toEqual({
      ok: false,
      message: 'Import #999999 is still running; start this one when it has finished.',
    });
    finish();
    await importFinished(999_999);
    expect(await jobCount()).toBe(before);
  });

  it('says why a report cannot be had: unknown job, a job still running, or no such id', async () => {
    expect((await reportRoute(new Request('http://localhost/'), job(123_456))).status).toBe(404);
    expect((await reportRoute(new Request('http://localhost/'), job('../../etc/passwd'))).status).toBe(404);
    expect((await jobRoute(new Request('http://localhost/'), job('abc'))).status).toBe(404);
    const [running] = await handle.db
      .insert(importJobs)
      .values({ kind: 'orders', filename: 'x.csv', status: 'running' })
      .returning();
    const response = await reportRoute(new Request('http://localhost/'), job(running.id));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: 'This import is still running; its error report is complete when it ends.',
    });
    // A job running in no process of this server has no live progress to show.
    expect((await jobStatus(running.id)).body).toMatchObject({ status: 'running', progress: null });
    await handle.db.delete(importJobs).where(eq(importJobs.id, running.id));
  });

  it('lists the history newest first, a keyset page at a time', async () => {
    const ctx = { db: handle.db, actor: actorOf(users.admin) };
    const all = await listImportJobs({ ctx, query: {} });
    expect(all.jobs.length).toBeGreaterThanOrEqual(3);
    expect(all.jobs.map((j) => j.id)).toEqual([...all.jobs.map((j) => j.id)].sort((a, b) => b - a));
    const first = await listImportJobs({ ctx, query: {}, pageSize: 1 });
    expect(first.jobs).toHaveLength(1);
    const second = await listImportJobs({ ctx, query: { before: first.olderThan! }, pageSize: 1 });
    expect(second.jobs[0].id).toBe(all.jobs[1].id);
  });

  it.each(['csm', 'exec'] as const)('refuses a %s: no start, no status, no report, no history', async (role) => {
    const id = await uploadId('id\nA\n');
    const [existing] = await handle.db.select({ id: importJobs.id }).from(importJobs).limit(1);
    const before = await jobCount();
    as(role);
    expect(await startImportAction(null, { uploadId: id, kind: 'customers' })).toEqual(REFUSED);
    expect(await jobStatus(existing.id)).toEqual({
      status: 403,
      body: { error: 'You do not have permission to do that.' },
    });
    expect((await reportRoute(new Request('http://localhost/'), job(existing.id))).status).toBe(403);
    await expect(listImportJobs({ ctx: { db: handle.db, actor: actorOf(users[role]) }, query: {} })).rejects.toThrow(
      'You do not have permission',
    );
    expect(await jobCount()).toBe(before);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});
