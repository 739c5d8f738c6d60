import { test, expect } from './fixtures';
import { CustomersPage } from './pages/customers-page';

// Every column, so that the table is wider than any window.
const ALL_COLUMNS =
  '?owner=any&cols=name,company,owner,stage,mrr,risk,lastActivity,segment,plan,country,loyalty,acquiredAt';

test('at 1,440 px only the customer table scrolls sideways, never the page', async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs('lead');
  const customers = new CustomersPage(page);
  await customers.goto(ALL_COLUMNS);
  await expect(customers.rows.first()).toBeVisible();

  expect(await customers.pageScrollWidth()).toBeLessThanOrEqual(1440);
  const scroller = await customers.tableScroller();
  expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
});

test('the Columns dialog hides an unticked column and keeps the others in order', async ({ page, signInAs }) => {
  await signInAs('lead');
  const customers = new CustomersPage(page);
  await customers.goto('?owner=any');
  await expect(customers.columnHeader('Company')).toBeVisible();

  const dialog = await customers.openColumns();
  await dialog.getByRole('checkbox', { name: 'Company', exact: true }).uncheck();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/cols=name%2Cowner%2C|cols=name,owner,/);

  await expect(customers.columnHeader('Company')).toHaveCount(0);
  const headers = await customers.headerLabels();
  expect(headers).not.toContain('company');
  expect(headers.slice(0, 4)).toEqual(['', 'name', 'owner', 'stage']);
});

test('at 390 px the list is a column of cards that link to profiles and can be selected for bulk actions', async ({
  page,
  signInAs,
}) => {
  await signInAs('lead');
  await page.setViewportSize({ width: 390, height: 844 });
  const customers = new CustomersPage(page);
  await customers.goto('?owner=any&sort=name&size=25');

  expect(await customers.pageScrollWidth()).toBeLessThanOrEqual(390);
  await expect(customers.table).toBeHidden();
  await expect(customers.cards).toHaveCount(25);
  const card = customers.cards.first();
  const box = await card.boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  await expect(card.getByText('Owner', { exact: true })).toBeVisible();
  await expect(card.getByText('MRR', { exact: true })).toBeVisible();

  await card.getByRole('checkbox').check();
  await customers.cards.nth(1).getByRole('checkbox').check();
  await expect(customers.bulkActions).toContainText('2 customers selected');
  await expect(customers.bulkActions.getByRole('button', { name: 'Assign owner' })).toBeVisible();
  expect(await customers.pageScrollWidth()).toBeLessThanOrEqual(390);

  // No headers to click: the sort is a menu of the same links.
  await page.getByRole('button', { name: /^Sort: Name/ }).click();
  await page.getByRole('menuitem', { name: /^MRR/ }).click();
  await expect(page).toHaveURL(/sort=mrr&dir=desc/);
  await expect(page.getByRole('button', { name: 'Sort: MRR, descending' })).toBeVisible();

  const name = (await card.getByRole('link').first().innerText()).trim();
  await card.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});
