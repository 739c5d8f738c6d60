import { expect, type Page } from '@playwright/test';

/** The Imports page: upload, settings, mapping, preview, run, and the history below. */
export class ImportsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/imports');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Imports' })).toBeVisible();
  }

  /** Uploads a file and waits for its preview. */
  async upload(filePath: string, name: string) {
    await this.page.getByLabel('CSV file').setInputFiles(filePath);
    await expect(this.page.getByTestId('uploaded-file')).toHaveText(name);
    await expect(this.previewTable).toBeVisible();
  }

  get kind() {
    return this.page.getByLabel('The file holds', { exact: true });
  }

  /** The select that says which canonical column a file column imports into. */
  mapping(fileColumn: string) {
    return this.page.getByRole('combobox', { name: `Import ${fileColumn} as`, exact: true });
  }

  async map(fileColumn: string, target: string) {
    await this.mapping(fileColumn).selectOption(target);
    await expect(this.mapping(fileColumn)).toHaveValue(target);
  }

  get previewStep() {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  get previewTable() {
    return this.page.getByRole('table', { name: 'Preview of the first rows' });
  }

  /** Cells the preview marks as invalid, each showing its value and what is wrong. */
  get invalidCells() {
    return this.previewTable.locator('td[data-invalid]');
  }

  /** Waits until a settings change has been applied to the preview. */
  async previewSettled() {
    await expect(this.previewStep.getByRole('status')).toHaveCount(0);
  }

  get runStep() {
    return this.page.getByRole('region', { name: 'Import', exact: true });
  }

  async start(what: 'Dry run' | 'Run import') {
    await this.runStep.getByRole('button', { name: what }).click();
  }

  get progress() {
    return this.runStep.getByRole('progressbar');
  }

  /** A count of the finished job shown in the Import step (Rows read, Inserted, Updated, Unchanged, Rejected). */
  count(label: string) {
    return this.runStep
      .getByLabel('Import counts')
      .locator('div')
      .filter({ has: this.page.locator('dt', { hasText: label }) })
      .locator('dd');
  }

  historyRow(text: string) {
    return this.page
      .getByRole('table', { name: /Import history/ })
      .locator('tbody > tr')
      .filter({ hasText: text });
  }
}
