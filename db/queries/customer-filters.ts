import { and, eq, gte, ilike, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { customerActivity, customers, riskScores, users } from '@/db/schema';
import type { CustomerFilter } from '@/lib/validation/customer-filters';
import { attributeConditionSql } from './attribute-conditions';
import { activityOfOuterCustomer, riskOfOuterCustomer } from './outer-customer';
import { likePattern } from './like-pattern';

/** Midnight UTC starting a calendar day, `days` after the given one; computed by PostgreSQL, whose range is wider. */
function utcMidnight(day: string, days = 0): SQL {
  return sql`((${day}::date + ${days}::int)::timestamp at time zone 'UTC')`;
}

function ownerCondition(owner: CustomerFilter['owner']): SQL | undefined {
  if (owner === undefined) return undefined;
  return owner === 'none' ? isNull(customers.ownerId) : eq(customers.ownerId, owner);
}

/** The customer's last activity (customer_activity; no row = never active) meets the condition. */
function activeWhen(condition: SQL): SQL {
  return sql`exists (select 1 from ${activityOfOuterCustomer} and ${condition})`;
}

function searchCondition(q: string): SQL | undefined {
  // Substring matches use the trigram indexes on name, email and company; an external id is matched exactly.
  const pattern = likePattern(q);
  return or(
    ilike(customers.name, pattern),
    ilike(customers.email, pattern),
    ilike(customers.company, pattern),
    eq(customers.externalId, q),
  );
}

/** The WHERE clause of a customer-list filter; the one translation used by the list, exports and segments. */
export function customerFilterWhere(filter: CustomerFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filter.ids ? inArray(customers.id, filter.ids) : undefined,
    filter.segment ? eq(customers.segment, filter.segment) : undefined,
    filter.plan ? eq(customers.plan, filter.plan) : undefined,
    filter.country ? eq(customers.country, filter.country) : undefined,
    filter.ownerEmail
      ? eq(
          customers.ownerId,
          sql`(select ${users.id} from ${users} where ${users.email} = ${filter.ownerEmail.toLowerCase()})`,
        )
      : undefined,
    ownerCondition(filter.owner),
    filter.stage ? eq(customers.lifecycleStage, filter.stage) : undefined,
    filter.riskBand
      ? sql`exists (select 1 from ${riskOfOuterCustomer} and ${riskScores.band} = ${filter.riskBand})`
      : undefined,
    filter.loyaltyTier ? eq(customers.loyaltyTier, filter.loyaltyTier) : undefined,
    filter.status === 'active'
      ? isNull(customers.churnedAt)
      : filter.status === 'churned'
        ? isNotNull(customers.churnedAt)
        : undefined,
    filter.mrrMin !== undefined ? gte(customers.mrrCents, filter.mrrMin) : undefined,
    filter.mrrMax !== undefined ? lte(customers.mrrCents, filter.mrrMax) : undefined,
    filter.activeAfter ? activeWhen(gte(customerActivity.lastActivityAt, utcMidnight(filter.activeAfter))) : undefined,
    filter.activeBefore
      ? activeWhen(lt(customerActivity.lastActivityAt, utcMidnight(filter.activeBefore, 1)))
      : undefined,
    filter.inactiveDays !== undefined
      ? sql`not ${activeWhen(gte(customerActivity.lastActivityAt, sql`now() - make_interval(days => ${filter.inactiveDays}::int)`))}`
      : undefined,
    ...(filter.attributes ?? []).map(attributeConditionSql),
    filter.q ? searchCondition(filter.q) : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined));
}
