import 'server-only';
import { eq } from 'drizzle-orm';
import type { User } from 'next-auth';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password';
import { signInSchema } from '@/lib/validation/users';
import { requestAddress, requestUserAgent } from '../request-address';
import { recordSecurityEvent } from '../security-log';
import { startSession } from './sessions';
import { LIMITS, reserveAttempt, settleSuccess, throttleKeys } from './throttle';

export const INVALID_CREDENTIALS = 'Wrong email or password.';
export const SIGN_IN_UNAVAILABLE = 'Signing in is not possible right now. Please try again in a minute.';

type Headers = Record<string, string | string[] | undefined> | undefined;
export type SignedInUser = User;

/** A refusal the person signing in is meant to read; anything else that goes wrong is shown as SIGN_IN_UNAVAILABLE. */
class SignInRefused extends Error {}

function lockedMessage(minutes: number): string {
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

async function checkPassword(credentials: unknown, headers: Headers): Promise<SignedInUser> {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) throw new SignInRefused(INVALID_CREDENTIALS);
  const { email, password } = parsed.data;
  const db = await getDb();
  const ip = requestAddress(headers);
  const keys = throttleKeys(email, ip);
  // Counted before the password check, so that a burst of parallel guesses cannot outrun the limit.
  const reservation = await reserveAttempt(db, keys);
  if (!reservation.allowed) throw new SignInRefused(lockedMessage(reservation.lockedForMinutes));
  const [user] = await db.select().from(users).where(eq(users.email, email));
  // Unknown and disabled accounts run the same bcrypt work as known ones, so timing does not reveal which exist.
  const ok =
    user && !user.disabledAt
      ? await verifyPassword(password, user.passwordHash)
      : (await burnPasswordCheck(password), false);
  const origin = { email, ip, userAgent: requestUserAgent(headers) };
  if (!ok || !user) {
    // A wrong password leaves its reserved attempt counted: that is the failure.
    const detail = !user ? 'No such account' : user.disabledAt ? 'Account disabled' : 'Wrong password';
    await recordSecurityEvent(db, { kind: 'signInFailed', userId: user?.id, detail, ...origin });
    for (const kind of reservation.locksOnFailure) {
      const limit = LIMITS[kind];
      const what = kind === 'account' ? 'Account' : 'Address';
      const detail = `${what} locked for ${limit.lockMinutes} minutes after ${limit.maxFailures} failed sign-ins`;
      await recordSecurityEvent(db, { kind: 'lockout', userId: user?.id, detail, ...origin });
    }
    throw new SignInRefused(INVALID_CREDENTIALS);
  }
  await settleSuccess(db, keys);
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  const session = await startSession(db, { userId: user.id, ip, userAgent: origin.userAgent });
  await recordSecurityEvent(db, { kind: 'signIn', userId: user.id, ...origin });
  return {
    id: String(user.id),
    email: user.email,
    name: user.name,
    role: user.role,
    sessionId: session.id,
    sessionExpiresAt: Math.floor(session.expiresAt.getTime() / 1000),
  };
}

/**
 * The credentials provider's check. next-auth shows the message of whatever this throws to the person signing in,
 * so a database that is down, or SQL refusing an input, becomes a plain sentence here and its details go to the
 * server log only.
 */
export async function signInWithPassword(credentials: unknown, headers: Headers): Promise<SignedInUser> {
  try {
    return await checkPassword(credentials, headers);
  } catch (error) {
    if (error instanceof SignInRefused) throw new Error(error.message);
    console.error('[auth] sign-in failed', error);
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
}
