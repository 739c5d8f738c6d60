import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeAddress } from '@/lib/auth/client-address';

describe('clientAddress', () => {
  it('without trusted proxies is the connection’s address, whatever X-Forwarded-For says', () => {
    expect(clientAddress({ peer: '::ffff:10.0.0.5', forwardedFor: '1.2.3.4', trustedProxies: 0 })).toBe('10.0.0.5');
    expect(clientAddress({ peer: '10.0.0.5', forwardedFor: null, trustedProxies: 0 })).toBe('10.0.0.5');
  });

  it('behind N proxies is the right-most address none of them added', () => {
    const forwardedFor = 'spoofed-by-client, 198.51.100.7, 10.0.0.2';
    expect(clientAddress({ peer: '10.0.0.3', forwardedFor, trustedProxies: 1 })).toBe('10.0.0.2');
    expect(clientAddress({ peer: '10.0.0.3', forwardedFor, trustedProxies: 2 })).toBe('198.51.100.7');
  });

  it('stops at the last proxy when an address on the way is not one (or the chain is shorter than N)', () => {
    expect(clientAddress({ peer: '10.0.0.3', forwardedFor: 'x'.repeat(9000), trustedProxies: 1 })).toBe('10.0.0.3');
    expect(clientAddress({ peer: '10.0.0.3', forwardedFor: 'junk, 198.51.100.7', trustedProxies: 3 })).toBe(
      '198.51.100.7',
    );
    expect(clientAddress({ peer: '10.0.0.3', forwardedFor: '', trustedProxies: 1 })).toBe('10.0.0.3');
  });

  it('is unknown when the server did not stamp the connection’s address', () => {
    expect(clientAddress({ peer: undefined, forwardedFor: '1.2.3.4', trustedProxies: 1 })).toBeNull();
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['10.1.2.3', '10.1.2.3'],
    [' 10.1.2.3:4567 ', '10.1.2.3'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['::FFFF:127.0.0.1', '127.0.0.1'],
    ['unknown', null],
    ['', null],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});
