import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { auditLog, customers } from '@/db/schema';
import { queryRows } from '@/db/rows';
import type { SessionUser } from '@/server/auth/session';
import { asSession } from '../helpers/action-session';
import { seedListWorkspace } from '../helpers/customer-list-data';
import { makeUser } from '../helpers/factories';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';

const state = requestScope;

const { GET } = await import('@/app/(app)/customers/export/route');

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let exec: SessionUser;
let csm: SessionUser;

beforeAll(async () => {
  handle = await createTestDatabase();
  state.db = handle.db;
  await seedListWorkspace(handle.db, 90);
  exec = asSession(await makeUser(handle.db, 'exec'));
  const [row] = await queryRows<{ id: number; email: string; name: string; role: 'csm' }>(
    handle.db,
    sql`select id, email, name, role from users where email = 'csm@holdfast.demo'`,
  );
  csm = asSession(row);
});
afterAll(() => handle.dispose());
beforeEach(() => {
  state.user = exec;
});

async function download(search: string) {
  const response = await GET(new NextRequest(`http://localhost/customers/export${search}`));
  const text = await response.text();
  const lines = text.trim().split('\n');
  return {
    response,
    text,
    ids: lines
      .slice(1)
      .map((l) => l.split(',')[0])
      .sort(),
  };
}

const externalIds = async (where: SQL | undefined) =>
  (await handle.db.select({ id: customers.externalId }).from(customers).where(where)).map((r) => r.id).sort();

describe('GET /customers/export', () => {
  it('streams exactly the customers the list filter selects, as a CSV download', async () => {
    const { response, text, ids } = await download('?owner=any&segment=b2c&status=churned&sort=mrr&dir=desc');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(text.split('\n')[0]).toMatch(/^id,name,email,/);
    const expected = await externalIds(and(eq(customers.segment, 'b2c'), isNotNull(customers.churnedAt)));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'export.run'))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(audit).toMatchObject({ actorId: exec.id, after: { rows: expected.length } });
  });

  it("exports a CSM's own accounts by default, like their list", async () => {
    state.user = csm;
    expect((await download('')).ids).toEqual(await externalIds(eq(customers.ownerId, csm.id)));
  });

  it('exports only the ticked rows when ids are given', async () => {
    const [a, b] = await handle.db
      .select({ id: customers.id, externalId: customers.externalId })
      .from(customers)
      .limit(2);
    expect((await download(`?owner=any&ids=${a.id},${b.id}`)).ids).toEqual([a.externalId, b.externalId].sort());
    expect((await download(`?owner=any&ids=${a.id}&ids=${b.id}`)).ids).toEqual([a.externalId, b.externalId].sort());
  });

  it('refuses a filter it cannot read rather than export more than asked', async () => {
    const { response, text } = await download('?owner=any&risk=doomed');
    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ fieldErrors: { filter: [expect.stringContaining('risk')] } });
    expect((await download('?ids=1,x')).response.status).toBe(400);
  });

  it('refuses a request without a session', async () => {
    state.user = null;
    expect((await download('')).response.status).toBe(401);
  });
});
