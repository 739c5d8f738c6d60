import { asc, sql, type AnyColumn } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customers, loyaltyTiers, riskScores, users } from '@/db/schema';
import { queryRows } from '@/db/rows';

const MAX_DISTINCT = 500;

/**
 * The distinct non-null values of an indexed customer column, by a loose index scan: one index probe per value
 * instead of reading every row (segments, plans and countries are few; customers may be millions).
 */
export async function distinctValues(db: Executor, column: AnyColumn): Promise<string[]> {
  const rows = await queryRows<{ v: string }>(
    db,
    sql`with recursive walk(v) as (
      (select ${column} from ${customers} where ${column} is not null order by ${column} limit 1)
      union all
      select (select ${column} from ${customers} where ${column} > walk.v order by ${column} limit 1) from walk where walk.v is not null
    )
    select v from walk where v is not null limit ${MAX_DISTINCT}`,
  );
  return rows.map((r) => r.v);
}

export type OwnerOption = { id: number; name: string; email: string; role: string; disabled: boolean };

/** Everyone who can own accounts or appear as an owner, by name: the owner sort follows this order. */
export async function listOwners(db: Executor): Promise<OwnerOption[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .orderBy(asc(users.name), asc(users.id));
  return rows.map(({ disabledAt, ...user }) => ({ ...user, disabled: disabledAt !== null }));
}

export type TierOption = { key: string; name: string };

/** Loyalty tiers by rank, then tier keys that customers carry but the tier table does not know (named by key). */
export async function listTiers(db: Executor): Promise<TierOption[]> {
  const [known, present] = await Promise.all([
    db
      .select({ key: loyaltyTiers.key, name: loyaltyTiers.name })
      .from(loyaltyTiers)
      .orderBy(asc(loyaltyTiers.position), asc(loyaltyTiers.id)),
    distinctValues(db, customers.loyaltyTier),
  ]);
  const keys = new Set(known.map((t) => t.key));
  return [...known, ...present.filter((key) => !keys.has(key)).map((key) => ({ key, name: key }))];
}

export async function hasRiskScores(db: Executor): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(riskScores)
    .limit(1);
  return rows.length > 0;
}

export type AttributeKey = { key: string; type: 'number' | 'boolean' | 'string' };

/**
 * Imported attribute names and their JSON types, from the oldest and newest customers (imports add attributes in
 * batches, so both ends show each import's columns) — a bounded read, never a scan of every customer.
 */
export async function sampleAttributeKeys(db: Executor, sample = 500): Promise<AttributeKey[]> {
  const rows = await queryRows<{ key: string; type: string }>(
    db,
    sql`select distinct a.key, jsonb_typeof(a.value) as type
      from (
        (select ${customers.attributes} as attributes from ${customers} order by ${customers.id} limit ${sample})
        union all
        (select ${customers.attributes} from ${customers} order by ${customers.id} desc limit ${sample})
      ) s, jsonb_each(s.attributes) a
      where jsonb_typeof(a.value) in ('number', 'boolean', 'string')
      order by 1, 2`,
  );
  return rows.map((r) => ({ key: r.key, type: r.type as AttributeKey['type'] }));
}
