import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditLog, customers, importJobs, orders } from '@/db/schema';
import { runImport, type ImportOptions } from '@/server/services/imports';
import { getKpis } from '@/server/services/kpis';
import { ForbiddenError } from '@/server/errors';
import { lastActivityOf } from '../helpers/last-activity';
import { createTestDatabase } from '../helpers/test-db';
import { writeTelcoCsv } from '../helpers/telco-shaped';
import { actorOf, makeUser } from '../helpers/factories';
import type { ServiceContext } from '@/server/context';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-import-'));
const telcoFile = path.join(dir, 'telco.csv');
const telco = writeTelcoCsv(telcoFile, 2_000);
// Customers the later tests attach orders to.
const [A, B] = [telco[0].customerID, telco[1].customerID];
const TELCO_MAP = { customerid: 'id', churn: 'churned', tenure: 'tenure_months' };
const AS_OF = new Date('2026-11-01T00:00:00Z');
const options = (patch: Partial<ImportOptions> = {}): ImportOptions => ({
  map: {},
  locale: 'en',
  asOf: AS_OF,
  createMissingCustomers: false,
  dryRun: false,
  ...patch,
});

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let lead: ServiceContext;
beforeAll(async () => {
  handle = await createTestDatabase();
  lead = { db: handle.db, actor: actorOf(await makeUser(handle.db, 'lead')) };
});
afterAll(async () => {
  await handle.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

async function customerId(externalId: string): Promise<number> {
  const [row] = await handle.db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.externalId, externalId));
  return row.id;
}

const importFile = (
  ctx: ServiceContext,
  kind: 'customers' | 'orders',
  filePath: string,
  patch: Partial<ImportOptions> = {},
) => runImport({ ctx, input: { kind, filePath, filename: path.basename(filePath), options: options(patch) } });

describe('import engine', () => {
  it('refuses a CSM and an exec before reading anything', async () => {
    for (const role of ['csm', 'exec'] as const) {
      const ctx = { db: handle.db, actor: actorOf(await makeUser(handle.db, role)) };
      await expect(importFile(ctx, 'customers', telcoFile)).rejects.toBeInstanceOf(ForbiddenError);
    }
    const [{ n }] = await handle.db.select({ n: count() }).from(importJobs);
    expect(n).toBe(0);
  });

  it('a dry run of a Telco-shaped file counts every row and writes nothing', async () => {
    const summary = await importFile(lead, 'customers', telcoFile, { dryRun: true, map: TELCO_MAP });
    expect(summary).toMatchObject({ rowsRead: 2_000, inserted: 2_000, rejected: 0, dryRun: true });
    const [{ n }] = await handle.db.select({ n: count() }).from(customers);
    expect(n).toBe(0);
  });

  it('imports a Telco-shaped file with churn dates, derived acquisition dates and typed attributes, then changes nothing on re-import', async () => {
    const first = await importFile(lead, 'customers', telcoFile, { map: TELCO_MAP });
    expect(first).toMatchObject({ rowsRead: 2_000, inserted: 2_000, updated: 0, unchanged: 0, rejected: 0 });

    const stayed = telco[1];
    const [kept] = await handle.db.select().from(customers).where(eq(customers.externalId, stayed.customerID));
    expect(kept).toMatchObject({
      churnedAt: null,
      lifecycleStage: 'loyal',
      name: stayed.customerID,
      plan: 'One year',
      mrrCents: Math.round(Number(stayed.MonthlyCharges) * 100),
    });
    expect(kept.acquiredAt?.toISOString()).toBe('2024-01-01T00:00:00.000Z'); // tenure 34 months before the as-of date
    expect(kept.attributes).toMatchObject({
      gender: stayed.gender,
      SeniorCitizen: Number(stayed.SeniorCitizen),
      Partner: stayed.Partner === 'Yes',
      TotalCharges: Number(stayed.TotalCharges),
      InternetService: false,
      OnlineSecurity: 'No internet service',
    });
    expect(Object.keys(kept.attributes)).not.toContain('MonthlyCharges');

    const [left] = await handle.db.select().from(customers).where(eq(customers.externalId, telco[3].customerID));
    expect(left).toMatchObject({ churnedAt: AS_OF, churnType: 'voluntary', lifecycleStage: 'churned' });
    const [{ n }] = await handle.db
      .select({ n: count() })
      .from(customers)
      .where(eq(customers.lifecycleStage, 'churned'));
    expect(n).toBe(telco.filter((row) => row.Churn === 'Yes').length);

    const [blankTotal] = await handle.db.select().from(customers).where(eq(customers.externalId, telco[2].customerID));
    expect(blankTotal.attributes.TotalCharges).toBeNull();

    const again = await importFile(lead, 'customers', telcoFile, { map: TELCO_MAP });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2_000, rejected: 0 });
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'import.run'));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it('reports each bad order with its line and column and still imports the good ones', async () => {
    const orderFile = file(
      'orders.csv',
      [
        'order_id,customer_id,ordered_at,amount',
        `O-1,${A},2026-03-01,19.90`,
        `O-2,${A},2026-02-30,10.00`,
        `O-3,${B},2026-03-02,-5`,
        'O-4,NOPE-0000,2026-03-03,12.00',
        `,${B},2026-03-04,1.00`,
        `O-5,${B},2026-03-05,"1,234.50"`,
      ].join('\n'),
    );
    const summary = await importFile(lead, 'orders', orderFile);
    expect(summary).toMatchObject({ rowsRead: 6, inserted: 2, rejected: 4 });
    expect(summary.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'ordered_at'],
      [4, 'amount'],
      [5, 'customer_id'],
      [6, 'order_id'],
    ]);
    const rows = await handle.db
      .select({ id: orders.externalId, cents: orders.amountCents })
      .from(orders)
      .orderBy(orders.externalId);
    expect(rows).toEqual([
      { id: 'O-1', cents: 1990 },
      { id: 'O-5', cents: 123450 },
    ]);
    expect(await lastActivityOf(handle.db, B)).toEqual(new Date('2026-03-05T00:00:00.000Z'));
    const report = fs.readFileSync(summary.errorReportPath, 'utf8');
    expect(report.split('\n').filter(Boolean)).toHaveLength(5);

    expect(await importFile(lead, 'orders', orderFile)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
      rejected: 4,
    });
  });

  it('keeps the later of two lines with the same id, reports the earlier one, and writes the rest of the batch', async () => {
    const orderFile = file(
      'orders-twice.csv',
      [
        'order_id,customer_id,ordered_at,amount',
        `D-1,${A},2026-04-01,10.00`,
        `D-2,${A},2026-04-02,20.00`,
        `D-1,${A},2026-04-01,11.00`,
      ].join('\n'),
    );
    const summary = await importFile(lead, 'orders', orderFile);
    expect(summary).toMatchObject({ rowsRead: 3, inserted: 2, rejected: 1 });
    expect(summary.errors).toEqual([
      { line: 2, column: 'order_id', message: 'Line 4 has the same id; that later row is used.' },
    ]);
    const rows = await handle.db
      .select({ id: orders.externalId, cents: orders.amountCents })
      .from(orders)
      .where(eq(orders.customerId, await customerId(A)));
    expect(rows.filter((r) => r.id.startsWith('D-')).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'D-1', cents: 1100 },
      { id: 'D-2', cents: 2000 },
    ]);
  });

  it('applies the rows it imported to the KPIs, so that the KPI pages count them at once', async () => {
    const before = await getKpis({ ctx: lead, input: { from: '2026-05', to: '2026-05' } });
    expect(before.series.revenue).toEqual([0]);
    const summary = await importFile(
      lead,
      'orders',
      file(
        'orders-may.csv',
        `order_id,customer_id,ordered_at,amount\nM-1,${A},2026-05-10,40.00\nM-2,${B},2026-05-20,2.50\n`,
      ),
    );
    expect(summary.kpiRefresh).toMatchObject({ full: false, changedCustomers: 2 });
    const after = await getKpis({ ctx: lead, input: { from: '2026-05', to: '2026-05' } });
    expect(after.series.revenue).toEqual([4250]);
    // Nothing new: nothing to recompute.
    expect(
      (
        await importFile(
          lead,
          'orders',
          file('orders-may.csv', `order_id,customer_id,ordered_at,amount\nM-1,${A},2026-05-10,40.00\n`),
        )
      ).kpiRefresh,
    ).toBeNull();
  });

  it('reads pt-BR numbers from a semicolon file and creates missing customers when asked', async () => {
    const ptbr = file('pt.csv', '\uFEFFpedido;cliente;data;valor\nP-1;NOVO-1;07/03/2026;1.234,56\n');
    const summary = await importFile(lead, 'orders', ptbr, {
      locale: 'pt-BR',
      dateFormat: 'DD/MM/YYYY',
      createMissingCustomers: true,
      map: { pedido: 'order_id', cliente: 'customer_id', data: 'ordered_at', valor: 'amount' },
    });
    expect(summary).toMatchObject({ inserted: 1, rejected: 0 });
    const [row] = await handle.db.select().from(orders).where(eq(orders.externalId, 'P-1'));
    expect(row.amountCents).toBe(123456);
    expect(row.orderedAt.toISOString()).toBe('2026-03-07T00:00:00.000Z');
  });

  it('fails clearly when a required column is missing, recording the failed job', async () => {
    const bad = file('bad.csv', 'foo,bar\n1,2\n');
    await expect(importFile(lead, 'orders', bad)).rejects.toThrow(
      /no column for: order_id, customer_id, ordered_at, amount/,
    );
    const [job] = await handle.db.select().from(importJobs).where(eq(importJobs.filename, 'bad.csv'));
    expect(job.status).toBe('failed');
  });
});
