import { expect, type Page } from '@playwright/test';

/** The customers behind one KPI number in one month. */
export class KpiDrilldownPage {
  constructor(private readonly page: Page) {}

  async expectList(title: RegExp) {
    await expect(this.page).toHaveURL(/\/kpis\/customers\?/);
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /** The number on the KPI page this list is made of. */
  async value(): Promise<number> {
    return Number((await this.page.getByTestId('drilldown-value').innerText()).replace(/[^\d.-]/g, ''));
  }

  get rows() {
    return this.page.getByRole('table', { name: /^Customers in this list/ }).locator('tbody tr');
  }

  get csvLink() {
    return this.page.getByRole('link', { name: 'Download CSV' });
  }

  get emptyState() {
    return this.page.getByText('No customers in this list');
  }

  async backToKpis() {
    await this.page.getByRole('link', { name: 'Back to KPIs' }).click();
  }
}
