import { expect, type Page } from '@playwright/test';
import type { Role } from '../../lib/auth/roles';
import { CustomersPage } from '../pages/customers-page';
import { ImportsPage } from '../pages/imports-page';

/** A signed-out visitor, or the demo user of a role. */
export type Visitor = Role | 'visitor';

export type ScannedPage = {
  name: string;
  /** Everyone who can see it; the page is scanned once for each (what a page shows depends on the role). */
  as: readonly Visitor[];
  /** Where it is, or how to get there when it must be made first (an import job). */
  path: string | ((page: Page) => Promise<string>);
  viewport?: { width: number; height: number };
  /** Brings the page to the state to scan (a dialog open, a row selected) after it loaded. */
  open?: (page: Page) => Promise<void>;
};

const ALL: readonly Role[] = ['admin', 'lead', 'csm', 'exec'];
const WORKERS: readonly Role[] = ['admin', 'lead', 'csm'];
const MANAGERS: readonly Role[] = ['admin', 'lead'];

const PHONE = { width: 390, height: 844 };

async function selectFirstCustomer(page: Page) {
  const customers = new CustomersPage(page);
  await customers.rows.first().getByRole('checkbox').check();
  await expect(customers.bulkActions).toBeVisible();
  return customers;
}

async function openBulkDialog(page: Page, button: string, title = button) {
  const customers = await selectFirstCustomer(page);
  await customers.bulkActions.getByRole('button', { name: button }).click();
  await expect(page.getByRole('dialog', { name: title })).toBeVisible();
}

/** A dry run of a two-row file, so that there is a job page to scan. */
async function newImportJob(page: Page): Promise<string> {
  const imports = new ImportsPage(page);
  await imports.goto();
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'a11y.csv', mimeType: 'text/csv', buffer: Buffer.from('id,name\nA11Y-1,Ada\nA11Y-2,Bo\n') });
  await expect(imports.previewTable).toBeVisible();
  await imports.previewSettled();
  await imports.start('Dry run');
  const link = imports.runStep.getByRole('link', { name: /^Dry run #\d+ details$/ }).first();
  await expect(link).toBeVisible({ timeout: 30_000 });
  return (await link.getAttribute('href'))!;
}

/** The first drill-down the KPI page offers (its months follow the seeded data). */
async function kpiDrilldown(page: Page): Promise<string> {
  await page.goto('/kpis');
  return (await page.locator('a[href^="/kpis/customers?"]').first().getAttribute('href'))!;
}

/**
 * Every page of the app, as each role that can see it sees it. The accessibility scan (a11y.spec.ts) runs axe on
 * each; a new page is one entry here.
 */
export const SCANNED_PAGES: ScannedPage[] = [
  { name: 'sign-in', as: ['visitor'], path: '/login' },
  { name: 'overview', as: ALL, path: '/' },
  { name: 'customer list', as: ALL, path: '/customers?owner=any' },
  {
    name: 'customer list, filtered',
    as: ALL,
    path: '/customers?owner=any&status=active&segment=b2b_smb&q=a&sort=mrr&dir=desc',
  },
  { name: 'customer list on a phone', as: ALL, path: '/customers?owner=any', viewport: PHONE },
  {
    name: 'customer list, Columns dialog',
    as: ALL,
    path: '/customers?owner=any',
    open: (page) => page.getByRole('button', { name: 'Columns' }).click(),
  },
  {
    name: 'customer list, a customer selected',
    as: ALL,
    path: '/customers?owner=any',
    open: async (page) => void (await selectFirstCustomer(page)),
  },
  {
    name: 'customer list, Assign owner dialog',
    as: MANAGERS,
    path: '/customers?owner=any',
    open: (page) => openBulkDialog(page, 'Assign owner'),
  },
  {
    name: 'customer list, Create tasks dialog',
    as: WORKERS,
    path: '/customers?owner=any',
    open: (page) => openBulkDialog(page, 'Create tasks', 'Create a task for each customer'),
  },
  { name: 'customer profile', as: ALL, path: '/customers/1' },
  { name: 'my work', as: WORKERS, path: '/my-work' },
  { name: 'team', as: MANAGERS, path: '/team' },
  { name: 'KPIs by month', as: ALL, path: '/kpis' },
  { name: 'KPIs by quarter', as: ALL, path: '/kpis?period=quarter' },
  { name: 'KPIs by year', as: ALL, path: '/kpis?period=year' },
  { name: 'KPI drill-down', as: ALL, path: kpiDrilldown },
  { name: 'churn thresholds', as: ALL, path: '/kpis/thresholds' },
  { name: 'imports', as: MANAGERS, path: '/imports' },
  { name: 'an import job', as: MANAGERS, path: newImportJob },
  { name: 'users', as: ['admin'], path: '/admin/users' },
  { name: 'audit log', as: ['admin'], path: '/admin/audit' },
  { name: 'security log', as: ['admin'], path: '/admin/security' },
  { name: 'change password', as: ALL, path: '/account/password' },
  { name: 'forbidden', as: ['lead', 'csm', 'exec'], path: '/admin/users' },
  { name: 'not found', as: ALL, path: '/no/such/page' },
];
