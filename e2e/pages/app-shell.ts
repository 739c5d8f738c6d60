import { expect, type Page } from '@playwright/test';

/** The signed-in frame: Main navigation and the user menu. */
export class AppShell {
  constructor(private readonly page: Page) {}

  get mainNav() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async navLinkLabels(): Promise<string[]> {
    await expect(this.mainNav).toBeVisible();
    return (await this.mainNav.getByRole('link').allInnerTexts()).map((text) => text.trim());
  }

  async openUserMenu(name: string) {
    const menu = this.page.getByRole('menu');
    // A click that lands before the page has hydrated is lost on a busy machine: click again until it opens.
    await expect(async () => {
      if (!(await menu.isVisible())) await this.page.getByRole('button', { name: new RegExp(name) }).click();
      await expect(menu).toBeVisible({ timeout: 2_000 });
    }).toPass();
    return menu;
  }

  async signOut(name: string) {
    const menu = await this.openUserMenu(name);
    await menu.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(this.page).toHaveURL(/\/login/);
  }

  async openChangePassword(name: string) {
    const menu = await this.openUserMenu(name);
    await menu.getByRole('menuitem', { name: 'Change password' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Change password' })).toBeVisible();
  }
}
