import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { decode, encode as defaultEncode, type JWT } from 'next-auth/jwt';
import type { User } from 'next-auth';
import { userSessions } from '@/db/schema';
import type { Database } from '@/db/client';
import { PEER_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { setUserDisabled } from '@/server/services/users';
import { systemActor } from '@/server/context';
import { createTestDatabase } from '../helpers/test-db';
import { FACTORY_PASSWORD, makeUser } from '../helpers/factories';

const state = vi.hoisted(() => ({ db: null as unknown as Database, cookies: new Map<string, string>() }));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: async () => state.db,
}));
// What a request hands the session check: the browser's cookies.
vi.mock('next/headers', () => ({
  cookies: async () => ({ getAll: () => [...state.cookies].map(([name, value]) => ({ name, value })) }),
  headers: async () => new Headers(),
}));

const SECRET = 'test-secret-for-session-tokens';
vi.stubEnv('NEXTAUTH_SECRET', SECRET);

const { authOptions } = await import('@/server/auth/options');
// request-setup replaces getSessionUser for other tests; this file checks the real one.
const { getSessionUser } = await vi.importActual<typeof import('@/server/auth/session')>('@/server/auth/session');
type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<User>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

const THIRTY_DAYS = 30 * 24 * 60 * 60;
const EIGHT_HOURS = 8 * 60 * 60;

/** The two places next-auth signs a token, with the arguments it passes (core/routes/callback.js, session.js). */
async function signAtSignIn(token: JWT): Promise<string> {
  return (authOptions.jwt?.encode ?? defaultEncode)({
    secret: SECRET,
    maxAge: authOptions.jwt?.maxAge ?? THIRTY_DAYS,
    token,
  });
}
async function signOnSessionRead(token: JWT): Promise<string> {
  return (authOptions.jwt?.encode ?? defaultEncode)({
    secret: SECRET,
    maxAge: authOptions.session?.maxAge ?? THIRTY_DAYS,
    token,
  });
}

async function signIn(email: string): Promise<{ token: JWT; cookie: string }> {
  const user = await authorize(
    { email, password: FACTORY_PASSWORD },
    { headers: { [PEER_ADDRESS_HEADER]: '10.20.0.1' } },
  );
  const token = (await authOptions.callbacks!.jwt!({
    token: { email },
    user,
    account: null,
    trigger: 'signIn',
  } as never)) as JWT;
  return { token, cookie: await signAtSignIn(token) };
}

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  handle = await createTestDatabase();
  state.db = handle.db;
});
afterAll(() => handle.dispose());
afterEach(() => {
  vi.useRealTimers();
  state.cookies.clear();
});

const presentCookie = (cookie: string) => state.cookies.set('next-auth.session-token', cookie);

describe('session lifetime', () => {
  it('the token signed at sign-in expires 8 hours later, and re-signing it on later reads never moves that', async () => {
    const user = await makeUser(handle.db, 'csm');
    const signedInAt = Math.floor(Date.now() / 1000);
    const { cookie } = await signIn(user.email);
    const first = await decode({ token: cookie, secret: SECRET });
    expect(first!.exp).toBeGreaterThanOrEqual(signedInAt + EIGHT_HOURS - 5);
    expect(first!.exp).toBeLessThanOrEqual(signedInAt + EIGHT_HOURS + 5);

    vi.useFakeTimers({ now: Date.now() + 3 * 60 * 60 * 1000, toFake: ['Date'] });
    const reread = await authOptions.callbacks!.jwt!({ token: first!, trigger: undefined } as never);
    const second = await decode({ token: await signOnSessionRead(reread as JWT), secret: SECRET });
    expect(second!.exp).toBe(first!.exp);
  });

  it('a session is refused once its 8 hours have passed, whatever its token says', async () => {
    const user = await makeUser(handle.db, 'lead');
    const { token, cookie } = await signIn(user.email);
    presentCookie(cookie);
    await expect(getSessionUser()).resolves.toMatchObject({ id: user.id, role: 'lead', sessionId: token.sid });
    await handle.db
      .update(userSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userSessions.id, token.sid));
    await expect(getSessionUser()).resolves.toBeNull();
  });
});

describe('ending a session on the server', () => {
  it('signing out refuses every copy of the cookie afterwards', async () => {
    const user = await makeUser(handle.db, 'exec');
    const { token, cookie } = await signIn(user.email);
    presentCookie(cookie);
    await expect(getSessionUser()).resolves.toMatchObject({ id: user.id });
    await authOptions.events!.signOut!({ token, session: null as never });
    await expect(getSessionUser()).resolves.toBeNull();
    const [row] = await handle.db.select().from(userSessions).where(eq(userSessions.id, token.sid));
    expect(row.revokedAt).not.toBeNull();
    expect(row.ip).toBe('10.20.0.1');
  });

  it('disabling a user ends all their sessions, and enabling them again does not bring them back', async () => {
    const user = await makeUser(handle.db, 'csm');
    const a = await signIn(user.email);
    const b = await signIn(user.email);
    const ctx = { db: handle.db, actor: systemActor('test') };
    const disabled = await setUserDisabled({ ctx, input: { userId: user.id, disabled: true, version: user.version } });
    await setUserDisabled({ ctx, input: { userId: user.id, disabled: false, version: disabled.version } });
    for (const { cookie } of [a, b]) {
      presentCookie(cookie);
      await expect(getSessionUser()).resolves.toBeNull();
    }
  });

  it('a token without a session row (signed before sessions were kept) is refused', async () => {
    const user = await makeUser(handle.db, 'admin');
    presentCookie(
      await signAtSignIn({ uid: String(user.id), role: 'admin', sid: 'no-such-session', sessionExpiresAt: 0 }),
    );
    await expect(getSessionUser()).resolves.toBeNull();
  });
});
