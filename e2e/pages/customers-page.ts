import { expect, type Locator, type Page } from '@playwright/test';

/** The customer list at /customers: filters, sortable columns, saved views, selection and bulk actions. */
export class CustomersPage {
  constructor(private readonly page: Page) {}

  async goto(search = '') {
    await this.page.goto(`/customers${search}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Customers' });
  }

  get rows(): Locator {
    return this.table.locator('tbody tr');
  }

  /** On small screens the rows are cards. */
  get cards(): Locator {
    return this.page.getByRole('list', { name: 'Customers' }).getByRole('listitem');
  }

  /** How wide the whole document is: more than the window means the page itself scrolls sideways. */
  async pageScrollWidth(): Promise<number> {
    return this.page.evaluate(() => document.scrollingElement!.scrollWidth);
  }

  /** The box the table scrolls in. */
  async tableScroller(): Promise<{ scrollWidth: number; clientWidth: number }> {
    return this.table.evaluate((table) => ({
      scrollWidth: table.parentElement!.scrollWidth,
      clientWidth: table.parentElement!.clientWidth,
    }));
  }

  /** The column headers in order, lower case, without the sort hints screen readers get. */
  async headerLabels(): Promise<string[]> {
    return (await this.table.locator('thead th').allInnerTexts()).map((t) => t.split(',')[0].trim().toLowerCase());
  }

  async openColumns(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Columns' }).click();
    return this.page.getByRole('dialog', { name: 'Columns' });
  }

  get filters(): Locator {
    return this.page.getByRole('search', { name: 'Filter customers' });
  }

  /** The text of every cell of a column on this page, found by its header. */
  async columnValues(header: string): Promise<string[]> {
    const headers = await this.headerLabels();
    const index = headers.findIndex((h) => h.startsWith(header.toLowerCase()));
    if (index < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
    return (await this.rows.locator(`td:nth-child(${index + 1})`).allInnerTexts()).map((t) => t.trim());
  }

  columnHeader(header: string): Locator {
    return this.table.getByRole('columnheader', { name: new RegExp(`^${header}`, 'i') });
  }

  async sortBy(header: string) {
    await this.columnHeader(header).getByRole('link').click();
  }

  async search(text: string) {
    await this.filters.getByLabel('Search').fill(text);
    await this.filters.getByLabel('Search').press('Enter');
    await expect(this.page).toHaveURL(/[?&]q=/);
  }

  /** Chooses a value in one of the filter selects (opening "More filters" if needed) and applies. */
  async filter(label: string, option: string) {
    const select = this.filters.getByLabel(label, { exact: true });
    if (!(await select.isVisible())) await this.filters.getByText('More filters').click();
    await select.selectOption({ label: option });
    await this.filters.getByRole('button', { name: 'Apply' }).click();
  }

  chip(text: string): Locator {
    return this.page.getByRole('list', { name: 'Filters in effect' }).getByRole('link', { name: new RegExp(text) });
  }

  get viewsButton(): Locator {
    return this.page.getByRole('button', { name: /^Views:/ });
  }

  async saveView(name: string): Promise<string> {
    await this.viewsButton.click();
    await this.page.getByRole('menuitem', { name: 'Save current view…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page).toHaveURL(/\/customers\?view=\d+$/);
    await expect(this.viewsButton).toHaveAccessibleName(`Views: ${name}`);
    return new URL(this.page.url()).search;
  }

  async selectAllOnPage() {
    await this.table.getByRole('checkbox', { name: 'Select all rows on this page' }).check();
  }

  get bulkActions(): Locator {
    return this.page.getByRole('region', { name: 'Bulk actions' });
  }

  /** Opens the assign-owner dialog and picks the new owner ("Name (email)"), without submitting. */
  async startAssigningOwner(owner: string): Promise<Locator> {
    await this.bulkActions.getByRole('button', { name: 'Assign owner' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Assign owner' });
    await dialog.getByLabel('New owner').selectOption({ label: owner });
    return dialog;
  }
}
