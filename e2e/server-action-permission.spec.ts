import { test, expect, DEMO_USERS, E2E_PASSWORD } from './fixtures';
import { LoginPage } from './pages/login-page';
import { UsersPage } from './pages/users-page';
import { captureServerAction, replayServerAction } from './server-actions';

// Hiding the Users page from a CSM is not the check: the server action itself must refuse them.
test('a create-user action replayed with a CSM session is refused on the server', async ({
  page,
  browser,
  signInAs,
}) => {
  const email = `replayed.${Date.now()}@holdfast.demo`;
  await signInAs('admin');
  const users = new UsersPage(page);
  await users.goto();
  await users.fillCreateForm({ name: 'Replayed Request', email, role: 'admin', password: 'replayed-password' });

  const action = await captureServerAction(page, '**/admin/users', () => users.createButton.click());
  expect(action.headers['next-action']).toMatch(/^[0-9a-f]{20,}$/);
  expect(action.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  expect(action.body.toString()).toContain(email);

  const csmContext = await browser.newContext();
  try {
    const csmPage = await csmContext.newPage();
    const login = new LoginPage(csmPage);
    await login.goto();
    await login.signIn(DEMO_USERS.csm.email, E2E_PASSWORD);
    await expect(csmPage.getByRole('navigation', { name: 'Main' })).toBeVisible();

    const response = await replayServerAction(csmContext.request, action);
    const text = await response.text();
    expect(text).toContain('You do not have permission to do that.');
  } finally {
    await csmContext.close();
  }

  await users.goto();
  await expect(users.row(DEMO_USERS.admin.email)).toBeVisible();
  await expect(users.row(email)).toHaveCount(0);
});
