import { expect, type Page } from '@playwright/test';

export class SecurityPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin/security');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Security log' })).toBeVisible();
  }

  /** Filters by a user, chosen by the email in their option's label. */
  async filterByUser(email: string) {
    const select = this.page.getByLabel('User', { exact: true });
    const value = await select.locator('option', { hasText: email }).getAttribute('value');
    await select.selectOption(value!);
    await this.page.getByRole('button', { name: 'Apply' }).click();
    await expect(this.page).toHaveURL(new RegExp(`user=${value}`));
  }

  rows(text: string | RegExp) {
    return this.page
      .getByRole('table', { name: /Security events/ })
      .locator('tbody > tr')
      .filter({ hasText: text });
  }
}
