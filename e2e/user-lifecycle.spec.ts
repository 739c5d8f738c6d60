import { test, expect, DEMO_USERS } from './fixtures';
import { AppShell } from './pages/app-shell';
import { AuditPage } from './pages/audit-page';
import { UsersPage } from './pages/users-page';

test.describe.configure({ mode: 'serial' });

const newCsm = {
  name: 'Nia Newcomer',
  email: `nia.${Date.now()}@holdfast.demo`,
  role: 'csm' as const,
  password: 'nia-first-password',
};

test('an admin creates a CSM who can then sign in and sees the CSM navigation', async ({
  page,
  signInAs,
  loginPage,
}) => {
  await signInAs('admin');
  const users = new UsersPage(page);
  await users.goto();
  await users.createUser(newCsm);
  await expect(users.row(newCsm.email)).toContainText(newCsm.name);
  await expect(users.row(newCsm.email)).toContainText('Never');

  const shell = new AppShell(page);
  await shell.signOut(DEMO_USERS.admin.name);
  await loginPage.signIn(newCsm.email, newCsm.password);
  expect(await shell.navLinkLabels()).toEqual(['Overview', 'Customers', 'My work', 'KPIs']);
  const menu = await shell.openUserMenu(newCsm.name);
  await expect(menu).toContainText('Customer success manager');
  await page.keyboard.press('Escape');
  await shell.signOut(newCsm.name);
});

test('the audit log shows who created the user', async ({ page, signInAs }) => {
  await signInAs('admin');
  const audit = new AuditPage(page);
  await audit.goto();
  await audit.filterByAction('user.create');
  const entry = audit.entries(newCsm.email);
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('user.create');
  await expect(entry).toContainText(DEMO_USERS.admin.name);
  await entry.getByText(/Show \d+ changed fields/).click();
  await expect(entry.getByRole('row', { name: /role/ })).toContainText('"csm"');
});

test('a disabled user can no longer sign in', async ({ page, signInAs, loginPage }) => {
  await signInAs('admin');
  const users = new UsersPage(page);
  await users.goto();
  await users.setDisabled(newCsm.email, true);
  await expect(users.row(newCsm.email)).toContainText('Disabled');

  await new AppShell(page).signOut(DEMO_USERS.admin.name);
  await loginPage.signIn(newCsm.email, newCsm.password);
  await loginPage.expectError('Wrong email or password.');
  await expect(page).toHaveURL(/\/login/);
});
