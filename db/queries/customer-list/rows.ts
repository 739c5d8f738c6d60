import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customerActivity, customers, riskScores } from '@/db/schema';

/** What one list row reads from customers; its risk score and last activity are looked up afterwards for the page's rows only. */
export const listSelection = {
  id: customers.id,
  externalId: customers.externalId,
  name: customers.name,
  email: customers.email,
  company: customers.company,
  segment: customers.segment,
  plan: customers.plan,
  country: customers.country,
  ownerId: customers.ownerId,
  stage: customers.lifecycleStage,
  loyaltyTier: customers.loyaltyTier,
  mrrCents: customers.mrrCents,
  currency: customers.currency,
  acquiredAt: customers.acquiredAt,
  churnedAt: customers.churnedAt,
  version: customers.version,
};

type RiskBand = (typeof riskScores.band.enumValues)[number];

export type CustomerRow = {
  id: number;
  externalId: string;
  name: string;
  email: string | null;
  company: string | null;
  segment: string | null;
  plan: string | null;
  country: string | null;
  ownerId: number | null;
  stage: (typeof customers.lifecycleStage.enumValues)[number];
  loyaltyTier: string | null;
  mrrCents: number;
  currency: string;
  acquiredAt: Date | null;
  churnedAt: Date | null;
  version: number;
};

export type ListRow = CustomerRow & {
  riskScore: number | null;
  riskBand: RiskBand | null;
  lastActivityAt: Date | null;
};

/** A row with its position in the sort, from which a page cursor is made. */
export type KeyedRow = { row: CustomerRow; key: string[] };

/**
 * The current risk scores and last activity of a page's customers, in one query of primary-key lookups. Kept out of
 * the row query on purpose: joined, the planner may merge-join a side table from its start (reading most of it for a
 * deep page); as per-row subqueries, a sorted small result would look up every match before the sort keeps 50.
 */
export async function withSideFacts<T extends { row: CustomerRow }>(
  db: Executor,
  rows: T[],
): Promise<(Omit<T, 'row'> & { row: ListRow })[]> {
  const ids = rows.map((r) => r.row.id);
  const facts = ids.length
    ? await db
        .select({
          id: customers.id,
          score: riskScores.score,
          band: riskScores.band,
          lastActivityAt: customerActivity.lastActivityAt,
        })
        .from(customers)
        .leftJoin(riskScores, eq(riskScores.customerId, customers.id))
        .leftJoin(customerActivity, eq(customerActivity.customerId, customers.id))
        .where(inArray(customers.id, ids))
    : [];
  const byId = new Map(facts.map((f) => [f.id, f]));
  return rows.map((r) => {
    const fact = byId.get(r.row.id);
    return {
      ...r,
      row: {
        ...r.row,
        riskScore: fact?.score ?? null,
        riskBand: fact?.band ?? null,
        lastActivityAt: fact?.lastActivityAt ?? null,
      },
    };
  });
}
