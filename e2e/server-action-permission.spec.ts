import { test, expect, DEMO_USERS, E2E_PASSWORD } from './fixtures';
import { LoginPage } from './pages/login-page';
import { UsersPage } from './pages/users-page';

type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

// Hiding the Users page from a CSM is not the check: the server action itself must refuse them.
test('a create-user action replayed with a CSM session is refused on the server', async ({ page, browser, signInAs }) => {
  const email = `replayed.${Date.now()}@holdfast.demo`;
  await signInAs('admin');
  const users = new UsersPage(page);
  await users.goto();
  await users.fillCreateForm({ name: 'Replayed Request', email, role: 'admin', password: 'replayed-password' });

  const captured = new Promise<CapturedAction>((resolve) => {
    void page.route('**/admin/users', async (route) => {
      const request = route.request();
      const headers = await request.allHeaders();
      if (request.method() !== 'POST' || !headers['next-action']) return route.continue();
      resolve({ url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    });
  });
  await users.createButton.click();
  const action = await captured;
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

    const response = await csmContext.request.post(action.url, {
      headers: {
        'next-action': action.headers['next-action'],
        'content-type': action.headers['content-type'],
        accept: action.headers['accept'] ?? 'text/x-component',
        ...(action.headers['next-router-state-tree'] ? { 'next-router-state-tree': action.headers['next-router-state-tree'] } : {}),
        origin: new URL(action.url).origin,
      },
      data: action.body,
    });
    const text = await response.text();
    expect(text).toContain('You do not have permission to do that.');
  } finally {
    await csmContext.close();
  }

  await page.unroute('**/admin/users');
  await users.goto();
  await expect(users.row(DEMO_USERS.admin.email)).toBeVisible();
  await expect(users.row(email)).toHaveCount(0);
});
