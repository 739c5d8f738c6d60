import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/safe-redirect';

const origin = 'http://localhost:3000';

describe('safeCallbackPath', () => {
  it.each([
    [null, '/'],
    ['', '/'],
    ['/admin/audit?actor=3', '/admin/audit?actor=3'],
    ['http://localhost:3000/admin/users#x', '/admin/users#x'],
    ['https://evil.example/phish', '/'],
    ['//evil.example/phish', '/'],
    ['/login?callbackUrl=%2F', '/'],
    ['/api/auth/signout', '/'],
    ['javascript:alert(1)', '/'],
  ])('%s -> %s', (raw, expected) => {
    expect(safeCallbackPath(raw, origin)).toBe(expected);
  });
});
