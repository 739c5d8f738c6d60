import { homePathFor } from './navigation';
import type { Role } from './auth/roles';

/**
 * Where to go after signing in. The callback URL arrives from the query string, so anything that is not a path on
 * this same origin (an open redirect) falls back to the overview, as does the sign-in page itself.
 */
export function safeCallbackPath(raw: string | null | undefined, origin: string): string {
  if (!raw) return '/';
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  if (url.pathname === '/login' || url.pathname.startsWith('/api/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Where a user goes once signed in: the page they were sent away from, or their role's home when that was none or
 * the root (the root is where the sign-in gate sends everyone who opened the app itself).
 */
export function landingPath(raw: string | null | undefined, origin: string, role: Role | undefined): string {
  const path = safeCallbackPath(raw, origin);
  return path === '/' && role ? homePathFor(role) : path;
}
