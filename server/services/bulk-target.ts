import 'server-only';
import { asc, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customers } from '@/db/schema';
import { customerFilterWhere } from '@/db/queries/customer-filters';
import { queryRows } from '@/db/rows';
import type { BulkTarget } from '@/lib/validation/customer-bulk';
import { parseCustomerListQuery, searchParamsOf } from '@/lib/validation/customer-list';
import type { Actor } from '../context';
import { ConflictError, RuleError, ValidationError } from '../errors';
import { resolveListFilter } from './customer-list';

/** "All matching" applies to at most this many customers at once: one transaction, one audit row each. */
export const BULK_LIMIT = 10_000;

export type ResolvedTarget = { where: SQL; count: number };

/**
 * The customers a bulk action applies to, as a WHERE clause over `customers`. Ticked rows are locked and must still
 * be at the version the user saw; a filter is re-read from the list's URL exactly as the list read it.
 */
export async function resolveBulkTarget(tx: Executor, target: BulkTarget, actor: Actor): Promise<ResolvedTarget> {
  if (target.mode === 'ids') {
    const ids = target.rows.map((r) => r.id);
    const current = await tx
      .select({ id: customers.id, version: customers.version })
      .from(customers)
      .where(inArray(customers.id, ids))
      .orderBy(asc(customers.id))
      .for('update');
    const seen = new Map(target.rows.map((r) => [r.id, r.version]));
    const stale = current.filter((row) => seen.get(row.id) !== row.version).length + (ids.length - current.length);
    if (stale > 0) {
      throw new ConflictError(
        `${stale === 1 ? 'One of the selected customers was' : `${stale} of the selected customers were`} changed or removed by someone else since the list was loaded. Reload the list and try again.`,
      );
    }
    return { where: inArray(customers.id, ids), count: ids.length };
  }
  const { query, ignored } = parseCustomerListQuery(searchParamsOf(target.search));
  if (ignored.length) throw new ValidationError({ targetSearch: ignored.map((problem) => `Filter not understood: ${problem}.`) });
  const where = customerFilterWhere(resolveListFilter(query.filter, actor)) ?? sql`true`;
  const capped = tx.select({ one: sql`1` }).from(customers).where(where).limit(BULK_LIMIT + 1);
  const [{ n }] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from (${capped}) as matching`);
  if (n > BULK_LIMIT) {
    throw new RuleError(`This applies to more than ${BULK_LIMIT.toLocaleString('en-US')} customers. Narrow the filters and apply it in parts.`);
  }
  return { where, count: n };
}
