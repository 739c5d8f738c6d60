import { expect, type Page } from '@playwright/test';

export class AuditPage {
  constructor(private readonly page: Page) {}

  async goto(search = '') {
    await this.page.goto(`/admin/audit${search}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  }

  async filterByAction(action: string) {
    await this.page.getByLabel('Action', { exact: true }).selectOption(action);
    await this.page.getByRole('button', { name: 'Apply' }).click();
    await expect(this.page).toHaveURL(new RegExp(`action=${action.replace('.', '\\.')}`));
  }

  /** Entry rows that mention the text anywhere, including their collapsed changes (but not the rows of those). */
  entries(text: string) {
    return this.page
      .getByRole('table', { name: /Audit log entries/ })
      .locator(':scope > tbody > tr')
      .filter({ hasText: text });
  }
}
