import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { loginThrottle, users } from '@/db/schema';
import type { Database } from '@/db/client';
import { PEER_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { createTestDatabase } from '../helpers/test-db';
import { FACTORY_PASSWORD, makeUser } from '../helpers/factories';

// authorize() reads the process-wide database; point it at this file's test database.
const state = vi.hoisted(() => ({ db: null as unknown as Database }));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: async () => state.db,
}));
const burned = vi.hoisted(() => ({ count: 0 }));
const checked = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/auth/password')>();
  return {
    ...original,
    // Counted rather than run: the cost-12 hash would make the many failed guesses below take minutes.
    burnPasswordCheck: async () => {
      burned.count++;
    },
    verifyPassword: async (password: string, hash: string) => {
      checked.count++;
      return original.verifyPassword(password, hash);
    },
  };
});

const { authOptions } = await import('@/server/auth/options');
const { INVALID_CREDENTIALS, SIGN_IN_UNAVAILABLE } = await import('@/server/auth/sign-in');
type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  handle = await createTestDatabase();
  state.db = handle.db;
});
afterAll(() => handle.dispose());
beforeEach(async () => {
  await handle.db.delete(loginThrottle);
  burned.count = 0;
  checked.count = 0;
});

/** A request whose connection comes from `peer`, with whatever X-Forwarded-For the client wrote. */
const from = (peer: string, forwardedFor?: string) => ({
  headers: { [PEER_ADDRESS_HEADER]: peer, ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) },
});

describe('credentials sign-in', () => {
  it('returns the user id and role for the right password, case-insensitively on the email', async () => {
    const user = await makeUser(handle.db, 'lead');
    const result = await authorize({ email: user.email.toUpperCase(), password: FACTORY_PASSWORD }, from('10.0.0.1'));
    expect(result).toMatchObject({ id: String(user.id), role: 'lead', email: user.email });
    const [row] = await handle.db.select().from(users).where(eq(users.id, user.id));
    expect(row.lastLoginAt).not.toBeNull();
  });

  it('gives the same answer for a wrong password and an unknown account, and runs bcrypt for the unknown one', async () => {
    const user = await makeUser(handle.db, 'csm');
    await expect(authorize({ email: user.email, password: 'wrong password' }, from('10.0.0.2'))).rejects.toThrow(
      INVALID_CREDENTIALS,
    );
    expect(burned.count).toBe(0);
    await expect(
      authorize({ email: 'nobody@example.test', password: 'wrong password' }, from('10.0.0.2')),
    ).rejects.toThrow(INVALID_CREDENTIALS);
    expect(burned.count).toBe(1);
  });

  it('refuses a disabled account with the same message', async () => {
    const user = await makeUser(handle.db, 'csm', { disabledAt: new Date() });
    await expect(authorize({ email: user.email, password: FACTORY_PASSWORD }, from('10.0.0.3'))).rejects.toThrow(
      INVALID_CREDENTIALS,
    );
    expect(burned.count).toBe(1);
  });

  it('locks an account after 5 failures, even for the right password, and says for how long', async () => {
    const user = await makeUser(handle.db, 'exec');
    for (let i = 0; i < 5; i++) {
      await expect(authorize({ email: user.email, password: `wrong ${i}` }, from(`10.1.0.${i}`))).rejects.toThrow(
        INVALID_CREDENTIALS,
      );
    }
    await expect(authorize({ email: user.email, password: FACTORY_PASSWORD }, from('10.1.1.1'))).rejects.toThrow(
      /Too many failed sign-in attempts\. Try again in 15 minutes\./,
    );
  });

  it('locks an address after 20 failures across accounts, leaving other addresses alone', async () => {
    const victim = await makeUser(handle.db, 'csm');
    for (let i = 0; i < 20; i++) {
      await expect(authorize({ email: `guess${i}@example.test`, password: 'x' }, from('10.2.0.1'))).rejects.toThrow(
        INVALID_CREDENTIALS,
      );
    }
    await expect(authorize({ email: victim.email, password: FACTORY_PASSWORD }, from('10.2.0.1'))).rejects.toThrow(
      /Too many/,
    );
    await expect(
      authorize({ email: victim.email, password: FACTORY_PASSWORD }, from('10.2.0.2')),
    ).resolves.toMatchObject({ role: 'csm' });
  });

  it('keys the address limit by the connection, so a new X-Forwarded-For per guess does not reset it', async () => {
    const victim = await makeUser(handle.db, 'csm');
    for (let i = 0; i < 20; i++) {
      await expect(
        authorize({ email: `spray${i}@example.test`, password: 'x' }, from('10.4.0.1', `198.51.100.${i}`)),
      ).rejects.toThrow(INVALID_CREDENTIALS);
    }
    await expect(
      authorize({ email: victim.email, password: FACTORY_PASSWORD }, from('10.4.0.1', '198.51.100.200')),
    ).rejects.toThrow(/Too many/);
  });

  it('a victim’s address written into X-Forwarded-For does not lock the victim out', async () => {
    const victim = await makeUser(handle.db, 'lead');
    for (let i = 0; i < 20; i++) {
      await expect(
        authorize({ email: `frame${i}@example.test`, password: 'x' }, from('10.5.0.66', '10.5.0.7')),
      ).rejects.toThrow(INVALID_CREDENTIALS);
    }
    await expect(
      authorize({ email: victim.email, password: FACTORY_PASSWORD }, from('10.5.0.7')),
    ).resolves.toMatchObject({ role: 'lead' });
  });

  it('behind HOLDFAST_TRUSTED_PROXIES=1 keys the limit by the address the proxy appended', async () => {
    vi.stubEnv('HOLDFAST_TRUSTED_PROXIES', '1');
    try {
      const victim = await makeUser(handle.db, 'csm');
      for (let i = 0; i < 20; i++) {
        await expect(
          authorize(
            { email: `proxied${i}@example.test`, password: 'x' },
            from('10.6.0.1', `203.0.113.${i}, 192.0.2.9`),
          ),
        ).rejects.toThrow(INVALID_CREDENTIALS);
      }
      await expect(
        authorize({ email: victim.email, password: FACTORY_PASSWORD }, from('10.6.0.1', '192.0.2.9')),
      ).rejects.toThrow(/Too many/);
      // Another client through the same proxy is not locked.
      await expect(
        authorize({ email: victim.email, password: FACTORY_PASSWORD }, from('10.6.0.1', '192.0.2.10')),
      ).resolves.toMatchObject({
        role: 'csm',
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('30 parallel wrong passwords for one account get at most 5 password checks', async () => {
    const user = await makeUser(handle.db, 'csm');
    const attempts = Array.from({ length: 30 }, (_, i) =>
      authorize({ email: user.email, password: `burst ${i}` }, from(`10.7.0.${i}`)),
    );
    const outcomes = await Promise.allSettled(attempts);
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect(checked.count).toBeLessThanOrEqual(5);
    await expect(authorize({ email: user.email, password: FACTORY_PASSWORD }, from('10.7.1.1'))).rejects.toThrow(
      /Too many/,
    );
  });

  it('the attempt that reaches the limit still signs in with the right password, and unlocks the account', async () => {
    const user = await makeUser(handle.db, 'csm');
    for (let i = 0; i < 4; i++)
      await expect(authorize({ email: user.email, password: 'nope' }, from('10.8.0.1'))).rejects.toThrow();
    await expect(authorize({ email: user.email, password: FACTORY_PASSWORD }, from('10.8.0.1'))).resolves.toMatchObject(
      { role: 'csm' },
    );
    await expect(authorize({ email: user.email, password: 'nope' }, from('10.8.0.1'))).rejects.toThrow(
      INVALID_CREDENTIALS,
    );
  });

  it('right passwords do not count against the address', async () => {
    const user = await makeUser(handle.db, 'lead');
    for (let i = 0; i < 19; i++)
      await expect(authorize({ email: `typo${i}@example.test`, password: 'x' }, from('10.9.0.1'))).rejects.toThrow();
    for (let i = 0; i < 3; i++)
      await expect(
        authorize({ email: user.email, password: FACTORY_PASSWORD }, from('10.9.0.1')),
      ).resolves.toBeTruthy();
    await expect(authorize({ email: 'typo-last@example.test', password: 'x' }, from('10.9.0.1'))).rejects.toThrow(
      INVALID_CREDENTIALS,
    );
    await expect(authorize({ email: user.email, password: FACTORY_PASSWORD }, from('10.9.0.1'))).rejects.toThrow(
      /Too many/,
    );
  });

  it('a successful sign-in clears the account counter', async () => {
    const user = await makeUser(handle.db, 'csm');
    for (let i = 0; i < 4; i++)
      await expect(authorize({ email: user.email, password: 'nope' }, from('10.3.0.1'))).rejects.toThrow();
    await authorize({ email: user.email, password: FACTORY_PASSWORD }, from('10.3.0.1'));
    const rows = await handle.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, `account:${user.email}`));
    expect(rows).toHaveLength(0);
  });
});

describe('what a refused sign-in shows', () => {
  // Random, so that PostgreSQL cannot compress it into an index entry.
  const long = crypto.randomBytes(4500).toString('hex');

  it('a 9,000-character X-Forwarded-For or email gets the usual messages, never SQL', async () => {
    const user = await makeUser(handle.db, 'csm');
    vi.stubEnv('HOLDFAST_TRUSTED_PROXIES', '1');
    try {
      await expect(authorize({ email: user.email, password: 'nope' }, from('10.10.0.1', long))).rejects.toThrow(
        INVALID_CREDENTIALS,
      );
      await expect(
        authorize({ email: `${long}@example.test`, password: 'nope' }, from('10.10.0.1', long)),
      ).rejects.toMatchObject({
        message: INVALID_CREDENTIALS,
      });
      await expect(
        authorize({ email: user.email, password: FACTORY_PASSWORD }, from('10.10.0.1', long)),
      ).resolves.toMatchObject({
        role: 'csm',
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('with the database down says so plainly, and the details go to the server log only', async () => {
    const down = await createTestDatabase();
    await down.dispose();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    state.db = down.db;
    try {
      const user = { email: 'someone@example.test', password: 'whatever' };
      await expect(authorize(user, from('10.11.0.1'))).rejects.toMatchObject({ message: SIGN_IN_UNAVAILABLE });
      expect(log).toHaveBeenCalledWith('[auth] sign-in failed', expect.any(Error));
    } finally {
      state.db = handle.db;
      log.mockRestore();
    }
  });
});

describe('the sign-in server’s redirects', () => {
  it.each([
    '/.//evil.example/x',
    'http://localhost:3000//evil.example/x',
    '/%2e//evil.example/y',
    'https://evil.example/',
  ])('answer %s with this origin’s root', async (url) => {
    const redirect = authOptions.callbacks?.redirect;
    expect(redirect).toBeDefined();
    expect(await redirect!({ url, baseUrl: 'http://localhost:3000' })).toBe('http://localhost:3000/');
  });
});
