import { test, expect, DEMO_USERS, E2E_PASSWORD } from './fixtures';

const ADMIN_PAGES = ['/admin/users', '/admin/audit', '/admin/security'];

for (const role of ['exec', 'csm'] as const) {
  test(`the ${role} gets the 403 page on the admin pages`, async ({ page, signInAs }) => {
    await signInAs(role);
    for (const path of ADMIN_PAGES) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Back to Overview' })).toHaveAttribute('href', '/');
    }
  });
}

test('a signed-out visitor is sent to sign in and then on to the page asked for', async ({ page, loginPage }) => {
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await loginPage.signIn(DEMO_USERS.admin.email, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
});

test('unknown addresses show the not-found page', async ({ page, signInAs }) => {
  await signInAs('csm');
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
