import { test, expect, DEMO_USERS, E2E_PASSWORD } from './fixtures';
import { LoginPage } from './pages/login-page';
import { CustomersPage } from './pages/customers-page';
import { captureServerAction, replayServerAction } from './server-actions';

const money = (text: string) => Number(text.replace(/[^0-9.]/g, ''));

// Each test walks a whole workflow across several page loads: a budget for slow shared machines, not a speed check.
test.describe.configure({ timeout: 90_000 });

test('a CSM filters, sorts, searches, saves a view and reopens it from its URL', async ({ page, signInAs }) => {
  await signInAs('csm');
  const customers = new CustomersPage(page);
  await customers.goto();

  // "My accounts" is where a CSM starts.
  await expect(customers.filters.getByLabel('Owner')).toHaveValue('me');
  expect(new Set(await customers.columnValues('Owner'))).toEqual(new Set([DEMO_USERS.csm.name]));

  await customers.filter('Segment', 'B2B SMB');
  await expect(page).toHaveURL(/segment=b2b_smb/);
  await expect(customers.chip('Segment: B2B SMB')).toBeVisible();
  expect(new Set(await customers.columnValues('Segment'))).toEqual(new Set(['B2B SMB']));

  await customers.sortBy('MRR');
  await expect(page).toHaveURL(/sort=mrr&dir=desc/);
  await expect(customers.columnHeader('MRR')).toHaveAttribute('aria-sort', 'descending');
  const mrr = (await customers.columnValues('MRR')).map(money);
  expect(mrr.length).toBeGreaterThan(1);
  expect(mrr).toEqual([...mrr].sort((a, b) => b - a));

  const name = (await customers.columnValues('Name'))[0].split('\n')[0];
  const fragment = name.slice(0, 6).trim();
  await customers.search(fragment);
  await expect(customers.rows.first()).toContainText(name);
  for (const row of await customers.columnValues('Name')) expect(row.toLowerCase()).toContain(fragment.toLowerCase());
  await expect(customers.columnHeader('MRR')).toHaveAttribute('aria-sort', 'descending');

  const viewUrl = await customers.saveView('My SMB accounts by MRR');

  // Elsewhere, then back by the view's link alone: the filters, search and sort come back with it.
  await customers.goto('?owner=any');
  await expect(customers.chip('Segment')).toHaveCount(0);
  await page.goto(`/customers${viewUrl}`);
  await expect(customers.viewsButton).toHaveAccessibleName('Views: My SMB accounts by MRR');
  await expect(customers.chip('Segment: B2B SMB')).toBeVisible();
  await expect(customers.filters.getByLabel('Search')).toHaveValue(fragment);
  await expect(customers.filters.getByLabel('Owner')).toHaveValue('me');
  await expect(customers.columnHeader('MRR')).toHaveAttribute('aria-sort', 'descending');
  await expect(customers.rows.first()).toContainText(name);

  // The name opens the customer's profile.
  await customers.rows.first().getByRole('link', { name }).click();
  await expect(page).toHaveURL(/\/customers\/\d+/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('a lead assigns 50 customers to another owner in one action', async ({ page, signInAs }) => {
  await signInAs('lead');
  const customers = new CustomersPage(page);
  await customers.goto('?sort=country&size=50');
  await expect(customers.rows).toHaveCount(50);
  const names = await customers.columnValues('Name');

  await customers.selectAllOnPage();
  await expect(customers.bulkActions).toContainText('50 customers selected');
  const dialog = await customers.startAssigningOwner('Noor Nasser (csm2@holdfast.demo)');
  await expect(
    dialog.getByRole('checkbox', { name: 'Move the previous owners’ open tasks on these accounts too' }),
  ).toBeChecked();
  await dialog.getByRole('button', { name: 'Assign owner' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Noor Nasser now owns' })).toBeVisible();

  await expect(customers.bulkActions).toBeHidden();
  // The status shows as the action returns; the refreshed rows arrive just after it.
  await expect.poll(async () => new Set(await customers.columnValues('Owner'))).toEqual(new Set(['Noor Nasser']));
  expect(await customers.columnValues('Name')).toEqual(names);
});

test('an executive has no bulk-assign controls, and the assign action refuses them on the server', async ({
  page,
  browser,
  signInAs,
}) => {
  await signInAs('exec');
  const customers = new CustomersPage(page);
  await customers.goto('?sort=name');
  await customers.rows.first().getByRole('checkbox').check();
  await expect(customers.bulkActions).toBeVisible();
  await expect(customers.bulkActions.getByRole('link', { name: 'Export CSV' })).toBeVisible();
  await expect(customers.bulkActions.getByRole('button', { name: 'Assign owner' })).toHaveCount(0);
  await expect(customers.bulkActions.getByRole('button', { name: 'Create tasks' })).toHaveCount(0);
  await customers.viewsButton.click();
  await expect(page.getByRole('menuitem', { name: 'Save current view…' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // A lead's assign request, captured before it reaches the server and replayed with the executive's session.
  const leadContext = await browser.newContext();
  try {
    const leadPage = await leadContext.newPage();
    const login = new LoginPage(leadPage);
    await login.goto();
    await login.signIn(DEMO_USERS.lead.email, E2E_PASSWORD);
    await expect(leadPage.getByRole('navigation', { name: 'Main' })).toBeVisible();
    const leadList = new CustomersPage(leadPage);
    await leadList.goto('?sort=name');
    const target = (await leadList.columnValues('Name'))[0].split('\n')[0];
    const ownerBefore = (await leadList.columnValues('Owner'))[0];
    await leadList.rows.first().getByRole('checkbox').check();
    const dialog = await leadList.startAssigningOwner('Leo Lead (lead@holdfast.demo)');
    const action = await captureServerAction(leadPage, '**/customers**', () =>
      dialog.getByRole('button', { name: 'Assign owner' }).click(),
    );

    const response = await replayServerAction(page.context().request, action);
    expect(await response.text()).toContain('You do not have permission to do that.');

    await customers.goto('?sort=name');
    expect((await customers.columnValues('Name'))[0]).toContain(target);
    expect((await customers.columnValues('Owner'))[0]).toBe(ownerBefore);
  } finally {
    await leadContext.close();
  }
});
