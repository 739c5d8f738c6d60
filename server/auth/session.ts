import 'server-only';
import { cache } from 'react';
import { getToken, type JWT } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { can, type Permission, type PermissionResource } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import type { Actor } from '../context';
import { recordSecurityEvent, requestOrigin } from '../security-log';
import { liveSessionUser, type LiveSessionUser } from './sessions';

/** Who is signed in; `sessionId` names their session (absent only where tests stand in for a request). */
export type SessionUser = Omit<LiveSessionUser, 'sessionId'> & { sessionId?: string };

/** The signed-in browser's session token, decoded and verified (signature, expiry), once per request. */
export const getSessionToken = cache(async (): Promise<JWT | null> => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  // getToken reads a request's cookies and headers; in a server component or action these are next/headers' own.
  return getToken({ req: { cookies: cookieStore, headers: headerStore } as unknown as NextRequest });
});

/**
 * The signed-in user, once per request, or null when the session was signed out, revoked, has expired or its user
 * is disabled: the token is only a pointer to a session row, which this checks in the same read that loads the user.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = await getSessionToken();
  const id = Number(token?.uid);
  if (!token?.sid || !Number.isInteger(id) || id <= 0) return null;
  return liveSessionUser(await getDb(), token.sid, id);
});

/** For pages: the user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  return user;
}

/** For pages: the user if they hold the permission; otherwise the 403 page. */
export async function requirePermission(permission: Permission, resource?: PermissionResource): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission, resource)) await refusePage(user, { permission });
  return user;
}

export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) await refusePage(user, { detail: `Open to ${roles.join(', ')} only` });
  return user;
}

/** The 403 page, recorded in the security log (Next.js does not tell a page its own path, so none is named). */
async function refusePage(user: SessionUser, what: { permission?: Permission; detail?: string }): Promise<never> {
  const { ip, userAgent } = await requestOrigin();
  await recordSecurityEvent(await getDb(), {
    kind: 'forbidden',
    userId: user.id,
    email: user.email,
    target: 'Page',
    ip,
    userAgent,
    ...what,
  });
  forbidden();
}

export function userActor(user: SessionUser): Actor {
  return { kind: 'user', ...user };
}
