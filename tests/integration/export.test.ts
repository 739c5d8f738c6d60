import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte, isNotNull } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { exportKpiTable, streamExport, type ExportName } from '@/server/services/exports';
import { getKpis } from '@/server/services/kpis';
import { ForbiddenError } from '@/server/errors';
import type { ExportFormat } from '@/lib/export/formats';
import type { CustomerFilter } from '@/lib/validation/customer-filters';
import { createTestDatabase } from '../helpers/test-db';
import { actorOf, makeUser } from '../helpers/factories';
import type { ServiceContext } from '@/server/context';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let exec: ServiceContext;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db, {
    customers: 120,
    seed: 3,
    asOf: Date.UTC(2026, 10, 1),
    password: 'export-test-password',
  });
  exec = { db: handle.db, actor: actorOf(await makeUser(handle.db, 'exec')) };
});
afterAll(() => handle.dispose());

async function exportText(ctx: ServiceContext, what: ExportName, format: ExportFormat, filter: CustomerFilter = {}) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const rows = await streamExport({ ctx, input: { what, format, filter, out } });
  out.end();
  return { rows, text: Buffer.concat(chunks).toString('utf8') };
}

describe('exports', () => {
  it('a filtered customer CSV holds exactly the customers the filter selects', async () => {
    const filter: CustomerFilter = { segment: 'b2c', status: 'churned', mrrMin: 0 };
    const expected = await handle.db
      .select({ id: customers.externalId })
      .from(customers)
      .where(and(eq(customers.segment, 'b2c'), isNotNull(customers.churnedAt), gte(customers.mrrCents, 0)));
    expect(expected.length).toBeGreaterThan(0);
    const { rows, text } = await exportText(exec, 'customers', 'csv', filter);
    const lines = text.trim().split('\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['id', 'name', 'email']);
    expect(rows).toBe(expected.length);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(expected.map((e) => e.id).sort());
  });

  it('streams valid JSON and NDJSON with MRR as a decimal amount', async () => {
    const json = JSON.parse((await exportText(exec, 'customers', 'json', { q: 'cus_0000001' })).text);
    expect(json).toHaveLength(1);
    expect(json[0].mrr).toMatch(/^\d+\.\d{2}$/);
    const nd = (await exportText(exec, 'customers', 'ndjson')).text.trim().split('\n');
    expect(nd).toHaveLength(120);
    expect(() => nd.map((l) => JSON.parse(l))).not.toThrow();
    expect(JSON.parse((await exportText(exec, 'customers', 'json', { segment: 'nobody' })).text)).toEqual([]);
  });

  it('the audit export is for admins only', async () => {
    await expect(exportText(exec, 'audit', 'csv')).rejects.toBeInstanceOf(ForbiddenError);
    const admin = { db: handle.db, actor: actorOf(await makeUser(handle.db, 'admin')) };
    const { text } = await exportText(admin, 'audit', 'csv');
    expect(text).toContain('seed.run');
    expect(text).toContain('export.run');
  });

  it('the KPI table holds one row per month with the same numbers as the KPI document', async () => {
    const query = { from: '2026-01', to: '2026-10', filters: { segment: 'b2b_smb' } };
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const rows = await exportKpiTable({ ctx: exec, input: { query, format: 'csv', out } });
    out.end();
    const [header, ...lines] = Buffer.concat(chunks).toString('utf8').trim().split('\n');
    const columns = header.split(',');
    const document = await getKpis({ ctx: exec, input: query });
    expect(rows).toBe(10);
    expect(lines.map((l) => l.split(',')[0])).toEqual(document.months);
    for (const key of ['active_customers', 'churned_customers', 'logo_churn_rate', 'mrr', 'nrr']) {
      const column = columns.indexOf(key);
      expect(column, key).toBeGreaterThan(0);
      const values = lines.map((l) => l.split(',')[column]).map((v) => (v === '' ? null : Number(v)));
      expect(values, key).toEqual(document.series[key as keyof typeof document.series]);
    }
  });
});
