import { expect, type Page } from '@playwright/test';

/** The KPI dashboard: period and filter toolbar, metric cards, formula popovers. */
export class KpisPage {
  constructor(private readonly page: Page) {}

  async goto(search = '') {
    await this.page.goto(`/kpis${search}`);
    await this.expectLoaded();
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/kpis(\?|$)/);
    await expect(this.page.getByRole('heading', { level: 1, name: 'KPIs' })).toBeVisible();
  }

  get toolbar() {
    return this.page.getByRole('form', { name: 'KPI period and filters' });
  }

  /** The toolbar's selects act on change once the page is hydrated. */
  async waitUntilInteractive() {
    await expect(this.toolbar).toHaveAttribute('data-interactive', 'true');
  }

  /** The sentence under the title that names the period and segment shown. */
  get summary() {
    return this.page.getByRole('main').locator('h1 + p');
  }

  /** Month, Quarter, Year or Custom; the page reloads with it in the URL. */
  async choosePeriodKind(kind: 'Month' | 'Quarter' | 'Year' | 'Custom') {
    await this.toolbar
      .getByRole('navigation', { name: 'Period' })
      .getByRole('link', { name: kind, exact: true })
      .click();
    await expect(this.page).toHaveURL(new RegExp(`period=${kind.toLowerCase()}`));
  }

  /** Picks an option of the period's own select (e.g. the quarter) by its visible label. */
  async choosePeriod(kindLabel: 'Month' | 'Quarter' | 'Year', optionLabel: string) {
    await this.waitUntilInteractive();
    await this.toolbar.getByLabel(kindLabel, { exact: true }).selectOption({ label: optionLabel });
  }

  periodOptions(kindLabel: 'Month' | 'Quarter' | 'Year') {
    return this.toolbar.getByLabel(kindLabel, { exact: true }).locator('option');
  }

  async chooseSegment(value: string) {
    await this.waitUntilInteractive();
    await this.toolbar.getByLabel('Segment', { exact: true }).selectOption(value);
    await expect(this.page).toHaveURL(new RegExp(`segment=${value}`));
  }

  /** A headline card (charts further down may share its name). */
  metricCard(label: string) {
    return this.page
      .getByRole('region', { name: 'Headline numbers' })
      .getByRole('region', { name: label, exact: true });
  }

  /** The number on a headline card, as shown. */
  metricValue(label: string) {
    return this.metricCard(label).getByTestId('metric-value');
  }

  /** How far the page scrolls sideways, in CSS pixels (0: it fits the window). */
  async sidewaysOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  /** Opens "How <metric> is calculated" on the first place it appears (the headline card) and returns the panel. */
  async openFormula(metric: string) {
    await this.page
      .getByRole('button', { name: `How ${metric} is calculated` })
      .first()
      .click();
    const panel = this.page.getByRole('dialog', { name: `${metric}: formula and inputs` });
    await expect(panel).toBeVisible();
    return panel;
  }
}
