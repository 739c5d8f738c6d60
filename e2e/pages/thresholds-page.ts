import { expect, type Page } from '@playwright/test';

/** Churn thresholds per segment: read by everyone, edited by admins. */
export class ThresholdsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/kpis/thresholds');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Churn thresholds' })).toBeVisible();
  }

  form(segmentLabel: string) {
    return this.page.getByRole('form', { name: `Churn thresholds of ${segmentLabel}` });
  }

  get saveButtons() {
    return this.page.getByRole('button', { name: 'Save' });
  }

  async fill(segmentLabel: string, values: { target: string; watch: string }) {
    const form = this.form(segmentLabel);
    await form.getByLabel('On target up to (%)').fill(values.target);
    await form.getByLabel('Watch up to (%)').fill(values.watch);
    await form.getByRole('button', { name: 'Save' }).click();
  }
}
