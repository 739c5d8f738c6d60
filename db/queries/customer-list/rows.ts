import { sql } from 'drizzle-orm';
import { customers, riskScores } from '@/db/schema';
import { riskOfOuterCustomer } from '../customer-risk';

/**
 * The current risk score of the row's customer, looked up per returned row. A subquery rather than a join: a join
 * lets the planner merge-join risk_scores in id order, reading it from the start up to a deep page's position.
 */
const scoreOf = <T>(column: typeof riskScores.score | typeof riskScores.band) =>
  sql<T | null>`(select ${column} from ${riskOfOuterCustomer})`;

/** What one list row reads: the customer's own columns and its current risk score (a primary-key lookup). */
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
  riskScore: scoreOf<number>(riskScores.score),
  riskBand: scoreOf<(typeof riskScores.band.enumValues)[number]>(riskScores.band),
};

export type ListRow = {
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
  riskScore: number | null;
  riskBand: (typeof riskScores.band.enumValues)[number] | null;
};

/** A row with its position in the sort, from which a page cursor is made. */
export type KeyedRow = { row: ListRow; key: string[] };
