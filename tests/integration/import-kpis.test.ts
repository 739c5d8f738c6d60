import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { customers, subscriptions } from '@/db/schema';
import { kpiFilterOptions } from '@/db/queries/metrics/options';
import { formatMonth } from '@/lib/metrics/months';
import { runImport, type ImportOptions } from '@/server/services/imports';
import { getKpis } from '@/server/services/kpis';
import { listCustomers, loadCustomerListOptions } from '@/server/services/customer-list';
import type { ServiceContext } from '@/server/context';
import { actorOf, makeUser } from '../helpers/factories';
import { writeTelcoCsv } from '../helpers/telco-shaped';
import { createTestDatabase } from '../helpers/test-db';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-import-kpis-'));
const AS_OF = new Date('2026-11-01T00:00:00Z');
const NOW = new Date('2026-12-02T12:00:00Z');

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

// No mapping: the Telco headers are recognised as they are (MonthlyCharges is the MRR, Contract the plan).
const importCustomers = (filePath: string, patch: Partial<ImportOptions> = {}) =>
  runImport({
    ctx: lead,
    input: {
      kind: 'customers',
      filePath,
      filename: path.basename(filePath),
      options: { map: {}, locale: 'en', asOf: AS_OF, createMissingCustomers: false, dryRun: false, ...patch },
    },
  });

const cents = (amount: string) => Math.round(Number(amount) * 100);
const kpisOf = (month: string) => getKpis({ ctx: lead, input: { from: month, to: month }, now: NOW });
const history = () =>
  handle.db
    .select({
      customerId: subscriptions.customerId,
      effectiveAt: subscriptions.effectiveAt,
      mrrCents: subscriptions.mrrCents,
      plan: subscriptions.plan,
    })
    .from(subscriptions)
    .orderBy(asc(subscriptions.customerId), asc(subscriptions.effectiveAt));

describe('imported customers in the KPIs', () => {
  const file = path.join(dir, 'telco.csv');
  const rows = writeTelcoCsv(file, 1_200);
  const stayed = rows.filter((r) => r.Churn === 'No');
  const left = rows.filter((r) => r.Churn === 'Yes');

  it('counts a Telco-shaped file in active customers, MRR, churn and MRR movements', async () => {
    expect(await importCustomers(file)).toMatchObject({ rowsRead: 1_200, inserted: 1_200, rejected: 0 });
    const november = await kpisOf('2026-11');
    expect(november.series.active_customers).toEqual([stayed.length]);
    expect(november.series.mrr).toEqual([stayed.reduce((sum, r) => sum + cents(r.MonthlyCharges), 0)]);
    expect(november.series.churned_customers).toEqual([left.length]);
    expect(november.series.churned_mrr).toEqual([left.reduce((sum, r) => sum + cents(r.MonthlyCharges), 0)]);
    // Tenure 0: new this month.
    expect(november.series.new_customers).toEqual([rows.filter((r) => r.tenure === '0').length]);

    // October: everyone with some tenure was paying at its end, the churned included.
    const october = await kpisOf('2026-10');
    expect(october.series.active_customers).toEqual([rows.filter((r) => r.tenure !== '0').length]);
  });

  it("keeps a churned customer's MRR as their history up to the churn, and none as current MRR", async () => {
    const [customer] = await handle.db.select().from(customers).where(eq(customers.externalId, left[0].customerID));
    expect(customer).toMatchObject({ mrrCents: 0, plan: left[0].Contract, lifecycleStage: 'churned' });
    const rowsOf = (await history()).filter((h) => h.customerId === customer.id);
    expect(rowsOf).toEqual([
      {
        customerId: customer.id,
        effectiveAt: customer.acquiredAt,
        mrrCents: cents(left[0].MonthlyCharges),
        plan: left[0].Contract,
      },
      { customerId: customer.id, effectiveAt: AS_OF, mrrCents: 0, plan: left[0].Contract },
    ]);
  });

  it('gives tenure-only customers the stage the seed rules give: a long tenure is loyal, not onboarding', async () => {
    const stageOf = async (externalId: string) =>
      (
        await handle.db
          .select({ stage: customers.lifecycleStage })
          .from(customers)
          .where(eq(customers.externalId, externalId))
      )[0].stage;
    const byTenure = (test: (months: number) => boolean) => stayed.find((r) => test(Number(r.tenure)))!.customerID;
    expect(await stageOf(byTenure((m) => m >= 13))).toBe('loyal');
    expect(await stageOf(byTenure((m) => m >= 3 && m <= 11))).toBe('adopting');
    expect(await stageOf(byTenure((m) => m === 1))).toBe('activated');
  });

  it('starts the month picker at the first month with data', async () => {
    const { firstMonth } = await kpiFilterOptions(handle.db);
    const longest = Math.max(...rows.map((r) => Number(r.tenure)));
    expect(firstMonth).toBe(2026 * 12 + 10 - longest);
    const first = await kpisOf(formatMonth(firstMonth!));
    expect(first.series.active_customers[0]).toBeGreaterThan(0);
  });

  it('changes nothing, subscription history included, when the same file is imported again', async () => {
    const before = await history();
    expect(await importCustomers(file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1_200, rejected: 0 });
    expect(await history()).toEqual(before);
  });

  it('builds history from later snapshots of a customers file: a new MRR, a churn, a win-back', async () => {
    const [grows, leaves] = stayed.filter((r) => r.tenure !== '0');
    const returns = left[1];
    const snapshot = path.join(dir, 'december.csv');
    fs.writeFileSync(
      snapshot,
      [
        'customerID,tenure,MonthlyCharges,Churn',
        `${grows.customerID},${Number(grows.tenure) + 1},${((cents(grows.MonthlyCharges) + 1_000) / 100).toFixed(2)},No`,
        `${leaves.customerID},${Number(leaves.tenure) + 1},${leaves.MonthlyCharges},Yes`,
        `${returns.customerID},1,40,No`,
      ].join('\n'),
    );
    const december = new Date('2026-12-01T00:00:00Z');
    expect(await importCustomers(snapshot, { asOf: december })).toMatchObject({ updated: 3, rejected: 0 });
    const kpis = await kpisOf('2026-12');
    expect(kpis.series.expansion_mrr).toEqual([1_000]);
    expect(kpis.series.churned_customers).toEqual([1]);
    expect(kpis.series.churned_mrr).toEqual([cents(leaves.MonthlyCharges)]);
    expect(kpis.series.reactivated_customers).toEqual([1]);
    expect(kpis.series.reactivation_mrr).toEqual([4_000]);
    const [wonBack] = await handle.db.select().from(customers).where(eq(customers.externalId, returns.customerID));
    expect(wonBack).toMatchObject({ lifecycleStage: 'won_back', mrrCents: 4_000, churnedAt: null });

    const before = await history();
    expect(await importCustomers(snapshot, { asOf: december })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await history()).toEqual(before);
  });
});

describe('customer totals after an import', () => {
  it('are exact below 10,000, the planner statistics being refreshed by the import', async () => {
    // Many short rows the planner knows about, then wide imported ones it has not seen (without their MRR, which
    // would take the KPI rollups back 72 months: they are not what this is about).
    const db = await createTestDatabase();
    try {
      const ctx = { db: db.db, actor: actorOf(await makeUser(db.db, 'lead')) };
      await db.db.execute(
        sql`insert into customers (external_id, name) select 'S-' || g, 'S' from generate_series(1, 1500) g`,
      );
      await db.db.execute(sql`analyze customers`);
      const file = path.join(dir, 'wide.csv');
      writeTelcoCsv(file, 4_000, 99);
      await runImport({
        ctx,
        input: {
          kind: 'customers',
          filePath: file,
          filename: 'wide.csv',
          options: {
            map: { monthlycharges: '-' },
            locale: 'en',
            asOf: AS_OF,
            createMissingCustomers: false,
            dryRun: false,
          },
        },
      });
      const options = await loadCustomerListOptions({ ctx });
      const page = await listCustomers({
        ctx,
        query: { filter: { owner: 'any' }, sort: { column: 'name', dir: 'asc' }, size: 25 },
        options,
      });
      expect(page.total).toEqual({ value: 5_500, exact: true });
    } finally {
      await db.dispose();
    }
  });
});
