import { describe, expect, it } from 'vitest';
import { landingPath, safeCallbackPath, sameOriginUrl } from '@/lib/safe-redirect';

const origin = 'http://localhost:3000';

// Each of these parses as a same-origin URL whose path begins with `//`, which a browser follows off-site.
const OFF_SITE_PATHS = [
  '/.//evil.example/x',
  'http://localhost:3000//evil.example/x',
  '/%2e//evil.example/y',
  '/%2E//evil.example/y',
];

describe('safeCallbackPath', () => {
  it.each([
    [null, '/'],
    ['', '/'],
    ['/admin/audit?actor=3', '/admin/audit?actor=3'],
    ['http://localhost:3000/admin/users#x', '/admin/users#x'],
    ['https://evil.example/phish', '/'],
    ['//evil.example/phish', '/'],
    ['/\\evil.example/phish', '/'],
    ['\\\\evil.example/phish', '/'],
    ['/\t/evil.example/phish', '/'],
    ['/login?callbackUrl=%2F', '/'],
    ['/api/auth/signout', '/'],
    ['javascript:alert(1)', '/'],
    ['/customers/./12', '/customers/12'],
  ])('%s -> %s', (raw, expected) => {
    expect(safeCallbackPath(raw, origin)).toBe(expected);
  });

  it.each(OFF_SITE_PATHS)('never returns a path that leaves the origin: %s', (raw) => {
    const path = safeCallbackPath(raw, origin);
    expect(path).toBe('/');
    expect(new URL(path, origin).origin).toBe(origin);
  });
});

describe('sameOriginUrl (the sign-in server’s redirect rule)', () => {
  it.each(OFF_SITE_PATHS)('sends %s to the origin’s root', (raw) => {
    expect(sameOriginUrl(raw, origin)).toBe(`${origin}/`);
  });

  it('keeps same-origin paths, including the sign-in page the sign-out goes to', () => {
    expect(sameOriginUrl('/login', origin)).toBe(`${origin}/login`);
    expect(sameOriginUrl(`${origin}/customers?q=a`, origin)).toBe(`${origin}/customers?q=a`);
    expect(sameOriginUrl('https://evil.example/', origin)).toBe(`${origin}/`);
  });
});

describe('landingPath', () => {
  it('sends a user back where they came from, or to their role’s home from nowhere or the root', () => {
    expect(landingPath('/admin/audit', origin, 'exec')).toBe('/admin/audit');
    expect(landingPath(null, origin, 'exec')).toBe('/kpis');
    expect(landingPath('http://localhost:3000/', origin, 'exec')).toBe('/kpis');
    expect(landingPath('https://evil.example/', origin, 'exec')).toBe('/kpis');
    expect(landingPath('/.//evil.example/x', origin, 'exec')).toBe('/kpis');
    expect(landingPath(null, origin, 'csm')).toBe('/');
    expect(landingPath(null, origin, undefined)).toBe('/');
  });
});
