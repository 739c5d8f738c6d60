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
