import { test, expect, DEMO_USERS, E2E_PASSWORD } from './fixtures';

test('a wrong password is refused with a message', async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn(DEMO_USERS.exec.email, 'not-the-password');
  await loginPage.expectError('Wrong email or password.');
  await expect(page).toHaveURL(/\/login/);
});

test('an unknown email gets the same message as a wrong password', async ({ loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn('nobody@holdfast.demo', 'whatever-password');
  await loginPage.expectError('Wrong email or password.');
});

test('a signed-in user visiting the sign-in page is sent to the overview', async ({ page, signInAs }) => {
  await signInAs('lead');
  await page.goto('/login');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
});

// Each parses as a same-origin URL whose path starts with `//`, which a browser would follow to evil.example.
for (const callbackUrl of ['/.//evil.example/x', 'http://localhost:PORT//evil.example/x', '/%2e//evil.example/y']) {
  test(`signing in with callbackUrl ${callbackUrl} stays on this site`, async ({ page, loginPage, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const raw = callbackUrl.replace('http://localhost:PORT', origin);
    await page.goto(`/login?callbackUrl=${encodeURIComponent(raw)}`);
    await loginPage.signIn(DEMO_USERS.lead.email, E2E_PASSWORD);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(origin);
    await expect(page).toHaveURL(`${origin}/`);
  });
}

test('a 9,000-character X-Forwarded-For header changes nothing a user sees', async ({ page, loginPage }) => {
  await page.setExtraHTTPHeaders({
    'x-forwarded-for': Array.from({ length: 600 }, (_, i) => `203.0.${i % 250}.${i % 200}`)
      .join(',')
      .slice(0, 9000),
  });
  await loginPage.goto();
  await loginPage.signIn(DEMO_USERS.exec.email, 'not-the-password');
  await loginPage.expectError(/^Wrong email or password\.$/);
});
