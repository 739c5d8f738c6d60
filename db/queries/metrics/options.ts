import { and, asc, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { metricMonths, users } from '@/db/schema';
import type { Month } from '@/lib/metrics/months';
import type { KpiDimension } from '@/lib/metrics/query';
import { SINGLE_DIMENSIONS } from './dimensions';
import { readRollupState } from './state';

export type KpiFilterOptions = {
  segment: string[];
  plan: string[];
  country: string[];
  loyaltyTier: string[];
  /** Owners by email, the way the owner filter names them. */
  owner: { email: string; name: string }[];
  /** The first month with any data (null: none yet), where period pickers start. */
  firstMonth: Month | null;
};

/**
 * The values each KPI filter can take: those the rollups hold a dimension for (so a choice always has numbers),
 * from the rollup table's primary key rather than a scan of customers.
 */
export async function kpiFilterOptions(db: Executor): Promise<KpiFilterOptions> {
  const rows = await db
    .selectDistinct({ dimension: metricMonths.dimension, value: metricMonths.value })
    .from(metricMonths)
    .where(and(inArray(metricMonths.dimension, [...SINGLE_DIMENSIONS]), ne(metricMonths.value, '')))
    .orderBy(asc(metricMonths.dimension), asc(metricMonths.value));
  const values = (dimension: KpiDimension) => rows.filter((row) => row.dimension === dimension).map((row) => row.value);
  const ownerIds = values('owner').map(Number).filter(Number.isInteger);
  const owners = ownerIds.length
    ? await db
        .select({ email: users.email, name: users.name })
        .from(users)
        .where(inArray(users.id, ownerIds))
        .orderBy(asc(sql`lower(${users.name})`), asc(users.email))
    : [];
  const state = await readRollupState(db);
  return {
    segment: values('segment'),
    plan: values('plan'),
    country: values('country'),
    loyaltyTier: values('loyaltyTier'),
    owner: owners,
    firstMonth: state?.firstMonth ?? null,
  };
}
