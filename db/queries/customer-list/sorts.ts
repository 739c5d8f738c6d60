import { isNotNull, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { customerActivity, customers, riskScores } from '@/db/schema';
import { riskOfOuterCustomer } from '../outer-customer';
import type { CustomerColumn } from '@/lib/customers/list-columns';
import type { KeyColumn, KeyType } from './keys';
import { rangePart, rankedPart, type SideTable, type SortPart } from './parts';

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
 * A value kept in a narrow side table, sorted on its (value, customer_id) index; customers without a row follow, by id.
 * They are found by a per-row probe, not NOT EXISTS: as an anti-join the planner may merge-join the side table from its
 * start, which reads most of it to reach a deep page.
 */
function bySideTable(side: SideTable, column: AnyColumn, type: KeyType, missing: SQL): SortPart[] {
  return [
    rangePart({
      keys: [
        { column, type },
        { column: side.customerId, type: 'bigint' },
      ],
      side,
    }),
    rangePart({ keys: [id], where: sql`(select true from ${missing}) is null` }),
  ];
}

/**
 * Last activity, on its (last_activity_at, customer_id) index; customers never active follow, by id, on the index of
 * their empty rows. Every customer has a row (migration 0009), so the tail is read like the head: a probe per customer
 * for a missing row walked the whole table to end the sort (2.8 s at 1M customers).
 */
function byLastActivity(): SortPart[] {
  const at = customerActivity.lastActivityAt;
  const customerId: KeyColumn = { column: customerActivity.customerId, type: 'bigint' };
  return [
    rangePart({
      keys: [{ column: at, type: 'timestamptz' }, customerId],
      side: customerActivity,
      where: isNotNull(at),
    }),
    rangePart({ keys: [customerId], side: customerActivity, where: isNull(at) }),
  ];
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
      // Customers never active come last.
      return byLastActivity();
    case 'acquiredAt':
      return byColumn(customers.acquiredAt, 'timestamptz', true);
    case 'owner':
      // By owner name, then customer name: the (owner_id, name, id) index, one owner at a time.
      return [
        rankedPart({
          column: customers.ownerId,
          valueType: 'int',
          values: ctx.ownerIdsByName.map(String),
          within: [name, id],
        }),
        rangePart({ keys: [name, id], where: isNull(customers.ownerId) }),
      ];
    case 'loyalty':
      // By tier rank (tiers the tier table does not know follow, see listTiers), then customers without a tier.
      return [
        rankedPart({ column: customers.loyaltyTier, valueType: 'text', values: ctx.tierKeysByRank, within: [id] }),
        rangePart({ keys: [id], where: isNull(customers.loyaltyTier) }),
      ];
    case 'risk':
      // Customers not scored yet come last.
      return bySideTable(riskScores, riskScores.score, 'int', riskOfOuterCustomer);
  }
}
