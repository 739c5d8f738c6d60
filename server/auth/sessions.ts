import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { users, userSessions } from '@/db/schema';
import type { Executor } from '@/db/client';
import type { Role } from '@/lib/auth/roles';

/** A session lasts 8 hours from sign-in, however it is used; then its holder signs in again. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Ended sessions are kept this long (a day), then deleted a batch at a time when someone signs in. */
const ENDED_SESSION_KEEP = sql.raw(`interval '1 day'`);
const PRUNE_BATCH = 200;

export type StartedSession = { id: string; expiresAt: Date };

export async function startSession(
  db: Executor,
  { userId, ip, userAgent }: { userId: number; ip: string | null; userAgent: string | null },
): Promise<StartedSession> {
  const id = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.insert(userSessions).values({ id, userId, expiresAt, ip, userAgent });
  await db.execute(sql`
    delete from ${userSessions} where id in (
      select id from ${userSessions} where expires_at < now() - ${ENDED_SESSION_KEEP} limit ${PRUNE_BATCH})`);
  return { id, expiresAt };
}

export async function revokeSession(db: Executor, sessionId: string): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every live session of a user (disabled, or a new password), except `keep` (the one changing it). */
export async function revokeUserSessions(tx: Executor, userId: number, keep?: string): Promise<number> {
  const rows = await tx
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql`now()`),
        keep ? ne(userSessions.id, keep) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}

export type LiveSessionUser = { id: number; email: string; name: string; role: Role; sessionId: string };

/**
 * The user of a live session, in the one read each request makes: the session neither revoked nor expired, the user
 * not disabled. The role comes from here, not from the token, so a changed role counts from the next request.
 */
export async function liveSessionUser(
  db: Executor,
  sessionId: string,
  userId: number,
): Promise<LiveSessionUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    );
  return row ? { ...row, sessionId } : null;
}
