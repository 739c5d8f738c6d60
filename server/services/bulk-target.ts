import 'server-only';
import { and, asc, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
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

/** `count` customers the action applies to; `erased` more matched but were left out (their data was erased). */
export type ResolvedTarget = { where: SQL; count: number; erased: number };

async function cappedCount(tx: Executor, where: SQL): Promise<number> {
  const capped = tx
    .select({ one: sql`1` })
    .from(customers)
    .where(where)
    .limit(BULK_LIMIT + 1);
  const [{ n }] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from (${capped}) as matching`);
  return n;
}

/**
 * The customers a bulk action applies to, as a WHERE clause over `customers`. Ticked rows are locked and must still
 * be at the version the user saw; a filter is re-read from the list's URL exactly as the list read it. Erased
 * customers are left out (and counted), as the single-record verbs refuse them: nothing may be written about them.
 */
export async function resolveBulkTarget(tx: Executor, target: BulkTarget, actor: Actor): Promise<ResolvedTarget> {
  if (target.mode === 'ids') {
    const ids = target.rows.map((r) => r.id);
    const current = await tx
      .select({ id: customers.id, version: customers.version, erasedAt: customers.erasedAt })
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
    const live = current.filter((row) => !row.erasedAt).map((row) => row.id);
    return { where: inArray(customers.id, live), count: live.length, erased: ids.length - live.length };
  }
  const { query, ignored } = parseCustomerListQuery(searchParamsOf(target.search));
  if (ignored.length)
    throw new ValidationError({ targetSearch: ignored.map((problem) => `Filter not understood: ${problem}.`) });
  const matching = customerFilterWhere(resolveListFilter(query.filter, actor)) ?? sql`true`;
  const where = and(matching, isNull(customers.erasedAt))!;
  const n = await cappedCount(tx, where);
  if (n > BULK_LIMIT) {
    throw new RuleError(
      `This applies to more than ${BULK_LIMIT.toLocaleString('en-US')} customers. Narrow the filters and apply it in parts.`,
    );
  }
  // Counted only below the limit, so this reads at most about as many rows as the action itself.
  return { where, count: n, erased: await cappedCount(tx, and(matching, isNotNull(customers.erasedAt))!) };
}
