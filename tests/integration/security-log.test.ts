import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { User } from 'next-auth';
import { securityEvents } from '@/db/schema';
import { PEER_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { parseSecurityQuery } from '@/lib/validation/security-log';
import { listSecurityEvents } from '@/server/queries/security-log';
import { recordSecurityEvent } from '@/server/security-log';
import { asSession, form } from '../helpers/action-session';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';
import { actorOf, FACTORY_PASSWORD, makeUser } from '../helpers/factories';

vi.mock('@/lib/auth/password', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/password')>()),
  // The cost-12 hash for unknown accounts would make the lockout below slow; its timing is sign-in.test's concern.
  burnPasswordCheck: async () => {},
}));

const { authOptions } = await import('@/server/auth/options');
const { createUserAction } = await import('@/app/(app)/admin/users/actions');
const { GET: personalData } = await import('@/app/api/customers/[id]/personal-data/route');
type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<User>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  handle = await createTestDatabase();
  requestScope.db = handle.db;
});
afterAll(() => handle.dispose());
beforeEach(async () => {
  await handle.db.delete(securityEvents);
  requestScope.user = null;
});

const browser = (peer: string) => ({
  headers: { [PEER_ADDRESS_HEADER]: peer, 'x-forwarded-for': '198.51.100.1', 'user-agent': 'TestBrowser/1.0' },
});
const events = () => handle.db.select().from(securityEvents).orderBy(securityEvents.id);

describe('what the security log records', () => {
  it('sign-ins and failed sign-ins: who, from which address, with which browser', async () => {
    const user = await makeUser(handle.db, 'lead');
    await expect(authorize({ email: user.email, password: 'wrong' }, browser('10.30.0.1'))).rejects.toThrow();
    await expect(authorize({ email: 'ghost@example.test', password: 'wrong' }, browser('10.30.0.1'))).rejects.toThrow();
    await authorize({ email: user.email, password: FACTORY_PASSWORD }, browser('10.30.0.2'));
    expect(await events()).toMatchObject([
      {
        kind: 'signInFailed',
        userId: user.id,
        email: user.email,
        ip: '10.30.0.1',
        userAgent: 'TestBrowser/1.0',
        detail: 'Wrong password',
      },
      { kind: 'signInFailed', userId: null, email: 'ghost@example.test', ip: '10.30.0.1', detail: 'No such account' },
      { kind: 'signIn', userId: user.id, email: user.email, ip: '10.30.0.2' },
    ]);
  });

  it('the failure that locks an account, once', async () => {
    const user = await makeUser(handle.db, 'csm');
    for (let i = 0; i < 6; i++)
      await expect(authorize({ email: user.email, password: `wrong ${i}` }, browser('10.31.0.1'))).rejects.toThrow();
    const rows = await events();
    expect(rows.map((row) => row.kind)).toEqual([...Array(5).fill('signInFailed'), 'lockout']);
    expect(rows.at(-1)).toMatchObject({
      userId: user.id,
      detail: 'Account locked for 15 minutes after 5 failed sign-ins',
    });
  });

  it('sign-outs', async () => {
    const user = await makeUser(handle.db, 'exec');
    const signedIn = await authorize({ email: user.email, password: FACTORY_PASSWORD }, browser('10.32.0.1'));
    await authOptions.events!.signOut!({
      token: { uid: signedIn.id, role: 'exec', sid: signedIn.sessionId, sessionExpiresAt: 0, email: user.email },
      session: null as never,
    });
    expect((await events()).at(-1)).toMatchObject({ kind: 'signOut', userId: user.id, email: user.email });
  });

  it('a server action refused for want of permission: who, and which permission', async () => {
    const csm = await makeUser(handle.db, 'csm');
    requestScope.user = asSession(csm);
    const result = await createUserAction(
      null,
      form({ name: 'X', email: 'x@example.test', role: 'admin', password: 'a long password' }),
    );
    expect(result).toMatchObject({ ok: false });
    expect(await events()).toMatchObject([
      { kind: 'forbidden', userId: csm.id, permission: 'users.manage', target: 'Server action' },
    ]);
  });

  it('a route handler refused for want of permission names the request', async () => {
    const lead = await makeUser(handle.db, 'lead');
    requestScope.user = asSession(lead);
    const response = await personalData(new Request('http://localhost/api/customers/7/personal-data'), {
      params: Promise.resolve({ id: '7' }),
    });
    expect(response.status).toBe(403);
    expect(await events()).toMatchObject([
      {
        kind: 'forbidden',
        userId: lead.id,
        permission: 'customers.exportPersonalData',
        target: 'GET /api/customers/7/personal-data',
      },
    ]);
  });

  it('leaves out requests that never had a session', async () => {
    const response = await personalData(new Request('http://localhost/api/customers/7/personal-data'), {
      params: Promise.resolve({ id: '7' }),
    });
    expect(response.status).toBe(401);
    expect(await events()).toEqual([]);
  });

  it('keeps events for 90 days: each write deletes older ones', async () => {
    await handle.db.execute(sql`insert into security_events (kind, occurred_at, detail) values
      ('signIn', now() - interval '91 days', 'old'), ('signIn', now() - interval '89 days', 'kept')`);
    await recordSecurityEvent(handle.db, { kind: 'signOut', detail: 'new' });
    expect((await events()).map((row) => row.detail)).toEqual(['kept', 'new']);
  });
});

describe('reading the security log', () => {
  it('filters in SQL by event, user, address and day, newest first, a keyset page at a time', async () => {
    const [a, b] = [await makeUser(handle.db, 'csm'), await makeUser(handle.db, 'lead')];
    for (let i = 0; i < 5; i++)
      await recordSecurityEvent(handle.db, { kind: 'signIn', userId: a.id, ip: '10.40.0.1', detail: `a${i}` });
    await recordSecurityEvent(handle.db, { kind: 'signInFailed', userId: b.id, ip: '10.40.0.2', detail: 'b' });
    await handle.db.execute(
      sql`insert into security_events (kind, user_id, occurred_at, detail) values ('signIn', ${a.id}, '2026-01-10T12:00:00Z', 'january')`,
    );
    const admin = await makeUser(handle.db, 'admin');
    const ctx = { db: handle.db, actor: actorOf(admin) };
    const read = async (params: Record<string, string>, pageSize = 50) =>
      listSecurityEvents({ ctx, query: parseSecurityQuery(params), pageSize });

    expect((await read({ kind: 'signInFailed' })).entries.map((e) => e.detail)).toEqual(['b']);
    expect((await read({ ip: '10.40.0.2' })).entries.map((e) => e.userName)).toEqual([b.name]);
    expect(
      (await read({ user: String(a.id), from: '2026-01-10', to: '2026-01-10' })).entries.map((e) => e.detail),
    ).toEqual(['january']);

    const first = await read({ user: String(a.id) }, 2);
    expect(first.entries.map((e) => e.detail)).toEqual(['a4', 'a3']);
    expect(first.newer).toBeNull();
    const second = await listSecurityEvents({ ctx, query: { user: a.id, after: first.older! }, pageSize: 2 });
    expect(second.entries.map((e) => e.detail)).toEqual(['a2', 'a1']);
    const back = await listSecurityEvents({ ctx, query: { user: a.id, before: second.newer! }, pageSize: 2 });
    expect(back.entries.map((e) => e.detail)).toEqual(['a4', 'a3']);
  });

  it('rejects a role that may not', async () => {
    for (const role of ['lead', 'csm', 'exec'] as const) {
      const ctx = { db: handle.db, actor: actorOf(await makeUser(handle.db, role)) };
      await expect(listSecurityEvents({ ctx, query: {} })).rejects.toThrow('You do not have permission');
    }
  });
});
