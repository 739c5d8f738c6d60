import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { stampPeerAddresses } from '@/server/peer-address';

let server: http.Server;
let port: number;
beforeAll(async () => {
  stampPeerAddresses();
  server = http.createServer((req, res) => res.end(JSON.stringify(req.headers[PEER_ADDRESS_HEADER] ?? null)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('stamps every request with its connection’s address, overwriting one the client wrote', async () => {
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    headers: { [PEER_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '203.0.113.9' },
  });
  expect(await response.json()).toBe('127.0.0.1');
});
