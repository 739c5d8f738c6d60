import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { runImport, type ImportOptions } from '@/server/services/imports';
import type { ServiceContext } from '@/server/context';
import { actorOf, makeUser } from '../helpers/factories';
import { HAS_TELCO_SAMPLE, NEEDS_TELCO_SAMPLE, TELCO_CSV } from '../helpers/telco';
import { createTestDatabase } from '../helpers/test-db';

const AS_OF = new Date('2026-11-01T00:00:00Z');
const MAP = { customerid: 'id', churn: 'churned', tenure: 'tenure_months' };

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
      input: { kind: 'customers', filePath: TELCO_CSV, filename: path.basename(TELCO_CSV), options: { map: MAP, locale: 'en', asOf: AS_OF, createMissingCustomers: false, dryRun: false, ...patch } },
    });

  it('imports all 7,043 customers, 1,869 of them churned, with their attributes, and changes nothing on re-import', async () => {
    expect(await importSample()).toMatchObject({ rowsRead: 7043, inserted: 7043, updated: 0, unchanged: 0, rejected: 0 });

    const [stayed] = await handle.db.select().from(customers).where(eq(customers.externalId, '5575-GNVDE'));
    expect(stayed).toMatchObject({ churnedAt: null, name: '5575-GNVDE' });
    expect(stayed.acquiredAt?.toISOString()).toBe('2024-01-01T00:00:00.000Z'); // tenure 34 months before the as-of date
    expect(stayed.attributes).toMatchObject({ gender: 'Male', SeniorCitizen: 0, Partner: false, TotalCharges: 1889.5 });

    const [left] = await handle.db.select().from(customers).where(eq(customers.externalId, '3668-QPYBK'));
    expect(left).toMatchObject({ churnedAt: AS_OF, churnType: 'voluntary', lifecycleStage: 'churned' });
    const [{ n }] = await handle.db.select({ n: count() }).from(customers).where(eq(customers.lifecycleStage, 'churned'));
    expect(n).toBe(1869);
    const [blankTotal] = await handle.db.select().from(customers).where(eq(customers.externalId, '4472-LVYGI'));
    expect(blankTotal.attributes.TotalCharges).toBeNull();

    expect(await importSample()).toMatchObject({ inserted: 0, updated: 0, unchanged: 7043, rejected: 0 });
  });
});
