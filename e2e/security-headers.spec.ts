import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIResponse, Page } from '@playwright/test';
import { test, expect, DEMO_USERS } from './fixtures';
import { AppShell } from './pages/app-shell';
import { KpisPage } from './pages/kpis-page';

const FIXED_HEADERS = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(FIXED_HEADERS)) expect(headers[name], `${name} of ${what}`).toBe(value);
  expect(headers['permissions-policy'], `permissions-policy of ${what}`).toContain('camera=()');
  const policy = headers['content-security-policy'] ?? '';
  expect(policy, `content-security-policy of ${what}`).toContain("frame-ancestors 'none'");
  return policy;
}

function expectDocumentPolicy(policy: string, what: string) {
  const scripts = policy.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
  expect(scripts, `script-src of ${what}`).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scripts, `script-src of ${what}`).not.toContain('unsafe-inline');
}

test('pages, route handlers, static files and the 403 and 404 pages carry the security headers', async ({
  page,
  signInAs,
}) => {
  const login = await page.request.get('/login');
  expectDocumentPolicy(expectSecurityHeaders(login, '/login'), '/login');
  const asset = (await login.text()).match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(asset, 'a script of the sign-in page').toBeTruthy();
  expectSecurityHeaders(await page.request.get(asset!), 'a static script');
  expectSecurityHeaders(await page.request.get('/api/health'), '/api/health');
  expectSecurityHeaders(await page.request.get('/api/auth/session'), '/api/auth/session');
  expectSecurityHeaders(await page.request.get('/api/imports/uploads', { maxRedirects: 0 }), '/api/imports/uploads');
  expectSecurityHeaders(await page.request.get('/customers', { maxRedirects: 0 }), 'the sign-in redirect');

  await signInAs('csm');
  for (const path of ['/', '/customers', '/kpis']) {
    const response = await page.request.get(path);
    expect(response.status()).toBe(200);
    expectDocumentPolicy(expectSecurityHeaders(response, path), path);
  }
  const notFound = await page.request.get('/no/such/page');
  expect(notFound.status()).toBe(404);
  expectDocumentPolicy(expectSecurityHeaders(notFound, 'the 404 page'), 'the 404 page');
  const forbidden = await page.request.get('/admin/users');
  expect(forbidden.status()).toBe(403);
  expectDocumentPolicy(expectSecurityHeaders(forbidden, 'the 403 page'), 'the 403 page');
  expectSecurityHeaders(await page.request.get('/customers/export?owner=me'), 'the customer export');
  expectSecurityHeaders(await page.request.get('/api/exports/kpis'), 'the KPI export');

  const first = expectSecurityHeaders(await page.request.get('/'), 'overview');
  const second = expectSecurityHeaders(await page.request.get('/'), 'overview');
  expect(first, 'a new nonce for every request').not.toBe(second);
});

test('the sign-in page does not render inside another site’s frame', async ({ page, baseURL }) => {
  // Another origin on this machine (the browser refuses a public page framing a local one on its own).
  const elsewhere = http.createServer((_request, response) => {
    response.setHeader('Content-Type', 'text/html');
    response.end(`<!doctype html><title>Elsewhere</title><iframe src="${baseURL}/login"></iframe>`);
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = elsewhere.address() as AddressInfo;
    const framed = page.waitForResponse(`${baseURL}/login`);
    await page.goto(`http://127.0.0.1:${port}/`);
    expect((await framed).status()).toBe(200);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    // Refused, the frame shows the browser's error page; the sign-in form must never render in it.
    await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
    await expect(page.frameLocator('iframe').getByLabel('Password')).toHaveCount(0);
  } finally {
    await new Promise((resolve) => elsewhere.close(resolve));
  }
});

/** Collects what the browser refuses under the page's policy (reported as events and as console errors). */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} refused ${event.blockedURI || 'inline'} on ${location.pathname}`,
      );
    });
  });
  return violations;
}

const MAIN_PAGES = [
  '/',
  '/customers',
  '/customers/1',
  '/my-work',
  '/team',
  '/kpis',
  '/kpis/thresholds',
  '/imports',
  '/admin/users',
  '/admin/audit',
];

test('no page logs a Content-Security-Policy violation', async ({ page, signInAs }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await signInAs('admin');
  const shell = new AppShell(page);
  for (const path of MAIN_PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  // Menus, dialogs and popovers add their own styles when they open; charts draw after hydration.
  await page.goto('/');
  await (await shell.openUserMenu(DEMO_USERS.admin.name)).press('Escape');
  const kpis = new KpisPage(page);
  await kpis.goto();
  const formula = await kpis.openFormula('Logo churn rate');
  await formula.getByRole('link', { name: /^Churned customers \(C\) in / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Churned customers/ })).toBeVisible();
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect(violations).toEqual([]);
});
