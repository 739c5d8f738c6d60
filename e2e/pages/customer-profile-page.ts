import { expect, type Page } from '@playwright/test';

/** The customer 360 at /customers/:id. */
export class CustomerProfilePage {
  constructor(private readonly page: Page) {}

  async goto(path: string) {
    await this.page.goto(path);
    await expect(this.page.getByRole('navigation', { name: 'Breadcrumb' })).toBeVisible();
  }

  get main() {
    return this.page.getByRole('main');
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get activityForm() {
    return this.page.getByRole('form', { name: 'Log an activity' });
  }

  get timeline() {
    return this.page.getByRole('region', { name: 'Timeline' });
  }

  async logActivity({
    kind,
    subject,
    outcome,
  }: {
    kind: 'Call' | 'Email' | 'Meeting' | 'Note';
    subject: string;
    outcome?: string;
  }) {
    const form = this.activityForm;
    await form.getByText(kind, { exact: true }).click();
    await form.getByLabel('Subject').fill(subject);
    if (outcome) await form.getByLabel('Outcome (optional)').fill(outcome);
    await form.getByRole('button', { name: 'Log activity' }).click();
    await expect(form.getByRole('status')).toContainText(`${kind} logged.`);
  }

  timelineEntry(text: string) {
    return this.timeline.getByRole('listitem').filter({ hasText: text });
  }
}
