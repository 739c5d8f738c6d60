import 'server-only';
import { cache } from 'react';
import { eq } from 'drizzle-orm';
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { can, type Permission, type PermissionResource } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import type { Actor } from '../context';
import { authOptions } from './options';

export type SessionUser = { id: number; email: string; name: string; role: Role };

/**
 * The signed-in user, once per request. The role and the disabled flag are read from the database rather than
 * trusted from the token, so that a demotion or a disabled account takes effect on the next request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id));
  if (!row || row.disabledAt) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
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
  if (!can(user, permission, resource)) forbidden();
  return user;
}

export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

export function userActor(user: SessionUser): Actor {
  return { kind: 'user', ...user };
}
