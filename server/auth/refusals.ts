import 'server-only';
import { getDb } from '@/db/client';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { recordSecurityEvent, requestOrigin } from '../security-log';
import { getSessionToken, type SessionUser } from './session';

/** What was asked for: a route handler's request, or a server action (named by the page it was sent from). */
export type RefusedRequest = { route: Request } | 'action';

function targetOf(request: RefusedRequest, referer: string | null): string {
  if (request !== 'action') return `${request.route.method} ${new URL(request.route.url).pathname}`;
  try {
    return referer ? `Server action from ${new URL(referer).pathname}` : 'Server action';
  } catch {
    return 'Server action';
  }
}

/**
 * Records a refused request in the security log: a permission the user does not hold, or a session that no longer
 * counts (signed out, revoked, its user disabled). Requests that never had a session are left out: they are the
 * background noise of any server on the internet, and the sign-in gate answers most of them before they get here.
 */
export async function recordRefusal(error: unknown, user: SessionUser | null, request: RefusedRequest): Promise<void> {
  if (!(error instanceof ForbiddenError) && !(error instanceof UnauthenticatedError)) return;
  const { ip, userAgent, referer } = await requestOrigin();
  const target = targetOf(request, referer);
  const db = await getDb();
  if (error instanceof ForbiddenError) {
    const { permission, message } = error;
    await recordSecurityEvent(db, {
      kind: 'forbidden',
      userId: user?.id,
      email: user?.email,
      permission,
      target,
      detail: message,
      ip,
      userAgent,
    });
    return;
  }
  const token = await getSessionToken().catch(() => null);
  const userId = Number(token?.uid);
  if (!Number.isInteger(userId) || userId <= 0) return;
  const detail = 'A session that was signed out or revoked, or whose user is disabled';
  await recordSecurityEvent(db, {
    kind: 'unauthenticated',
    userId,
    email: token?.email,
    target,
    detail,
    ip,
    userAgent,
  });
}
