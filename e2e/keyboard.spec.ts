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

test('the count of matching customers is announced when a search changes it', async ({ page, signInAs }) => {
  await signInAs('lead');
  const customers = new CustomersPage(page);
  await customers.goto('?owner=any');
  const count = page.getByRole('status').filter({ hasText: /^Showing \d+ of / });
  const before = await count.innerText();
  await customers.search('inc');
  await expect(count).toHaveText(/^Showing \d+ of (about )?[\d,]+ customers?$/);
  await expect(count).not.toHaveText(before);
});

test('selecting customers announces how many are selected', async ({ page, signInAs }) => {
  await signInAs('exec');
  const customers = new CustomersPage(page);
  await customers.goto('?owner=any');
  await customers.rows.nth(0).getByRole('checkbox').check();
  await expect(page.getByRole('status').filter({ hasText: /^1 customer selected$/ })).toHaveCount(1);
  await customers.rows.nth(1).getByRole('checkbox').check();
  await expect(page.getByRole('status').filter({ hasText: /^2 customers selected$/ })).toHaveCount(1);
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

test('selecting tasks to reassign announces how many are selected', async ({ page, signInAs }) => {
  await signInAs('lead');
  await page.goto('/team');
  const form = page.getByRole('form', { name: /^Reassign tasks of / });
  await form
    .getByRole('checkbox', { name: /^Select “/ })
    .first()
    .check();
  await expect(page.getByRole('status').filter({ hasText: /^1 task selected$/ })).toHaveCount(1);
});
