import type { Browser } from '@playwright/test';
import { test, expect, DEMO_USERS } from './fixtures';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import { UsersPage } from './pages/users-page';

test.describe.configure({ mode: 'serial' });

const person = {
  name: 'Pat Password',
  email: `pat.${Date.now()}@holdfast.demo`,
  role: 'exec' as const,
  password: 'pat-first-password',
};
const second = 'pat-second-password';

/** Signs in as the person in a browser of their own and hands over its page. */
async function asPerson(
  browser: Browser,
  password: string,
  use: (login: LoginPage, page: import('@playwright/test').Page) => Promise<void>,
) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(person.email, password);
    await use(login, page);
  } finally {
    await context.close();
  }
}

test('an executive changes their own password from the account menu', async ({ browser, page, signInAs }) => {
  await signInAs('admin');
  const users = new UsersPage(page);
  await users.goto();
  await users.createUser(person);

  await asPerson(browser, person.password, async (login, personal) => {
    const shell = new AppShell(personal);
    await shell.openChangePassword(person.name);
    await personal.getByLabel('Current password').fill('not-my-password');
    await personal.getByLabel('New password', { exact: true }).fill(second);
    await personal.getByLabel('New password again').fill(second);
    await personal.getByRole('button', { name: 'Change password' }).click();
    await expect(personal.getByText('That is not your current password.').first()).toBeVisible();
    await personal.getByLabel('Current password').fill(person.password);
    await personal.getByRole('button', { name: 'Change password' }).click();
    await expect(personal.getByRole('status')).toContainText('Your password was changed.');
    await shell.signOut(person.name);
    await login.signIn(person.email, person.password);
    await login.expectError('Wrong email or password.');
    await login.signIn(person.email, second);
    await expect(personal.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });
});

test('an admin unlocks a locked-out account and resets its password, shown once', async ({
  browser,
  page,
  signInAs,
}) => {
  await asPerson(browser, 'wrong-1', async (login) => {
    for (let i = 2; i <= 5; i++) await login.signIn(person.email, `wrong-${i}`);
    await login.signIn(person.email, second);
    await login.expectError(/Too many failed sign-in attempts/);
  });

  await signInAs('admin');
  const users = new UsersPage(page);
  await users.goto();
  await expect(users.row(person.email)).toContainText('Locked until');
  await users.unlock(person.email);
  const password = await users.resetPassword(person.email);
  expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
  await expect(users.row(DEMO_USERS.admin.email).getByRole('button', { name: 'Reset password' })).toHaveCount(0);

  await asPerson(browser, password, async (_login, personal) => {
    await expect(personal.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });
});
