import { describe, expect, it } from 'vitest';
import { landingPath, safeCallbackPath } from '@/lib/safe-redirect';

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

describe('landingPath', () => {
  it('sends a user back where they came from, or to their role’s home from nowhere or the root', () => {
    expect(landingPath('/admin/audit', origin, 'exec')).toBe('/admin/audit');
    expect(landingPath(null, origin, 'exec')).toBe('/kpis');
    expect(landingPath('http://localhost:3000/', origin, 'exec')).toBe('/kpis');
    expect(landingPath('https://evil.example/', origin, 'exec')).toBe('/kpis');
    expect(landingPath(null, origin, 'csm')).toBe('/');
    expect(landingPath(null, origin, undefined)).toBe('/');
  });
});
