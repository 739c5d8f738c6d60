import { test, expect } from './fixtures';
import { CustomerProfilePage } from './pages/customer-profile-page';
import { MyWorkPage } from './pages/my-work-page';

test('a CSM opens one of their customers, logs a call, and completes a task from My work', async ({
  page,
  signInAs,
}) => {
  await signInAs('csm');
  const myWork = new MyWorkPage(page);
  await myWork.goto();
  // The seeded CSM has open tasks on accounts they own; the first one leads to such an account.
  const task = await myWork.firstCustomerTask();
  expect(task.customerHref).toMatch(/^\/customers\/\d+$/);

  const profile = new CustomerProfilePage(page);
  await profile.goto(task.customerHref);
  await expect(profile.heading).toHaveText(task.customerName);
  const subject = `Renewal call ${Date.now()}`;
  await profile.logActivity({ kind: 'Call', subject, outcome: 'Agreed to renew' });
  const entry = profile.timelineEntry(`Call: ${subject}`);
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Outcome: Agreed to renew');
  await expect(entry).toContainText('by Cam CSM');

  await myWork.goto();
  const remaining = await myWork.tasks.count();
  await myWork.complete(task.title, 'Walked them through activation');
  await expect(myWork.tasks).toHaveCount(remaining - 1);

  // The completed task now shows on the account as closed, with its outcome.
  await profile.goto(task.customerHref);
  await page.getByText(/^Recently closed/).click();
  await expect(
    page
      .getByRole('list', { name: 'Recently closed tasks' })
      .getByRole('listitem')
      .filter({ hasText: task.title })
      .first(),
  ).toContainText('Outcome: Walked them through activation');
});

test('an executive reads a profile with no write controls, and has no work queues', async ({ page, signInAs }) => {
  await signInAs('exec');
  const profile = new CustomerProfilePage(page);
  // The e2e database is freshly seeded, so customer ids start at 1.
  await profile.goto('/customers/1');
  await expect(profile.heading).toBeVisible();
  await expect(profile.timeline).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Contact and consent' })).toBeVisible();

  await expect(profile.activityForm).toHaveCount(0);
  await expect(profile.main.getByRole('textbox')).toHaveCount(0);
  await expect(profile.main.getByRole('combobox')).toHaveCount(0);
  await expect(profile.main.getByRole('button')).toHaveCount(0);
  await expect(page.getByText('New task')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Personal data' })).toHaveCount(0);

  for (const path of ['/my-work', '/team']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
  }
});
