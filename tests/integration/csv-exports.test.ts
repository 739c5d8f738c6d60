import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { ErrorReport } from '@/db/import/error-report';
import { riskScores } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { writeAudit } from '@/server/audit';
import type { ServiceContext } from '@/server/context';
import { streamExport, type ExportName } from '@/server/services/exports';
import { asSession } from '../helpers/action-session';
import { scratchCli, type ScratchCli } from '../helpers/cli';
import { actorOf, makeUser } from '../helpers/factories';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';
import { makeCustomer } from '../helpers/work-factories';

// Every CSV Holdfast writes goes through one writer; each kind is read back here as a spreadsheet would see it.
const { GET: customerExport } = await import('@/app/(app)/customers/export/route');
const { GET: kpiExport } = await import('@/app/api/exports/kpis/route');

const ATTACKS = {
  name: '=HYPERLINK("http://x","y")',
  company: "+cmd|' /C calc'!A0",
  plan: '-2+3',
  segment: '@SUM(1+1)',
};
const neutral = (text: string) => `'${text}`;

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: ServiceContext;
let customerId: number;

type Cells = Record<string, string>;
const records = (text: string): Cells[] => parse(text, { columns: true });

beforeAll(async () => {
  handle = await createTestDatabase();
  requestScope.db = handle.db;
  await seedDatabase(handle.db, {
    customers: 60,
    seed: 5,
    asOf: Date.UTC(2026, 5, 1),
    password: 'csv-exports-test-password',
  });
  const customer = await makeCustomer(handle.db, null, {
    ...ATTACKS,
    externalId: 'cus_formula',
    mrrCents: 1250,
    attributes: { note: '=1+1' },
  });
  customerId = customer.id;
  await handle.db.insert(riskScores).values({ customerId, score: 81, band: 'critical' });
  const user = await makeUser(handle.db, 'admin', { email: '=1+1@example.test', name: '@admin' });
  admin = { db: handle.db, actor: actorOf(user) };
  requestScope.user = asSession(user);
});
afterAll(() => handle.dispose());

async function serviceExport(what: ExportName): Promise<Cells[]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await streamExport({ ctx: admin, input: { what, format: 'csv', filter: {}, out } });
  out.end();
  return records(Buffer.concat(chunks).toString('utf8'));
}

describe('CSV formula injection', () => {
  it('the customer export download writes imported formulas as text and amounts as numbers', async () => {
    const response = await customerExport(
      new NextRequest(`http://localhost/customers/export?owner=any&ids=${customerId}`),
    );
    expect(response.status).toBe(200);
    const [row] = records(await response.text());
    expect(row).toMatchObject({ id: 'cus_formula', mrr: '12.50', attributes: '{"note":"=1+1"}' });
    for (const [column, text] of Object.entries(ATTACKS)) expect(row[column], column).toBe(neutral(text));
  });

  it('the risk-score export neutralises the name', async () => {
    const row = (await serviceExport('risk-scores')).find((r) => r.id === 'cus_formula');
    expect(row).toMatchObject({ name: neutral(ATTACKS.name), score: '81' });
  });

  it('the audit export neutralises who acted', async () => {
    await writeAudit(handle.db, admin.actor, {
      action: 'view.create',
      entityType: 'savedView',
      entityId: 1,
      after: { name: '=x' },
    });
    const row = (await serviceExport('audit')).find((r) => r.action === 'view.create');
    expect(row).toMatchObject({ actor: neutral('=1+1@example.test'), after: '{"name":"=x"}' });
  });

  it('the KPI table keeps every number as a number, negative ones included', async () => {
    const response = await kpiExport(
      new Request('http://localhost/api/exports/kpis?from=2025-07&to=2026-05&format=csv'),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    const rows = records(await response.text());
    expect(rows).toHaveLength(11);
    const cells = rows.flatMap((row) =>
      Object.entries(row)
        .filter(([column]) => column !== 'month')
        .map(([, value]) => value),
    );
    expect(cells.filter((value) => value !== '' && !Number.isFinite(Number(value)))).toEqual([]);
    expect(cells.some((value) => Number(value) < 0)).toBe(true);
  });

  it('an import error report neutralises the columns and messages it repeats from the file', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-report-'));
    const previous = process.env.HOLDFAST_ROOT;
    process.env.HOLDFAST_ROOT = root;
    try {
      const report = new ErrorReport({ id: 1, createdAt: new Date() });
      report.add([
        { line: 2, column: '=cmd', message: '@SUM(1+1)' },
        { line: 3, message: 'No id.' },
      ]);
      await report.close();
      expect(records(fs.readFileSync(report.path, 'utf8'))).toEqual([
        { line: '2', column: "'=cmd", message: "'@SUM(1+1)" },
        { line: '3', column: '', message: 'No id.' },
      ]);
    } finally {
      if (previous === undefined) delete process.env.HOLDFAST_ROOT;
      else process.env.HOLDFAST_ROOT = previous;
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('holdfast export (CLI)', () => {
  let cli: ScratchCli;
  beforeAll(async () => {
    cli = await scratchCli();
  });
  afterAll(() => cli.dispose());

  it('writes imported formulas as text', () => {
    const file = path.join(cli.root, 'customers.csv');
    fs.writeFileSync(
      file,
      `id,name,company,mrr\nc1,"=HYPERLINK(""http://x"",""y"")","+cmd|' /C calc'!A0",10\nc2,-2+3,@SUM(1+1),20\n`,
    );
    expect(cli.run('import', 'customers', file).status).toBe(0);
    const run = cli.run('export', 'customers');
    expect(run.status).toBe(0);
    const rows = records(run.stdout);
    expect(rows.map((r) => [r.id, r.name, r.company, r.mrr])).toEqual([
      ['c1', neutral(ATTACKS.name), neutral(ATTACKS.company), '10.00'],
      ['c2', neutral('-2+3'), neutral('@SUM(1+1)'), '20.00'],
    ]);
  });
});
