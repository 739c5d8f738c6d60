import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_ADDRESS_HEADER } from '@/lib/auth/client-address';

const INSTALLED = Symbol.for('holdfast.peerAddressStamp');

/**
 * Writes each incoming request's connection address into PEER_ADDRESS_HEADER, overwriting any copy the client sent,
 * before Next.js turns the request into the headers-only Request that route handlers and server actions see.
 * Node publishes every server request on this diagnostics channel just before the server's `request` event.
 */
export function stampPeerAddresses(): void {
  const scope = globalThis as { [INSTALLED]?: boolean };
  if (scope[INSTALLED]) return;
  scope[INSTALLED] = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    if (socket.remoteAddress) request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress;
    else delete request.headers[PEER_ADDRESS_HEADER];
  });
}
