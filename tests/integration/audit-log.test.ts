import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, sql } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { AUDIT_ACTIONS } from '@/lib/audit/catalog';
import type { AuditQuery } from '@/lib/validation/audit';
import { systemActor, type ServiceContext } from '@/server/context';
import { ForbiddenError } from '@/server/errors';
import { listAuditActors, listAuditEntries } from '@/server/queries/audit-log';
import { changeUserRole, createUser, setUserDisabled } from '@/server/services/users';
import { createTestDatabase } from '../helpers/test-db';
import { actorOf, makeUser } from '../helpers/factories';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: ServiceContext;
let csmId: number;

type Seeded = { at: string; actorId: number | null; action: string };

// Ties on created_at (same microsecond) and microsecond steps that a JS Date would round away.
const ROWS: Seeded[] = [
  ...Array.from({ length: 9 }, (_, i) => ({
    at: '2025-03-01T10:00:00.000001Z',
    actorId: null,
    action: i % 2 ? 'user.enable' : 'user.disable',
  })),
  ...Array.from({ length: 8 }, (_, i) => ({
    at: `2025-03-01T10:00:00.00000${i + 2}Z`,
    actorId: -1,
    action: 'user.create',
  })),
  { at: '2025-03-02T00:00:00Z', actorId: -1, action: 'user.changeRole' },
  { at: '2025-03-02T23:59:59.999999Z', actorId: null, action: 'user.changeRole' },
  { at: '2025-03-03T00:00:00Z', actorId: -1, action: 'user.create' },
  { at: '2025-02-28T23:59:59.999999Z', actorId: null, action: 'user.create' },
];

beforeAll(async () => {
  handle = await createTestDatabase();
  const adminUser = await makeUser(handle.db, 'admin');
  admin = { db: handle.db, actor: actorOf(adminUser) };
  csmId = (await makeUser(handle.db, 'csm')).id;
  // Inserted in an order unrelated to created_at, so that the id tie-break is exercised both ways.
  for (const row of [...ROWS].reverse()) {
    await handle.db.insert(auditLog).values({
      actorId: row.actorId === -1 ? csmId : null,
      actorLabel: row.actorId === -1 ? 'csm@example.test' : 'cli',
      action: row.action,
      entityType: 'user',
      entityId: String(csmId),
      after: { n: 1 },
      createdAt: sql`${row.at}::timestamptz`,
    });
  }
});
afterAll(() => handle.dispose());

async function expectedOrder(): Promise<number[]> {
  const rows = await handle.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id));
  return rows.map((r) => r.id);
}

async function walk(query: AuditQuery, direction: 'older' | 'newer', pageSize: number) {
  const pages: number[][] = [];
  let q = query;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listAuditEntries({ ctx: admin, query: q, pageSize });
    pages.push(page.entries.map((e) => e.id));
    const next = direction === 'older' ? page.older : page.newer;
    if (!next) return { pages, last: page };
    q = direction === 'older' ? { ...query, after: next } : { ...query, before: next };
  }
  throw new Error('pagination did not end');
}

describe('audit log query', () => {
  it('pages forward through every entry once, in (created_at desc, id desc) order', async () => {
    const expected = await expectedOrder();
    for (const pageSize of [1, 4, 5, 21, 50]) {
      const { pages } = await walk({}, 'older', pageSize);
      expect(pages.flat()).toEqual(expected);
      expect(pages.slice(0, -1).every((p) => p.length === pageSize)).toBe(true);
    }
  });

  it('pages back from the oldest page to the newest without duplicates or gaps', async () => {
    const expected = await expectedOrder();
    const pageSize = 4;
    const { last } = await walk({}, 'older', pageSize);
    const start = last.newer!;
    const { pages } = await walk({ before: start }, 'newer', pageSize);
    const seen = [...pages].reverse().flat();
    expect(seen).toEqual(expected.slice(0, expected.indexOf(last.entries[0].id)));
  });

  it('says there is nothing newer on the first page and nothing older on the last', async () => {
    const first = await listAuditEntries({ ctx: admin, query: {}, pageSize: 5 });
    expect(first.newer).toBeNull();
    expect(first.older).not.toBeNull();
    const all = await listAuditEntries({ ctx: admin, query: {}, pageSize: 100 });
    expect(all.newer).toBeNull();
    expect(all.older).toBeNull();
  });

  it('filters by actor (a user, or the system) and keeps pagination within the filter', async () => {
    const byCsm = await walk({ actor: csmId }, 'older', 3);
    expect(byCsm.pages.flat()).toHaveLength(ROWS.filter((r) => r.actorId === -1).length);
    const system = await listAuditEntries({ ctx: admin, query: { actor: 'system' }, pageSize: 100 });
    expect(system.entries).toHaveLength(ROWS.filter((r) => r.actorId === null).length);
    expect(system.entries.every((e) => e.actorId === null && e.actorLabel === 'cli')).toBe(true);
    const named = await listAuditEntries({ ctx: admin, query: { actor: csmId }, pageSize: 1 });
    expect(named.entries[0].actorName).toMatch(/^csm /);
  });

  it('filters by entity type and action', async () => {
    const creates = await listAuditEntries({
      ctx: admin,
      query: { action: 'user.create', entityType: 'user' },
      pageSize: 100,
    });
    expect(creates.entries).toHaveLength(ROWS.filter((r) => r.action === 'user.create').length);
    expect(creates.entries.every((e) => e.action === 'user.create')).toBe(true);
  });

  it('treats the date range as whole UTC days, both ends included', async () => {
    const day = await listAuditEntries({ ctx: admin, query: { from: '2025-03-02', to: '2025-03-02' }, pageSize: 100 });
    expect(day.entries.map((e) => e.cursor.createdAt)).toEqual([
      '2025-03-02T23:59:59.999999Z',
      '2025-03-02T00:00:00.000000Z',
    ]);
    const from = await listAuditEntries({ ctx: admin, query: { from: '2025-03-01' }, pageSize: 100 });
    expect(from.entries).toHaveLength(ROWS.length - 1);
    const to = await listAuditEntries({ ctx: admin, query: { to: '2025-02-28' }, pageSize: 100 });
    expect(to.entries).toHaveLength(1);
    const farFuture = await listAuditEntries({
      ctx: admin,
      query: { from: '9999-12-31', to: '9999-12-31' },
      pageSize: 100,
    });
    expect(farFuture.entries).toHaveLength(0);
  });

  it.each(['lead', 'csm', 'exec'] as const)('rejects a %s reading the audit log', async (role) => {
    const ctx = { db: handle.db, actor: actorOf(await makeUser(handle.db, role)) };
    await expect(listAuditEntries({ ctx, query: {} })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditActors({ ctx })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lists every user as a possible actor', async () => {
    const actors = await listAuditActors({ ctx: { db: handle.db, actor: systemActor('test') } });
    expect(actors.map((a) => a.id)).toContain(csmId);
  });

  it('knows every action the users service records, so that the filter offers it', async () => {
    const isolated = await createTestDatabase();
    const ctx = { db: isolated.db, actor: systemActor('test') };
    const a = await createUser({
      ctx,
      input: { email: 'a@example.test', name: 'A', role: 'admin', password: 'a long password' },
    });
    const b = await createUser({
      ctx,
      input: { email: 'b@example.test', name: 'B', role: 'csm', password: 'a long password' },
    });
    await changeUserRole({ ctx, input: { userId: b.id, role: 'lead', version: b.version } });
    await setUserDisabled({ ctx, input: { userId: b.id, disabled: true, version: b.version + 1 } });
    await setUserDisabled({ ctx, input: { userId: b.id, disabled: false, version: b.version + 2 } });
    const { entries } = await listAuditEntries({ ctx, query: {} });
    expect(entries.map((e) => e.action).sort()).toEqual([
      'user.changeRole',
      'user.create',
      'user.create',
      'user.disable',
      'user.enable',
    ]);
    expect(entries.every((e) => e.action in AUDIT_ACTIONS)).toBe(true);
    expect(entries.find((e) => e.entityId === String(a.id))?.actorId).toBeNull();
    await isolated.dispose();
  });
});
