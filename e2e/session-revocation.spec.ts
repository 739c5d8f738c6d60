import { test, expect, DEMO_USERS } from './fixtures';
import { AppShell } from './pages/app-shell';
import { UsersPage } from './pages/users-page';
import { captureServerAction, replayServerAction } from './server-actions';

// Signing out must end the session on the server: a copy of the cookie taken before is refused everywhere after.
test('a cookie copied before sign-out is refused afterwards by a page, a route handler and a server action', async ({
  page,
  browser,
  signInAs,
}) => {
  const email = `after.signout.${Date.now()}@holdfast.demo`;
  await signInAs('admin');
  const users = new UsersPage(page);
  await users.goto();
  await users.fillCreateForm({ name: 'After Sign Out', email, role: 'admin', password: 'after-signout-password' });
  const action = await captureServerAction(page, '**/admin/users', () => users.createButton.click());

  const copied = await page.context().cookies();
  const thief = await browser.newContext();
  try {
    await thief.addCookies(copied);
    // While the session lives, the copy works like the original.
    expect((await thief.request.get('/customers/export?ids=1', { maxRedirects: 0 })).status()).toBe(200);

    await new AppShell(page).signOut(DEMO_USERS.admin.name);

    const thiefPage = await thief.newPage();
    await thiefPage.goto('/admin/users');
    await expect(thiefPage).toHaveURL(/\/login/);
    await expect(thiefPage.getByRole('button', { name: 'Sign in' })).toBeVisible();

    const route = await thief.request.get('/customers/export?ids=1', { maxRedirects: 0 });
    expect(route.status()).toBe(401);

    const replay = await replayServerAction(thief.request, action);
    expect(await replay.text()).toContain('Your session has expired. Please sign in again.');
  } finally {
    await thief.close();
  }

  await signInAs('admin');
  await users.goto();
  await expect(users.row(DEMO_USERS.admin.email)).toBeVisible();
  await expect(users.row(email)).toHaveCount(0);
});
