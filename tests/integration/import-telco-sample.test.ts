import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { runImport, type ImportOptions } from '@/server/services/imports';
import { getKpis } from '@/server/services/kpis';
import type { ServiceContext } from '@/server/context';
import { actorOf, makeUser } from '../helpers/factories';
import { HAS_TELCO_SAMPLE, NEEDS_TELCO_SAMPLE, TELCO_CSV } from '../helpers/telco';
import { createTestDatabase } from '../helpers/test-db';

const AS_OF = new Date('2026-11-01T00:00:00Z');
// Two imports of 7,043 customers with six years of MRR history each, and the KPI rebuild that follows: on the embedded
// database, with another test file beside it, over a minute.
const SLOW = 240_000;

describe.skipIf(!HAS_TELCO_SAMPLE)(`the real Telco sample (${NEEDS_TELCO_SAMPLE})`, () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let lead: ServiceContext;
  beforeAll(async () => {
    handle = await createTestDatabase();
    lead = { db: handle.db, actor: actorOf(await makeUser(handle.db, 'lead')) };
  });
  afterAll(() => handle.dispose());

  const importSample = (patch: Partial<ImportOptions> = {}) =>
    runImport({
      ctx: lead,
      input: {
        kind: 'customers',
        filePath: TELCO_CSV,
        filename: path.basename(TELCO_CSV),
        options: { map: {}, locale: 'en', asOf: AS_OF, createMissingCustomers: false, dryRun: false, ...patch },
      },
    });

  it(
    'imports all 7,043 customers, 1,869 of them churned, with their MRR, plan, stage and attributes, and changes nothing on re-import',
    async () => {
      const first = await importSample();
      expect(first).toMatchObject({ rowsRead: 7043, inserted: 7043, updated: 0, unchanged: 0, rejected: 0 });
      expect(first.warnings).toMatchObject([{ code: 'churned_with_mrr', count: 1869, column: 'MonthlyCharges' }]);

      const [stayed] = await handle.db.select().from(customers).where(eq(customers.externalId, '5575-GNVDE'));
      expect(stayed).toMatchObject({
        churnedAt: null,
        name: '5575-GNVDE',
        mrrCents: 5695,
        plan: 'One year',
        lifecycleStage: 'loyal',
      });
      expect(stayed.acquiredAt?.toISOString()).toBe('2024-01-01T00:00:00.000Z'); // tenure 34 months before the as-of date
      expect(stayed.attributes).toMatchObject({
        gender: 'Male',
        SeniorCitizen: 0,
        Partner: false,
        TotalCharges: 1889.5,
      });

      const [left] = await handle.db.select().from(customers).where(eq(customers.externalId, '3668-QPYBK'));
      expect(left).toMatchObject({ churnedAt: AS_OF, churnType: 'voluntary', lifecycleStage: 'churned' });
      const [{ n }] = await handle.db
        .select({ n: count() })
        .from(customers)
        .where(eq(customers.lifecycleStage, 'churned'));
      expect(n).toBe(1869);
      const [blankTotal] = await handle.db.select().from(customers).where(eq(customers.externalId, '4472-LVYGI'));
      expect(blankTotal.attributes.TotalCharges).toBeNull();

      expect(await importSample()).toMatchObject({ inserted: 0, updated: 0, unchanged: 7043, rejected: 0 });
    },
    SLOW,
  );

  it(
    'counts the sample in the KPIs of its month: 5,174 active customers, their MRR, and 1,869 churned',
    async () => {
      const kpis = await getKpis({
        ctx: lead,
        input: { from: '2026-11', to: '2026-11' },
        now: new Date('2026-12-02T00:00:00Z'),
      });
      expect(kpis.series).toMatchObject({
        active_customers: [5174],
        mrr: [31_698_575],
        churned_customers: [1869],
        churned_mrr: [13_913_085],
      });
    },
    SLOW,
  );
});
