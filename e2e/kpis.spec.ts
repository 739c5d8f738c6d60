import { test, expect } from './fixtures';
import { KpiDrilldownPage } from './pages/kpi-drilldown-page';
import { KpisPage } from './pages/kpis-page';
import { ThresholdsPage } from './pages/thresholds-page';

test('an executive lands on the KPIs, changes the period and segment, reads a formula and opens the customers behind it', async ({
  page,
  signInAs,
}) => {
  // Five renders of the heaviest page (charts, cohorts, 60 formulas) on two shared cores: more than the default budget.
  test.slow();
  await signInAs('exec');
  const kpis = new KpisPage(page);
  await kpis.expectLoaded();
  await expect(kpis.metricCard('Logo churn rate (monthly)')).toContainText(/%|—/);
  await expect(kpis.metricCard('Logo churn rate (monthly)')).toContainText(/On target|Watch|Critical|No rate/);

  await kpis.choosePeriodKind('Quarter');
  // The second quarter offered is a complete one, the one before the running quarter, and the kind's default.
  const quarter = (await kpis.periodOptions('Quarter').nth(1).innerText()).trim();
  await expect(kpis.periodOptions('Quarter').first()).toHaveText(/\(to date\)$/);
  await expect(kpis.summary).toContainText(`Retention for ${quarter}, compared with Q`);
  await kpis.choosePeriod('Quarter', quarter);
  await expect(kpis.summary).toContainText(quarter);
  await kpis.chooseSegment('b2c');
  await expect(kpis.summary).toContainText(`${quarter} · B2C`);
  await expect(page).toHaveURL(/period=quarter&quarter=\d{4}-Q[1-4]&segment=b2c/);

  const formula = await kpis.openFormula('Logo churn rate');
  await expect(formula.getByTestId('formula')).toHaveText('C / S');
  await expect(formula).toContainText('Churned customers (C)');
  await expect(formula).toContainText('Customers at start (S)');
  await expect(formula).toContainText(/Monthly average over the 3 months/);

  await formula.getByRole('link', { name: /^Churned customers \(C\) in / }).click();
  const drilldown = new KpiDrilldownPage(page);
  // The whole quarter, not its last month.
  await drilldown.expectList(new RegExp(`^Churned customers \\(C\\) — ${quarter}$`));
  await expect(page).toHaveURL(/metric=churned_customers/);
  await expect(page).not.toHaveURL(/month=/);
  await expect(page.getByText('Filtered to B2C.')).toBeVisible();
  await expect(page.getByText('Sorted by MRR lost, largest first.', { exact: false })).toBeVisible();
  // The list is the set the number counts: as many rows as the number (well under one page here).
  const churned = await drilldown.value();
  if (churned === 0) await expect(drilldown.emptyState).toBeVisible();
  else {
    await expect(drilldown.rows).toHaveCount(churned);
    const csv = await page.request.get((await drilldown.csvLink.getAttribute('href'))!);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).trim().split('\n')).toHaveLength(churned + 1);
    // Names open the customer's profile.
    const name = drilldown.rows.first().getByRole('link');
    const customer = (await name.innerText()).trim();
    await name.click();
    await expect(page.getByRole('heading', { level: 1, name: customer })).toBeVisible();
    await page.goBack();
  }

  await drilldown.backToKpis();
  await kpis.expectLoaded();
  await expect(page).toHaveURL(/segment=b2c/);
});

test('a CSM reads the KPIs and the thresholds but cannot change them', async ({ page, signInAs }) => {
  await signInAs('csm');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'KPIs' }).click();
  const kpis = new KpisPage(page);
  await kpis.expectLoaded();
  await expect(kpis.metricCard('MRR')).toContainText('$');
  // The monthly table downloads as CSV for the same view, through the signed-in session.
  const download = page.getByRole('link', { name: 'Download the monthly table (CSV)' });
  const csv = await page.request.get((await download.getAttribute('href'))!);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const [header, ...months] = (await csv.text()).trim().split('\n');
  expect(header.split(',').slice(0, 3)).toEqual(['month', 'customers_at_start', 'active_customers']);
  expect(months.length).toBeGreaterThan(0);

  await kpis.metricCard('Logo churn rate (monthly)').getByRole('link', { name: 'Thresholds' }).click();
  const thresholds = new ThresholdsPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Churn thresholds' })).toBeVisible();
  await expect(page.getByRole('note')).toHaveText('Only admins can change thresholds.');
  await expect(page.getByText('≤ 5%').first()).toBeVisible();
  await expect(thresholds.saveButtons).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
});

test('an admin changes a segment’s thresholds, with field errors first', async ({ page, signInAs }) => {
  await signInAs('admin');
  const thresholds = new ThresholdsPage(page);
  await thresholds.goto();
  await thresholds.fill('B2B enterprise', { target: '6', watch: '4' });
  await expect(
    thresholds.form('B2B enterprise').getByText('The watch limit must be at or above the on-target limit.'),
  ).toBeVisible();
  await expect(thresholds.form('B2B enterprise').getByLabel('Watch up to (%)')).toHaveAttribute('aria-invalid', 'true');

  await thresholds.fill('B2B enterprise', { target: '4', watch: '6' });
  await expect(
    page.getByRole('status').filter({ hasText: 'Churn thresholds of segment b2b_enterprise' }),
  ).toBeVisible();
  await page.reload();
  await expect(thresholds.form('B2B enterprise').getByLabel('On target up to (%)')).toHaveValue('4');
});

test('on a 390 px phone the KPI page does not scroll sideways, and its cards show money compact', async ({
  page,
  signInAs,
}) => {
  test.slow();
  await signInAs('exec');
  // After signing in: on a phone the main navigation the sign-in waits for is behind the menu button.
  await page.setViewportSize({ width: 390, height: 844 });
  const kpis = new KpisPage(page);
  await kpis.goto();
  await kpis.waitUntilInteractive();
  // Charts size themselves after hydration; measure once they are drawn.
  await expect(page.locator('#trends .recharts-surface').first()).toBeVisible();
  expect(await kpis.sidewaysOverflow()).toBe(0);
  await expect(kpis.metricValue('MRR')).toHaveText(/^\$\d+(\.\d+)?[KM]$/);
  await expect(kpis.metricValue('Net new MRR')).toHaveText(/^-?\$[\d,.]+[KM]?$/);
  await expect(kpis.metricValue('MRR')).toHaveAttribute('title', /^\$[\d,]+\.\d\d$/);
});
