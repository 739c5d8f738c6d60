import { isNotNull, isNull, sql, type AnyColumn } from 'drizzle-orm';
import { customers, riskScores } from '@/db/schema';
import { riskOfOuterCustomer } from '../customer-risk';
import type { CustomerColumn } from '@/lib/customers/list-columns';
import type { KeyColumn, KeyType } from './keys';
import { rangePart, rankedPart, type SortPart } from './parts';

/**
 * The order of the small lookup lists some sorts follow: owners by name; loyalty tiers by rank, then any tier keys
 * customers carry that the tier table does not know (so that no customer falls out of the order).
 */
export type SortContext = { ownerIdsByName: number[]; tierKeysByRank: string[] };

const id: KeyColumn = { column: customers.id, type: 'bigint' };
const name: KeyColumn = { column: customers.name, type: 'text' };

/** A column sorted on its (column, id) index; rows without a value follow, by id. */
function byColumn(column: AnyColumn, type: KeyType, nullable: boolean): SortPart[] {
  const keys: KeyColumn[] = [{ column, type }, id];
  if (!nullable) return [rangePart({ keys })];
  return [rangePart({ keys, where: isNotNull(column) }), rangePart({ keys: [id], where: isNull(column) })];
}

/**
 * The parts of each offered sort, each served by an index (db/schema/customers.ts, risk.ts). Ties break on id, so
 * that every row has exactly one position and keyset pages never skip or repeat a row.
 */
export function sortParts(column: CustomerColumn, ctx: SortContext): SortPart[] {
  switch (column) {
    case 'name':
      return byColumn(customers.name, 'text', false);
    case 'company':
      return byColumn(customers.company, 'text', true);
    case 'segment':
      return byColumn(customers.segment, 'text', true);
    case 'plan':
      return byColumn(customers.plan, 'text', true);
    case 'country':
      return byColumn(customers.country, 'text', true);
    case 'stage':
      // An enum sorts in its declared order, which is the lifecycle's.
      return byColumn(customers.lifecycleStage, 'lifecycle_stage', false);
    case 'mrr':
      return byColumn(customers.mrrCents, 'bigint', false);
    case 'lastActivity':
      return byColumn(customers.lastActivityAt, 'timestamptz', true);
    case 'acquiredAt':
      return byColumn(customers.acquiredAt, 'timestamptz', true);
    case 'owner':
      // By owner name, then customer name: the (owner_id, name, id) index, one owner at a time.
      return [
        rankedPart({ column: customers.ownerId, valueType: 'int', values: ctx.ownerIdsByName.map(String), within: [name, id] }),
        rangePart({ keys: [name, id], where: isNull(customers.ownerId) }),
      ];
    case 'loyalty':
      // By tier rank (tiers the tier table does not know follow, see listTiers), then customers without a tier.
      return [
        rankedPart({ column: customers.loyaltyTier, valueType: 'text', values: ctx.tierKeysByRank, within: [id] }),
        rangePart({ keys: [id], where: isNull(customers.loyaltyTier) }),
      ];
    case 'risk':
      // Scored customers by (score, customer_id) on risk_scores; customers not scored yet come last.
      return [
        rangePart({ keys: [{ column: riskScores.score, type: 'int' }, { column: riskScores.customerId, type: 'bigint' }], scored: true }),
        // A per-row probe, not NOT EXISTS: as an anti-join the planner may merge-join risk_scores from its start, which
        // reads most of it to reach a deep page.
        rangePart({ keys: [id], where: sql`(select true from ${riskOfOuterCustomer}) is null` }),
      ];
  }
}
