import { test, expect } from './fixtures';
import { CustomersPage } from './pages/customers-page';

// Every column, so that the table is wider than any window.
const ALL_COLUMNS = '?owner=any&cols=name,company,owner,stage,mrr,risk,lastActivity,segment,plan,country,loyalty,acquiredAt';

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
