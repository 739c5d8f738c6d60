import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, loginThrottle, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { liveSessionUser, startSession } from '@/server/auth/sessions';
import { accountKey, reserveAttempt } from '@/server/auth/throttle';
import { systemActor } from '@/server/context';
import { changeOwnPassword, resetUserPassword, unlockUser } from '@/server/services/passwords';
import { listUsers } from '@/server/services/users';
import { asSession, form } from '../helpers/action-session';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';
import { actorOf, FACTORY_PASSWORD, makeUser } from '../helpers/factories';

const { changeOwnPasswordAction } = await import('@/app/(app)/account/password/actions');
const { resetPasswordAction, unlockUserAction } = await import('@/app/(app)/admin/users/actions');

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  handle = await createTestDatabase();
  requestScope.db = handle.db;
});
afterAll(() => handle.dispose());
beforeEach(() => {
  requestScope.user = null;
});

const NEW_PASSWORD = 'a brand new password';
const open = (userId: number) => startSession(handle.db, { userId, ip: '10.50.0.1', userAgent: null });
const live = (sessionId: string, userId: number) => liveSessionUser(handle.db, sessionId, userId);
const hashOf = async (id: number) => (await handle.db.select().from(users).where(eq(users.id, id)))[0].passwordHash;
const auditRows = (action: string, entityId: number) =>
  handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))));

async function lockOut(email: string) {
  for (let i = 0; i < 5; i++) await reserveAttempt(handle.db, [accountKey(email)]);
}

describe('changing one’s own password', () => {
  it('needs the current password, sets the new one, ends the other sessions and keeps this one, audited', async () => {
    const user = await makeUser(handle.db, 'csm');
    const [here, elsewhere] = [await open(user.id), await open(user.id)];
    const ctx = { db: handle.db, actor: { ...actorOf(user), sessionId: here.id } };
    const input = { currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };

    await expect(
      changeOwnPassword({ ctx, input: { ...input, currentPassword: 'not it at all' } }),
    ).rejects.toMatchObject({
      field: 'currentPassword',
    });
    await expect(changeOwnPassword({ ctx, input })).resolves.toEqual({ endedSessions: 1 });

    expect(await verifyPassword(NEW_PASSWORD, await hashOf(user.id))).toBe(true);
    expect(await live(here.id, user.id)).not.toBeNull();
    expect(await live(elsewhere.id, user.id)).toBeNull();
    const [audit] = await auditRows('user.changePassword', user.id);
    expect(audit).toMatchObject({ actorId: user.id, after: { email: user.email, endedSessions: 1 } });
    expect(JSON.stringify(audit)).not.toMatch(/\$2[aby]\$|brand new/);
  });

  it('an executive changes theirs too, from the page’s action; mismatched and unchanged passwords are field errors', async () => {
    const exec = await makeUser(handle.db, 'exec');
    requestScope.user = asSession(exec);
    const mismatch = await changeOwnPasswordAction(
      null,
      form({ currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: 'other' }),
    );
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ['The two new passwords differ.'] } });
    const same = await changeOwnPasswordAction(
      null,
      form({ currentPassword: FACTORY_PASSWORD, newPassword: FACTORY_PASSWORD, confirmPassword: FACTORY_PASSWORD }),
    );
    expect(same).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ['Choose a password different from the current one.'] },
    });
    const done = await changeOwnPasswordAction(
      null,
      form({ currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect(done).toMatchObject({ ok: true, message: 'Your password was changed.' });
  });

  it('wrong current passwords count towards the account’s sign-in lock', async () => {
    const user = await makeUser(handle.db, 'lead');
    const ctx = { db: handle.db, actor: actorOf(user) };
    const input = { currentPassword: 'guess', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    for (let i = 0; i < 5; i++)
      await expect(changeOwnPassword({ ctx, input })).rejects.toThrow('That is not your current password.');
    await expect(changeOwnPassword({ ctx, input: { ...input, currentPassword: FACTORY_PASSWORD } })).rejects.toThrow(
      /Too many wrong passwords/,
    );
  });

  it('rejects an actor that may not (the system has no password of its own)', async () => {
    const input = { currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    await expect(changeOwnPassword({ ctx: { db: handle.db, actor: systemActor('cli') }, input })).rejects.toThrow(
      'You do not have permission',
    );
  });
});

describe('an admin resetting a password', () => {
  it('generates one, shown once, ends every session of that user, and audits without the password', async () => {
    const [admin, user] = [await makeUser(handle.db, 'admin'), await makeUser(handle.db, 'csm')];
    const session = await open(user.id);
    const ctx = { db: handle.db, actor: actorOf(admin) };
    const result = await resetUserPassword({ ctx, input: { userId: user.id, mode: 'generate' } });
    expect(result.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(result.endedSessions).toBe(1);
    expect(await verifyPassword(result.password, await hashOf(user.id))).toBe(true);
    expect(await live(session.id, user.id)).toBeNull();
    const [audit] = await auditRows('user.resetPassword', user.id);
    expect(audit).toMatchObject({ actorId: admin.id, after: { email: user.email, generated: true, endedSessions: 1 } });
    expect(JSON.stringify(audit)).not.toContain(result.password);
  });

  it('sets a typed one, from the Users page’s action, and refuses a short one with a field error', async () => {
    const [admin, user] = [await makeUser(handle.db, 'admin'), await makeUser(handle.db, 'lead')];
    requestScope.user = asSession(admin);
    const short = await resetPasswordAction(null, form({ userId: user.id, mode: 'type', password: 'short' }));
    expect(short).toMatchObject({ ok: false, fieldErrors: { password: ['Use at least 10 characters.'] } });
    const typed = await resetPasswordAction(null, form({ userId: user.id, mode: 'type', password: NEW_PASSWORD }));
    expect(typed).toMatchObject({ ok: true, data: { password: NEW_PASSWORD } });
    expect(await verifyPassword(NEW_PASSWORD, await hashOf(user.id))).toBe(true);
  });

  it('sends an admin to Change password for their own account', async () => {
    const admin = await makeUser(handle.db, 'admin');
    const ctx = { db: handle.db, actor: actorOf(admin) };
    await expect(resetUserPassword({ ctx, input: { userId: admin.id, mode: 'generate' } })).rejects.toThrow(
      'Change your own password',
    );
  });

  it('rejects a role that may not', async () => {
    const target = await makeUser(handle.db, 'csm');
    const before = await hashOf(target.id);
    for (const role of ['lead', 'csm', 'exec'] as const) {
      const actor = await makeUser(handle.db, role);
      await expect(
        resetUserPassword({
          ctx: { db: handle.db, actor: actorOf(actor) },
          input: { userId: target.id, mode: 'generate' },
        }),
      ).rejects.toThrow('You do not have permission');
      requestScope.user = asSession(actor);
      expect(await resetPasswordAction(null, form({ userId: target.id, mode: 'generate' }))).toMatchObject({
        ok: false,
      });
    }
    expect(await hashOf(target.id)).toBe(before);
    expect(await auditRows('user.resetPassword', target.id)).toHaveLength(0);
  });
});

describe('an admin unlocking an account', () => {
  it('shows the lock on the Users list, clears the account’s counter and audits it', async () => {
    const [admin, user] = [await makeUser(handle.db, 'admin'), await makeUser(handle.db, 'csm')];
    await lockOut(user.email);
    const ctx = { db: handle.db, actor: actorOf(admin) };
    const listed = async () => (await listUsers({ ctx })).find((row) => row.id === user.id)!;
    expect((await listed()).lockedUntil).toBeInstanceOf(Date);

    requestScope.user = asSession(admin);
    expect(await unlockUserAction(null, form({ userId: user.id }))).toMatchObject({
      ok: true,
      message: `${user.name} can sign in again.`,
    });
    expect((await listed()).lockedUntil).toBeNull();
    expect(
      await handle.db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, accountKey(user.email).key)),
    ).toHaveLength(0);
    const [audit] = await auditRows('user.unlock', user.id);
    expect(audit).toMatchObject({
      actorId: admin.id,
      before: { failedAttempts: 5 },
      after: { failedAttempts: 0, lockedUntil: null },
    });
  });

  it('rejects a role that may not', async () => {
    const user = await makeUser(handle.db, 'csm');
    await lockOut(user.email);
    for (const role of ['lead', 'csm', 'exec'] as const) {
      const actor = await makeUser(handle.db, role);
      await expect(
        unlockUser({ ctx: { db: handle.db, actor: actorOf(actor) }, input: { userId: user.id } }),
      ).rejects.toThrow('You do not have permission');
    }
    expect(
      await handle.db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, accountKey(user.email).key)),
    ).toHaveLength(1);
  });
});
