import 'server-only';
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { can, type Permission } from '@/lib/auth/permissions';
import { recordRefusal } from './auth/refusals';
import { getSessionUser, userActor, type SessionUser } from './auth/session';
import type { ServiceContext } from './context';
import { ForbiddenError, UnauthenticatedError, toHttpError } from './errors';

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (args: { ctx: ServiceContext; request: Request; params: P }) => Promise<Response>;

/** Route handler answers are per user and per moment: never cached by a browser or a proxy. */
export const NO_STORE = { 'cache-control': 'private, no-store' } as const;

/**
 * Refuses a browser request sent from another site. The session cookie is SameSite=Lax already; this is the same
 * check Next.js makes for server actions. Requests without an Origin (not from a browser form or script) pass.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (!origin) return;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // An unparseable Origin is refused below.
  }
  if (originHost !== host) throw new ForbiddenError();
}

/**
 * The route-handler twin of validatedAction: session and permission on the server before anything else, then the
 * handler; domain errors become their HTTP status and a JSON message, anything else a generic 500 (logged, never
 * shown). The proxy's redirect to sign-in is only a first gate; this is the check.
 */
export function permittedRoute<P = Record<string, never>>(permission: Permission, handler: Handler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    let user: SessionUser | null = null;
    try {
      user = await getSessionUser();
      if (!user) throw new UnauthenticatedError();
      if (!can(user, permission)) throw new ForbiddenError(permission);
      return await handler({
        ctx: { db: await getDb(), actor: userActor(user) },
        request,
        params: await context.params,
      });
    } catch (error) {
      await recordRefusal(error, user, { route: request });
      const { status, body } = toHttpError(error);
      return NextResponse.json(body, { status, headers: NO_STORE });
    }
  };
}
