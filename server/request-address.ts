import 'server-only';
import { PEER_ADDRESS_HEADER, clientAddress } from '@/lib/auth/client-address';

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

/** HOLDFAST_TRUSTED_PROXIES: how many proxies in front of the app append to X-Forwarded-For (default 0: none). */
export function trustedProxyCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HOLDFAST_TRUSTED_PROXIES?.trim();
  if (!raw) return 0;
  if (!/^\d{1,2}$/.test(raw))
    throw new Error(`HOLDFAST_TRUSTED_PROXIES must be a number of proxies (0-99), not "${raw}".`);
  return Number(raw);
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  // A header sent more than once reaches Node as one comma-joined value, except for the few it keeps as a list.
  return Array.isArray(value) ? value.join(',') : value;
}

/** Where a request came from, by the rule of lib/auth/client-address.ts; null when the server did not stamp it. */
export function requestAddress(headers: HeaderBag): string | null {
  return clientAddress({
    peer: header(headers, PEER_ADDRESS_HEADER),
    forwardedFor: header(headers, 'x-forwarded-for'),
    trustedProxies: trustedProxyCount(),
  });
}

export function requestUserAgent(headers: HeaderBag): string | null {
  return header(headers, 'user-agent')?.slice(0, 500) ?? null;
}
