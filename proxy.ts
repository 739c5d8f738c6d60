import { withAuth } from 'next-auth/middleware';

// A first, optimistic gate only: every page, server action and route handler checks the session and role itself.
export default withAuth({ pages: { signIn: '/login' } });

// api/imports is left out: the proxy buffers a request body in memory (and cuts it at 10 MB) before passing it on,
// which uploads must not go through; its route handlers answer 401/403 themselves.
export const config = {
  matcher: ['/((?!login|api/auth|api/health|api/v1|api/imports|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
