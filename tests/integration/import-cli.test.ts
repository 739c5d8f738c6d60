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
  telco = writeTelcoCsv(telcoFile, 1_500);
});
afterAll(() => cli.dispose());

describe('holdfast import', () => {
  it('imports a Telco-shaped file with a mapping, prints one JSON summary, and changes nothing the second time', () => {
    const args = ['import', 'customers', telcoFile, '--map', 'customerID=id,Churn=churned,tenure=tenure_months', '--as-of', '2026-11-01', '--json'];
    const first = cli.run(...args);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ kind: 'customers', rowsRead: 1_500, inserted: 1_500, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const second = cli.run(...args);
    expect(JSON.parse(second.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1_500, rejected: 0 });
  });

  it('reports bad rows by line and keeps the good ones, with the error report on disk', () => {
    const file = path.join(cli.root, 'orders.csv');
    const customer = telco[0].customerID;
    fs.writeFileSync(file, `order_id,customer_id,ordered_at,amount\nO-1,${customer},2026-03-01,19.90\nO-2,${customer},yesterday,1\n`);
    const run = cli.run('import', 'orders', file);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('1 inserted');
    expect(run.stderr).toMatch(/line 3, ordered_at: "yesterday" is not a valid date/);
    const reports = fs.readdirSync(path.join(cli.root, '.holdfast', 'imports'));
    expect(reports.some((name) => name.endsWith('-errors.csv'))).toBe(true);
  });

  it('exits non-zero with a clear message when a required column is missing or the kind is unknown', () => {
    const file = path.join(cli.root, 'bad.csv');
    fs.writeFileSync(file, 'foo\n1\n');
    const missing = cli.run('import', 'events', file);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('no column for: customer_id, type, occurred_at');
    const unknown = cli.run('import', 'invoices', file);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('Use one of: customers, orders, subscriptions, events, tickets, feedback');
  });
});
