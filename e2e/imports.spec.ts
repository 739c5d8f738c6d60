import fs from 'node:fs';
import path from 'node:path';
import { writeTelcoCsv } from '../tests/helpers/telco-shaped';
import { test, expect, DEMO_USERS } from './fixtures';
import { AppShell } from './pages/app-shell';
import { ImportsPage } from './pages/imports-page';

test('a lead imports Telco-shaped customers: mapping, preview, live progress, counts and history', async ({
  page,
  signInAs,
}, testInfo) => {
  test.setTimeout(120_000);
  const file = testInfo.outputPath('telco-customer-churn.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const rows = writeTelcoCsv(file, 1_500);
  const [first] = rows;
  await signInAs('lead');
  await new AppShell(page).mainNav.getByRole('link', { name: 'Imports' }).click();
  const imports = new ImportsPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Imports' })).toBeVisible();

  await imports.upload(file, 'telco-customer-churn.csv');
  await expect(imports.kind).toHaveValue('customers');
  await imports.map('customerID', 'id');
  await imports.map('Churn', 'churned');
  await imports.map('tenure', 'tenure_months');
  await expect(imports.mapping('gender')).toHaveValue('-');
  await imports.previewSettled();
  await expect(imports.previewStep).toContainText('The first 20 rows: 20 valid, 0 with problems.');
  await expect(imports.previewTable.getByRole('row').filter({ hasText: first.customerID })).toContainText(first.gender);

  // A wrong mapping shows its problems on the offending cells before anything runs.
  await imports.map('gender', 'email');
  await expect(imports.invalidCells).toHaveCount(20);
  await expect(imports.invalidCells.first()).toContainText('Not a valid email address.');
  await imports.map('gender', '-');
  await expect(imports.invalidCells).toHaveCount(0);
  await imports.previewSettled();

  await imports.start('Run import');
  await expect(imports.count('Rows read')).toHaveText('1,500', { timeout: 90_000 });
  await expect(imports.progress).toHaveCount(0);
  await expect(imports.count('Inserted')).toHaveText('1,500');
  await expect(imports.count('Updated')).toHaveText('0');
  await expect(imports.count('Rejected')).toHaveText('0');
  // Churned customers still carry their last monthly charge: kept, and said so with a count.
  const churned = rows.filter((r) => r.Churn === 'Yes').length;
  await expect(page.getByRole('region', { name: 'Warnings' })).toContainText(
    `${churned.toLocaleString('en-US')} churned customers have an MRR above 0`,
  );

  const row = imports.historyRow('telco-customer-churn.csv');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(DEMO_USERS.lead.name);
  await expect(row).toContainText('Customers');
  await expect(row).toContainText('Succeeded');
  await expect(row).toContainText('1,500');
  await expect(row.getByRole('link', { name: /Download the error report/ })).toBeVisible();
});

for (const role of ['csm', 'exec'] as const) {
  test(`the ${role} can neither reach the Imports page nor upload`, async ({ page, signInAs }) => {
    await signInAs(role);
    expect(await new AppShell(page).navLinkLabels()).not.toContain('Imports');
    const response = await page.goto('/imports');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();

    const upload = await page.request.post('/api/imports/uploads', {
      data: 'id\nA\n',
      headers: { 'content-type': 'text/csv', 'x-filename': 'sneaky.csv' },
    });
    expect(upload.status()).toBe(403);
    expect(await upload.json()).toEqual({ error: 'You do not have permission to do that.' });
  });
}
