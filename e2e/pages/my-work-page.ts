import { expect, type Page } from '@playwright/test';

/** The signed-in user's open tasks at /my-work, grouped Overdue / Due today / Upcoming. */
export class MyWorkPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/my-work');
    await expect(this.page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  }

  /** Every task row, across the three groups, in page order. */
  get tasks() {
    return this.page.getByRole('main').getByRole('listitem');
  }

  /** The first task that is about a customer: its title and the link to the customer's profile. */
  async firstCustomerTask(): Promise<{ title: string; customerHref: string; customerName: string }> {
    const row = this.tasks.filter({ has: this.page.locator('a[href^="/customers/"]') }).first();
    await expect(row).toBeVisible();
    const link = row.locator('a[href^="/customers/"]');
    return {
      title: (await row.locator('p').first().innerText()).trim(),
      customerHref: (await link.getAttribute('href'))!,
      customerName: (await link.innerText()).trim(),
    };
  }

  row(title: string) {
    return this.tasks.filter({ hasText: title });
  }

  async complete(title: string, outcome: string) {
    await this.page
      .getByRole('button', { name: `Complete “${title}”` })
      .first()
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Complete task' });
    await dialog.getByLabel('Outcome').fill(outcome);
    await dialog.getByRole('button', { name: 'Mark as done' }).click();
    await expect(dialog).toBeHidden();
  }
}
