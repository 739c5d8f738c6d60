import { withAuth } from 'next-auth/middleware';

// A first, optimistic gate only: every page, server action and route handler checks the session and role itself.
export default withAuth({ pages: { signIn: '/login' } });

export const config = {
  matcher: ['/((?!login|api/auth|api/health|api/v1|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
