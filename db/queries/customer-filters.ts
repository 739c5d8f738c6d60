import { and, eq, gte, ilike, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { customers, users } from '@/db/schema';
import type { CustomerFilter } from '@/lib/validation/customer-filters';

/** Escapes LIKE wildcards so that a search for "50%" matches the text, not everything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE clause of a customer-list filter; the one translation used by the list, exports and segments. */
export function customerFilterWhere(filter: CustomerFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filter.segment ? eq(customers.segment, filter.segment) : undefined,
    filter.plan ? eq(customers.plan, filter.plan) : undefined,
    filter.country ? eq(customers.country, filter.country) : undefined,
    filter.ownerEmail
      ? eq(customers.ownerId, sql`(select ${users.id} from ${users} where ${users.email} = ${filter.ownerEmail.toLowerCase()})`)
      : undefined,
    filter.stage ? eq(customers.lifecycleStage, filter.stage) : undefined,
    filter.status === 'active' ? isNull(customers.churnedAt) : filter.status === 'churned' ? isNotNull(customers.churnedAt) : undefined,
    filter.mrrMin !== undefined ? gte(customers.mrrCents, filter.mrrMin) : undefined,
    filter.mrrMax !== undefined ? lte(customers.mrrCents, filter.mrrMax) : undefined,
    filter.q
      ? or(
          ilike(customers.name, likePattern(filter.q)),
          ilike(customers.email, likePattern(filter.q)),
          ilike(customers.company, likePattern(filter.q)),
          eq(customers.externalId, filter.q),
        )
      : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined));
}
