import { inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customers, riskScores } from '@/db/schema';

/** What one list row reads from customers; its risk score is looked up afterwards for the page's rows only. */
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
  lastActivityAt: customers.lastActivityAt,
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
  lastActivityAt: Date | null;
  acquiredAt: Date | null;
  churnedAt: Date | null;
  version: number;
};

export type ListRow = CustomerRow & { riskScore: number | null; riskBand: RiskBand | null };

/** A row with its position in the sort, from which a page cursor is made. */
export type KeyedRow = { row: CustomerRow; key: string[] };

/**
 * The current risk scores of a page's customers, in one primary-key lookup. Kept out of the row query on purpose:
 * joined, the planner may merge-join risk_scores from its start (reading most of it for a deep page); as a per-row
 * subquery, a sorted small result would score every match before the sort keeps 50.
 */
export async function withRisk<T extends { row: CustomerRow }>(db: Executor, rows: T[]): Promise<(Omit<T, 'row'> & { row: ListRow })[]> {
  const ids = rows.map((r) => r.row.id);
  const scores = ids.length
    ? await db.select({ id: riskScores.customerId, score: riskScores.score, band: riskScores.band }).from(riskScores).where(inArray(riskScores.customerId, ids))
    : [];
  const byId = new Map(scores.map((s) => [s.id, s]));
  return rows.map((r) => ({ ...r, row: { ...r.row, riskScore: byId.get(r.row.id)?.score ?? null, riskBand: byId.get(r.row.id)?.band ?? null } }));
}
