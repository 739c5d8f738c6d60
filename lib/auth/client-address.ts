import { isIP } from 'node:net';

/**
 * The request header that carries the address of the connection itself. Next.js does not hand the socket to route
 * handlers or server actions, so the server writes it into every request as it arrives (server/peer-address.ts),
 * overwriting whatever a client sent under that name.
 */
export const PEER_ADDRESS_HEADER = 'x-holdfast-peer-address';

/** A bare IP address from a header value: IPv4-mapped IPv6 as plain IPv4, a port or brackets dropped; else null. */
export function normalizeAddress(raw: string | undefined): string | null {
  let value = raw?.trim() ?? '';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

/**
 * The client's address: the connection's own address, or, behind `trustedProxies` proxies that each append the
 * address they received from to X-Forwarded-For, the right-most address none of them added. Entries to the left of
 * that were written by the client and are never believed. When an address on the way is not an address at all, the
 * last proxy that handed it over is the best that is known.
 */
export function clientAddress({
  peer,
  forwardedFor,
  trustedProxies,
}: {
  peer: string | null | undefined;
  forwardedFor: string | null | undefined;
  trustedProxies: number;
}): string | null {
  let address = normalizeAddress(peer ?? undefined);
  if (!address) return null;
  const hops = (forwardedFor ?? '').split(',').reverse();
  for (let i = 0; i < trustedProxies && i < hops.length; i++) {
    const next = normalizeAddress(hops[i]);
    if (!next) break;
    address = next;
  }
  return address;
}
