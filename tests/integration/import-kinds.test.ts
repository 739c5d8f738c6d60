import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { customers, events, feedback, subscriptions, tickets } from '@/db/schema';
import { runImport } from '@/server/services/imports';
import { FIRST_BATCH_ROWS } from '@/db/import/pipeline';
import type { ImportKind } from '@/lib/import/columns';
import { lastActivityOf } from '../helpers/last-activity';
import { createTestDatabase } from '../helpers/test-db';
import { actorOf, makeUser } from '../helpers/factories';
import type { ServiceContext } from '@/server/context';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-kinds-'));
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: ServiceContext;

beforeAll(async () => {
  handle = await createTestDatabase();
  admin = { db: handle.db, actor: actorOf(await makeUser(handle.db, 'admin')) };
  await handle.db.insert(customers).values([
    { externalId: 'C-1', name: 'One' },
    { externalId: 'C-2', name: 'Two' },
  ]);
});
afterAll(async () => {
  await handle.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(kind: ImportKind, name: string, text: string) {
  const filePath = path.join(dir, name);
  fs.writeFileSync(filePath, text);
  return runImport({
    ctx: admin,
    input: {
      kind,
      filePath,
      filename: name,
      options: {
        map: {},
        locale: 'en',
        asOf: new Date('2026-11-01T00:00:00Z'),
        createMissingCustomers: false,
        dryRun: false,
      },
    },
  });
}

describe('subscriptions import', () => {
  it('keeps MRR history and sets each customer to the MRR of its latest row', async () => {
    const text =
      'customer_id,effective_at,mrr,plan\nC-1,2026-01-01,100.00,starter\nC-1,2026-04-01,250.00,growth\nC-2,2026-02-01,80\nC-2,2026-06-01,0\n';
    expect(await run('subscriptions', 'subs.csv', text)).toMatchObject({ inserted: 4, rejected: 0 });
    const rows = await handle.db
      .select({ id: customers.externalId, mrr: customers.mrrCents, plan: customers.plan })
      .from(customers)
      .orderBy(asc(customers.externalId));
    expect(rows).toEqual([
      { id: 'C-1', mrr: 25000, plan: 'growth' },
      { id: 'C-2', mrr: 0, plan: null },
    ]);
    expect(await run('subscriptions', 'subs.csv', text)).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
  });

  it('a corrected amount updates the row and the current MRR', async () => {
    const summary = await run('subscriptions', 'fix.csv', 'customer_id,effective_at,mrr\nC-1,2026-04-01,300\n');
    expect(summary).toMatchObject({ inserted: 0, updated: 1 });
    const [c1] = await handle.db.select().from(customers).where(eq(customers.externalId, 'C-1'));
    expect(c1.mrrCents).toBe(30000);
    expect(await handle.db.select().from(subscriptions).where(eq(subscriptions.customerId, c1.id))).toHaveLength(2);
  });
});

describe('tickets import', () => {
  it('imports tickets and updates a re-exported one when it gets resolved', async () => {
    expect(
      await run(
        'tickets',
        't1.csv',
        'ticket_id,customer_id,opened_at,kind,priority\nT-1,C-1,2026-05-01,complaint,high\nT-2,C-9,2026-05-02,,\n',
      ),
    ).toMatchObject({
      inserted: 1,
      rejected: 1,
      errors: [{ line: 3, column: 'customer_id' }],
    });
    expect(
      await run(
        'tickets',
        't2.csv',
        'ticket_id,customer_id,opened_at,resolved_at,kind,priority\nT-1,C-1,2026-05-01,2026-05-03,complaint,high\n',
      ),
    ).toMatchObject({
      inserted: 0,
      updated: 1,
    });
    const [ticket] = await handle.db.select().from(tickets);
    expect(ticket).toMatchObject({ kind: 'complaint', priority: 'high' });
    expect(ticket.resolvedAt?.toISOString()).toBe('2026-05-03T00:00:00.000Z');
  });
});

describe('feedback import', () => {
  it('imports answers once, rejecting scores outside the scale', async () => {
    const text =
      'customer_id,kind,score,submitted_at,comment\nC-1,nps,3,2026-06-01T10:00:00Z,slow support\nC-2,csat,9,2026-06-02,\nC-2,ces,2,2026-06-02,\n';
    expect(await run('feedback', 'f.csv', text)).toMatchObject({
      inserted: 2,
      rejected: 1,
      errors: [{ line: 3, column: 'score' }],
    });
    expect(await run('feedback', 'f.csv', text)).toMatchObject({ inserted: 0, unchanged: 2, rejected: 1 });
    expect(await handle.db.select().from(feedback)).toHaveLength(2);
  });
});

describe('events import', () => {
  it('is idempotent by (customer, type, time, name), updates a changed value and moves last activity', async () => {
    const text =
      'customer_id,type,occurred_at,value,name\nC-2,login,2026-07-01T08:00:00Z,,\nC-2,usage,2026-07-01T08:00:00Z,12,\nC-2,feature_use,2026-07-01T08:00:00Z,1,export\nC-2,feature_use,2026-07-01T08:00:00Z,1,reports\n';
    expect(await run('events', 'e.csv', text)).toMatchObject({ inserted: 4, rejected: 0 });
    expect(await run('events', 'e.csv', text)).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    expect(
      await run('events', 'e2.csv', 'customer_id,type,occurred_at,value\nC-2,usage,2026-07-01T08:00:00Z,15\n'),
    ).toMatchObject({ updated: 1 });
    expect(await handle.db.select().from(events)).toHaveLength(4);
    expect(await lastActivityOf(handle.db, 'C-2')).toEqual(new Date('2026-07-01T08:00:00.000Z'));
  });

  it('counts rows already there as unchanged when they come after whole batches of new ones', async () => {
    const known = 'C-2,login,2026-07-01T08:00:00Z,,\nC-2,usage,2026-07-01T08:00:00Z,15,\n';
    // More new rows than the first batch holds on either database, so the known ones arrive in a later batch.
    const fresh = Array.from(
      { length: FIRST_BATCH_ROWS },
      (_, i) => `C-1,login,${new Date(Date.UTC(2026, 5, 1) + i * 1000).toISOString()},,\n`,
    );
    const summary = await run(
      'events',
      'mixed.csv',
      `customer_id,type,occurred_at,value,name\n${fresh.join('')}${known}C-1,usage,2026-08-01T00:00:00Z,3,\n`,
    );
    expect(summary).toMatchObject({
      rowsRead: FIRST_BATCH_ROWS + 3,
      inserted: FIRST_BATCH_ROWS + 1,
      updated: 0,
      unchanged: 2,
      rejected: 0,
    });
    expect(await handle.db.$count(events)).toBe(4 + FIRST_BATCH_ROWS + 1);
    expect(await lastActivityOf(handle.db, 'C-1')).toEqual(new Date('2026-08-01T00:00:00.000Z'));
  });
});

describe('customers import after an erasure', () => {
  it('refuses the erased customer by line and imports the others', async () => {
    await handle.db
      .insert(customers)
      .values({ externalId: 'C-ERASED', name: 'Erased customer', erasedAt: new Date('2026-10-01T00:00:00Z') });
    const summary = await run(
      'customers',
      'erased.csv',
      'id,name,email\nC-ERASED,Real Name,real@example.test\nC-NEW,New One,new@example.test\n',
    );
    expect(summary).toMatchObject({ inserted: 1, updated: 0, rejected: 1 });
    expect(summary.errors).toEqual([
      { line: 2, column: 'id', message: expect.stringMatching(/erased on a personal-data request/) },
    ]);
    const [erased] = await handle.db.select().from(customers).where(eq(customers.externalId, 'C-ERASED'));
    expect(erased).toMatchObject({ name: 'Erased customer', email: null });
  });
});
