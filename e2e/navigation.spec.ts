import { test, expect, DEMO_USERS, E2E_PASSWORD } from './fixtures';
import { AppShell } from './pages/app-shell';

const EXPECTED = {
  admin: ['Overview', 'Customers', 'My work', 'Team', 'KPIs', 'Imports', 'Users', 'Audit log', 'Security log'],
  lead: ['Overview', 'Customers', 'My work', 'Team', 'KPIs', 'Imports'],
  csm: ['Overview', 'Customers', 'My work', 'KPIs'],
  exec: ['Overview', 'Customers', 'KPIs'],
} as const;

for (const [role, sections] of Object.entries(EXPECTED) as [keyof typeof EXPECTED, readonly string[]][]) {
  test(`the ${role} sees exactly their sections in the Main navigation`, async ({ page, signInAs }) => {
    await signInAs(role);
    const shell = new AppShell(page);
    expect(await shell.navLinkLabels()).toEqual(sections);
    const menu = await shell.openUserMenu(DEMO_USERS[role].name);
    await expect(menu).toContainText(DEMO_USERS[role].email);
  });
}

test('on a phone the navigation sits behind a menu button', async ({ page, loginPage }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginPage.goto();
  await loginPage.signIn(DEMO_USERS.admin.email, E2E_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const shell = new AppShell(page);
  await expect(shell.mainNav).toBeHidden();
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await shell.mainNav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(shell.mainNav).toBeHidden();
});
