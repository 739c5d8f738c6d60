import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchCli, type ScratchCli } from '../helpers/cli';
import { writeTelcoCsv, type TelcoRow } from '../helpers/telco-shaped';

let cli: ScratchCli;
let telcoFile: string;
let telco: TelcoRow[];
beforeAll(async () => {
  cli = await scratchCli();
  telcoFile = path.join(cli.root, 'telco.csv');
  telco = writeTelcoCsv(telcoFile, 500);
});
afterAll(() => cli.dispose());

describe('holdfast import', () => {
  it('imports a Telco-shaped file with a mapping, prints one JSON summary, and changes nothing the second time', () => {
    const args = [
      'import',
      'customers',
      telcoFile,
      '--map',
      'customerID=id,Churn=churned,tenure=tenure_months',
      '--as-of',
      '2026-11-01',
      '--json',
    ];
    const first = cli.run(...args);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      kind: 'customers',
      rowsRead: 500,
      inserted: 500,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
    });
    const second = cli.run(...args);
    expect(JSON.parse(second.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 500, rejected: 0 });
  });

  it('reports bad rows by line and keeps the good ones, with the error report on disk', () => {
    const file = path.join(cli.root, 'orders.csv');
    const customer = telco[0].customerID;
    fs.writeFileSync(
      file,
      `order_id,customer_id,ordered_at,amount\nO-1,${customer},2026-03-01,19.90\nO-2,${customer},yesterday,1\n`,
    );
    const run = cli.run('import', 'orders', file);
    expect(run.stderr).toContain('1 inserted');
    expect(run.stderr).toMatch(/line 3, ordered_at: "yesterday" is not a valid date/);
    const reports = fs.readdirSync(path.join(cli.root, '.holdfast', 'imports'));
    expect(reports.some((name) => name.endsWith('-errors.csv'))).toBe(true);

    // Rejected rows fail the command (scripts notice), unless they are allowed.
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Exiting with status 1: 1 row was rejected (--allow-rejects exits 0).');
    const allowed = cli.run('import', 'orders', file, '--allow-rejects', '--json');
    expect(allowed.status).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ rejected: 1, unchanged: 1 });
  });

  it('refuses impossible customers by line and column, and warns, with a count, about churned ones that still pay', () => {
    const file = path.join(cli.root, 'impossible.csv');
    fs.writeFileSync(
      file,
      'id,acquired_at,churned_at,mrr\nI-1,2026-05-01,2026-04-01,10\nI-2,2099-01-01,,10\nI-3,2026-01-01,2026-03-01,25\nI-4,2026-01-01,2026-02-01,30\nI-5,2026-01-01,,40\n',
    );
    const run = cli.run('import', 'customers', file, '--json');
    expect(run.status).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ inserted: 3, rejected: 2 });
    expect(summary.errors).toEqual([
      { line: 2, column: 'churned_at', message: 'Churned (2026-04-01) before it was acquired (2026-05-01).' },
      {
        line: 3,
        column: 'acquired_at',
        message: '"2099-01-01" is in the future (2099-01-01); only what has happened can be imported.',
      },
    ]);
    expect(summary.warnings).toEqual([
      expect.objectContaining({
        code: 'churned_with_mrr',
        count: 2,
        firstLine: 4,
        column: 'mrr',
        message: expect.stringMatching(/^2 churned customers have an MRR above 0/),
      }),
    ]);
    expect(cli.run('import', 'customers', file, '--allow-rejects').stderr).toMatch(
      /Warning: 2 churned customers have an MRR above 0: .* First on line 4, column mrr\./,
    );
  });

  it('says a header-only file has no rows, and a binary file is not text, exiting non-zero', () => {
    const headerOnly = path.join(cli.root, 'header-only.csv');
    fs.writeFileSync(headerOnly, 'id,name\n');
    const empty = cli.run('import', 'customers', headerOnly);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('error: The file has a header line but no rows.');

    const binary = path.join(cli.root, 'photo.csv');
    fs.writeFileSync(
      binary,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    );
    const notText = cli.run('import', 'customers', binary);
    expect(notText.status).toBe(1);
    expect(notText.stderr).toContain('error: This is not a text file.');
  });

  it('prints its version', () => {
    const run = cli.run('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(
      JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')).version,
    );
  });

  it('exits non-zero with a clear message when a required column is missing or the kind is unknown', () => {
    const file = path.join(cli.root, 'bad.csv');
    fs.writeFileSync(file, 'foo\n1\n');
    const missing = cli.run('import', 'events', file);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain(
      'no column for: customer_id, type, occurred_at. Rename the header or map a column of the file to it. Use --map SOURCE=COLUMN.',
    );
    const unknown = cli.run('import', 'invoices', file);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('Use one of: customers, orders, subscriptions, events, tickets, feedback');
  });
});
