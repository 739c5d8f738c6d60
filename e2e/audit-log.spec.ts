import { test, expect } from './fixtures';
import { AuditPage } from './pages/audit-page';

test('malformed audit filters fall back to the unfiltered log instead of failing', async ({ page, signInAs }) => {
  await signInAs('admin');
  const response = await page.goto(
    '/admin/audit?actor=1%20or%201%3D1&entity=nope&from=2025-02-30&after=junk&before=%27',
  );
  expect(response?.status()).toBe(200);
  const audit = new AuditPage(page);
  await expect(audit.entries('seed.run')).toHaveCount(1);
});

test('filters live in the URL and a filter that matches nothing says so', async ({ page, signInAs }) => {
  await signInAs('admin');
  const audit = new AuditPage(page);
  await audit.goto('?from=2000-01-01&to=2000-01-31');
  await expect(page.getByText('No entries match these filters')).toBeVisible();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2000-01-01');
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('');
  await audit.filterByAction('seed.run');
  await expect(audit.entries('Loaded demo data')).toHaveCount(1);
});
