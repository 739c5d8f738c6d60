import type { Browser } from '@playwright/test';
import { test, expect, DEMO_USERS, E2E_PASSWORD } from './fixtures';
import { SCANNED_PAGES, type Visitor } from './a11y/scanned-pages';
import { accessibilityProblems } from './a11y/scan';
import { LoginPage } from './pages/login-page';

type StorageState = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>;

// One sign-in per role for the whole scan (one worker runs it), not one per page.
const sessions = new Map<Visitor, StorageState>();

async function sessionOf(browser: Browser, who: Visitor): Promise<StorageState | undefined> {
  if (who === 'visitor') return undefined;
  if (!sessions.has(who)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO_USERS[who].email, E2E_PASSWORD);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    sessions.set(who, await context.storageState());
    await context.close();
  }
  return sessions.get(who);
}

for (const scanned of SCANNED_PAGES) {
  for (const who of scanned.as) {
    test(`no WCAG 2.1 AA violations: ${scanned.name}, as ${who === 'visitor' ? 'a signed-out visitor' : `the ${who}`}`, async ({
      browser,
    }) => {
      // The KPI pages render dozens of charts on two shared cores.
      test.slow();
      const context = await browser.newContext({
        storageState: await sessionOf(browser, who),
        viewport: scanned.viewport,
      });
      try {
        const page = await context.newPage();
        const path = typeof scanned.path === 'string' ? scanned.path : await scanned.path(page);
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await page.waitForLoadState('networkidle');
        await scanned.open?.(page);
        expect(await accessibilityProblems(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
}
