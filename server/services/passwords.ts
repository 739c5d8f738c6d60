import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { loginThrottle, users } from '@/db/schema';
import type { Executor } from '@/db/client';
import { generatePassword, hashPassword, verifyPassword } from '@/lib/auth/password';
import {
  changeOwnPasswordSchema,
  resetPasswordSchema,
  unlockUserSchema,
  type ChangeOwnPasswordInput,
  type ResetPasswordInput,
  type UnlockUserInput,
} from '@/lib/validation/passwords';
import { writeAudit } from '../audit';
import { revokeUserSessions } from '../auth/sessions';
import { accountKey, reserveAttempt, settleSuccess } from '../auth/throttle';
import { assertCan, type ServiceContext } from '../context';
import { ForbiddenError, NotFoundError, RuleError } from '../errors';
import { parseInput } from '../validate';

async function lockUser(tx: Executor, userId: number) {
  const [row] = await tx
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!row) throw new NotFoundError('user');
  return row;
}

async function setPassword(tx: Executor, userId: number, passwordHash: string): Promise<void> {
  await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
}

/**
 * A signed-in user's new password. The current one is asked for, and checked under the account's sign-in limit, so
 * that a session left open is not a way to learn or replace it; the user's other sessions end, this one goes on.
 */
export async function changeOwnPassword({ ctx, input }: { ctx: ServiceContext; input: ChangeOwnPasswordInput }) {
  assertCan(ctx.actor, 'account.changePassword');
  const { actor } = ctx;
  if (actor.kind !== 'user') throw new ForbiddenError('account.changePassword');
  const data = parseInput(changeOwnPasswordSchema, input);
  const keys = [accountKey(actor.email)];
  const reservation = await reserveAttempt(ctx.db, keys);
  if (!reservation.allowed)
    throw new RuleError(
      `Too many wrong passwords. Try again in ${reservation.lockedForMinutes} minutes.`,
      'currentPassword',
    );
  const [current] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!current || !(await verifyPassword(data.currentPassword, current.passwordHash)))
    throw new RuleError('That is not your current password.', 'currentPassword');
  await settleSuccess(ctx.db, keys);
  const passwordHash = await hashPassword(data.newPassword);
  return ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, actor.id);
    await setPassword(tx, user.id, passwordHash);
    const endedSessions = await revokeUserSessions(tx, user.id, actor.sessionId);
    await writeAudit(tx, actor, {
      action: 'user.changePassword',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, name: user.name, endedSessions },
    });
    return { endedSessions };
  });
}

/**
 * An admin sets someone else's password (generated, or typed), to be handed over once; every session of theirs
 * ends. An admin's own password is changed from their account menu, which asks for the current one.
 */
export async function resetUserPassword({ ctx, input }: { ctx: ServiceContext; input: ResetPasswordInput }) {
  assertCan(ctx.actor, 'users.manage');
  const data = parseInput(resetPasswordSchema, input);
  if (ctx.actor.kind === 'user' && ctx.actor.id === data.userId)
    throw new RuleError('Change your own password from your account menu.', 'userId');
  const password = data.mode === 'generate' ? generatePassword() : data.password;
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, data.userId);
    await setPassword(tx, user.id, passwordHash);
    const endedSessions = await revokeUserSessions(tx, user.id);
    await writeAudit(tx, ctx.actor, {
      action: 'user.resetPassword',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, name: user.name, generated: data.mode === 'generate', endedSessions },
    });
    return { name: user.name, email: user.email, password, endedSessions };
  });
}

/** Lifts an account's sign-in lock and forgets its failed attempts (its addresses keep their own limits). */
export async function unlockUser({ ctx, input }: { ctx: ServiceContext; input: UnlockUserInput }) {
  assertCan(ctx.actor, 'users.manage');
  const data = parseInput(unlockUserSchema, input);
  return ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, data.userId);
    const [cleared] = await tx
      .delete(loginThrottle)
      .where(inArray(loginThrottle.key, [accountKey(user.email).key]))
      .returning({ failures: loginThrottle.failures, lockedUntil: loginThrottle.lockedUntil });
    await writeAudit(tx, ctx.actor, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: user.id,
      before: {
        email: user.email,
        name: user.name,
        failedAttempts: cleared?.failures ?? 0,
        lockedUntil: cleared?.lockedUntil ?? null,
      },
      after: { email: user.email, name: user.name, failedAttempts: 0, lockedUntil: null },
    });
    return { name: user.name, email: user.email };
  });
}
