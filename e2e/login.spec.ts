import { test, expect, DEMO_USERS } from './fixtures';

test('a wrong password is refused with a message', async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn(DEMO_USERS.exec.email, 'not-the-password');
  await loginPage.expectError('Wrong email or password.');
  await expect(page).toHaveURL(/\/login/);
});

test('an unknown email gets the same message as a wrong password', async ({ loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn('nobody@holdfast.demo', 'whatever-password');
  await loginPage.expectError('Wrong email or password.');
});

test('a signed-in user visiting the sign-in page is sent to the overview', async ({ page, signInAs }) => {
  await signInAs('lead');
  await page.goto('/login');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
});
