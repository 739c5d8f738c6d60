import { test as base, expect } from '@playwright/test';
import type { Role } from '../lib/auth/roles';
import { LoginPage } from './pages/login-page';
import { DEMO_USERS, E2E_PASSWORD } from './users';

type Fixtures = {
  loginPage: LoginPage;
  /** Signs in through the real login form as the demo user of a role and waits for the app shell. */
  signInAs: (role: Role) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  loginPage: async ({ page }, use) => {
    await use(new LoginPage(page));
  },
  signInAs: async ({ page, loginPage }, use) => {
    await use(async (role) => {
      await loginPage.goto();
      await loginPage.signIn(DEMO_USERS[role].email, E2E_PASSWORD);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    });
  },
});

export { expect, DEMO_USERS, E2E_PASSWORD };
