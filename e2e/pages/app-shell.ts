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
    await this.page.getByRole('button', { name: new RegExp(name) }).click();
    return this.page.getByRole('menu');
  }

  async signOut(name: string) {
    const menu = await this.openUserMenu(name);
    await menu.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(this.page).toHaveURL(/\/login/);
  }
}
