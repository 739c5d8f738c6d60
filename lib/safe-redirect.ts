import { homePathFor } from './navigation';
import type { Role } from './auth/roles';

/**
 * `raw` as a path on `origin`, or null when following it could leave that origin. Parsing it against the origin is
 * not enough: `/.//evil.example/x`, `/%2e//evil.example/y` and `http://host//evil.example/x` all parse as same-origin
 * URLs whose path starts with `//`, and a browser follows such a path as a link to the host `evil.example`.
 */
export function sameOriginPath(raw: string | null | undefined, origin: string): string | null {
  if (!raw) return null;
  const home = new URL(origin).origin;
  let url: URL;
  try {
    url = new URL(raw, home);
  } catch {
    return null;
  }
  if (url.origin !== home) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  // The path is followed as it is written: it must resolve to this origin again (nothing else a parser folds in).
  return new URL(path, home).origin === home ? path : null;
}

/** next-auth's redirect rule: the absolute URL of `raw` on `origin`, or the origin's root when it would leave it. */
export function sameOriginUrl(raw: string | null | undefined, origin: string): string {
  const home = new URL(origin).origin;
  return `${home}${sameOriginPath(raw, home) ?? '/'}`;
}

/**
 * Where to go after signing in. The callback URL arrives from the query string, so anything that is not a path on
 * this same origin (an open redirect) falls back to the overview, as does the sign-in page itself.
 */
export function safeCallbackPath(raw: string | null | undefined, origin: string): string {
  const path = sameOriginPath(raw, origin);
  if (!path) return '/';
  const { pathname } = new URL(path, origin);
  if (pathname === '/login' || pathname.startsWith('/api/')) return '/';
  return path;
}

/**
 * Where a user goes once signed in: the page they were sent away from, or their role's home when that was none or
 * the root (the root is where the sign-in gate sends everyone who opened the app itself).
 */
export function landingPath(raw: string | null | undefined, origin: string, role: Role | undefined): string {
  const path = safeCallbackPath(raw, origin);
  return path === '/' && role ? homePathFor(role) : path;
}
