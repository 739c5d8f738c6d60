import { test, expect, DEMO_USERS, E2E_PASSWORD } from './fixtures';
import { LoginPage } from './pages/login-page';
import { SecurityPage } from './pages/security-page';

test('an admin reads sign-ins, with the connection’s address, and refused pages in the security log', async ({
  browser,
  page,
  signInAs,
}) => {
  // The client writes its own X-Forwarded-For: it must not become the recorded address.
  const csm = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.99' } });
  try {
    const csmPage = await csm.newPage();
    const login = new LoginPage(csmPage);
    await login.goto();
    await login.signIn(DEMO_USERS.csm.email, E2E_PASSWORD);
    await expect(csmPage.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect((await csmPage.goto('/admin/users'))?.status()).toBe(403);
  } finally {
    await csm.close();
  }

  await signInAs('admin');
  const log = new SecurityPage(page);
  await log.goto();
  await log.filterByUser(DEMO_USERS.csm.email);
  const signIn = log.rows('Signed in').first();
  await expect(signIn).toContainText(DEMO_USERS.csm.email);
  await expect(signIn).toContainText(/127\.0\.0\.1|::1/);
  await expect(signIn).not.toContainText('203.0.113.99');
  const refused = log.rows('Refused: no permission').first();
  await expect(refused).toContainText('users.manage');
  await expect(refused).toContainText('Page');
});
