import { test, expect } from './fixtures';
import { CustomersPage } from './pages/customers-page';

test('sorting the customer list from the keyboard keeps focus on the column header', async ({ page, signInAs }) => {
  await signInAs('lead');
  const customers = new CustomersPage(page);
  await customers.goto('?owner=any');
  const sortLink = customers.columnHeader('MRR').getByRole('link');
  await sortLink.focus();
  await page.keyboard.press('Enter');
  await expect(customers.columnHeader('MRR')).toHaveAttribute('aria-sort', 'descending');
  await expect(customers.columnHeader('MRR').getByRole('link')).toBeFocused();
});

test('a search keeps focus in the search field', async ({ page, signInAs }) => {
  await signInAs('lead');
  const customers = new CustomersPage(page);
  await customers.goto('?owner=any');
  const search = customers.filters.getByLabel('Search');
  await search.fill('inc');
  await search.press('Enter');
  await expect(page).toHaveURL(/[?&]q=inc/);
  await expect(customers.chip('“inc”')).toBeVisible();
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('inc');
});

test('a refused dialog submit moves focus to the field in error', async ({ page, signInAs }) => {
  await signInAs('lead');
  const customers = new CustomersPage(page);
  await customers.goto('?owner=any');
  await customers.rows.first().getByRole('checkbox').check();
  await customers.bulkActions.getByRole('button', { name: 'Assign owner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign owner' });
  await dialog.getByRole('button', { name: 'Assign owner' }).click();
  const owner = dialog.getByLabel('New owner');
  await expect(owner).toHaveAttribute('aria-invalid', 'true');
  await expect(owner).toBeFocused();
});
