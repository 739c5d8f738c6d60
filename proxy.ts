import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { documentPolicy, newNonce } from '@/lib/security/content-security-policy';

/**
 * Every page gets a Content-Security-Policy with a nonce of its own. Next.js reads the nonce from the request's
 * policy header and puts it on the scripts and styles it renders, so the request carries the policy too.
 */
function withNonce(request: NextRequest) {
  const policy = documentPolicy(newNonce(), { development: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

// A first, optimistic gate only: every page, server action and route handler checks the session and role itself.
const signedIn = withAuth(withNonce, { pages: { signIn: '/login' } });
const OPEN = /^\/(login|api\/auth|api\/health|api\/v1)(\/|$)/;

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  return OPEN.test(request.nextUrl.pathname) ? withNonce(request) : signedIn(request as NextRequestWithAuth, event);
}

// api/imports is left out: the proxy buffers a request body in memory (and cuts it at 10 MB) before passing it on,
// which uploads must not go through; its route handlers answer 401/403 themselves.
export const config = {
  matcher: ['/((?!api/imports|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
