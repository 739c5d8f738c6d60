import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customerActivity, customers, riskScores } from '@/db/schema';
import {
  beyondKey,
  keySelection,
  keyValuesOf,
  orderByKeys,
  typedValue,
  validKey,
  type KeyColumn,
  type KeyType,
} from './keys';
import { listSelection, type CustomerRow, type KeyedRow } from './rows';

export type PartArgs = {
  db: Executor;
  /** The list's filter. */
  where: SQL | undefined;
  /** Rows strictly beyond this key, in `direction`; null = from the part's start in that direction. */
  from: string[] | null;
  direction: 'asc' | 'desc';
  limit: number;
  /**
   * Every id the filter matches (a PostgreSQL array literal), when they are few and already read: the part sorts
   * them outright instead of walking an index past rows the filter rejects. Null: walk the index with the filter.
   */
  matches: string | null;
};

/**
 * A stretch of one sort order that a single index serves, e.g. "customers with a company, by (company, id)"; a sort
 * is a sequence of parts (rows without a value come after the rest, in both directions).
 */
export type SortPart = {
  validKey: (key: string[]) => boolean;
  rows: (args: PartArgs) => Promise<KeyedRow[]>;
};

function splitKeys(row: Record<string, unknown>, count: number): KeyedRow {
  const { k0: _k0, k1: _k1, k2: _k2, k3: _k3, ...rest } = row;
  return { row: rest as CustomerRow, key: keyValuesOf(row, count) };
}

/** A narrow per-customer table whose sort index a part walks, joining each row's customer by primary key. */
export type SideTable = typeof riskScores | typeof customerActivity;

/** The list's rows with their sort keys; `side` joins the table whose (value, customer_id) index the sort walks. */
function select(db: Executor, keys: readonly KeyColumn[], side?: SideTable) {
  const query = db
    .select({ ...listSelection, ...keySelection(keys) })
    .from(customers)
    .$dynamic();
  return side ? query.innerJoin(side, eq(side.customerId, customers.id)) : query;
}

/**
 * For a small result: the matching ids read by the count (with the filter's own best plan, e.g. a trigram bitmap
 * scan), looked up by primary key and sorted. Otherwise the planner may walk the sort's index past thousands of rows
 * the filter rejects, expecting matches to come sooner than they do (a 167-row search: 23 ms walking, 3 ms this way).
 */
function matchingIds(filter: SQL | undefined, matches: string | null): SQL | undefined {
  return matches === null ? filter : sql`${customers.id} = any(${matches}::bigint[])`;
}

/** Rows in the order of `keys`, from the index on those keys (a backward scan for descending order). */
export function rangePart({ keys, where, side }: { keys: KeyColumn[]; where?: SQL; side?: SideTable }): SortPart {
  return {
    validKey: (key) => validKey(keys, key),
    rows: async ({ db, where: filter, from, direction, limit, matches }) => {
      const rows = await select(db, keys, side)
        .where(and(matchingIds(filter, matches), where, from ? beyondKey(keys, from, direction) : undefined))
        .orderBy(...orderByKeys(keys, direction))
        .limit(limit);
      return rows.map((row) => splitKeys(row, keys.length));
    },
  };
}

/**
 * Rows grouped by a column whose order comes from elsewhere (owners by their name, loyalty tiers by rank), each
 * group in `within` order. `values` lists the column's values in that order. A large result is read group by group
 * from the (column, ...within) index; a small one is sorted in one query, since walking each group's index would
 * read far more rows than the filter keeps.
 */
export function rankedPart({
  column,
  valueType,
  values,
  within,
}: {
  column: AnyColumn;
  valueType: KeyType;
  values: string[];
  within: KeyColumn[];
}): SortPart {
  const rank = sql`array_position(array[${sql.join(
    values.map((v) => typedValue(valueType, v)),
    sql`, `,
  )}], ${column})`;
  const keysOf = (value: SQL | AnyColumn): KeyColumn[] => [{ column: value, type: valueType }, ...within];

  async function sorted({ db, from, direction, limit, matches }: PartArgs & { matches: string }): Promise<KeyedRow[]> {
    const keys: KeyColumn[] = [{ column: rank, type: 'int' }, ...within];
    const position = from ? [String(values.indexOf(from[0]) + 1), ...from.slice(1)] : null;
    const rows = await select(db, [{ column, type: valueType }, ...within])
      .where(
        and(
          matchingIds(undefined, matches),
          inArray(column, values),
          position ? beyondKey(keys, position, direction) : undefined,
        ),
      )
      .orderBy(...orderByKeys(keys, direction))
      .limit(limit);
    return rows.map((row) => splitKeys(row, within.length + 1));
  }

  async function groupByGroup({ db, where, from, direction, limit }: PartArgs): Promise<KeyedRow[]> {
    const order = direction === 'asc' ? values : [...values].reverse();
    const out: KeyedRow[] = [];
    for (let i = from ? order.indexOf(from[0]) : 0; i < order.length && out.length < limit; i++) {
      const value = order[i];
      const resume = from && value === from[0] ? beyondKey(within, from.slice(1), direction) : undefined;
      const rows = await select(db, keysOf(column))
        .where(and(where, eq(column, typedValue(valueType, value)), resume))
        .orderBy(...orderByKeys(within, direction))
        .limit(limit - out.length);
      out.push(...rows.map((row) => splitKeys(row, within.length + 1)));
    }
    return out;
  }

  return {
    validKey: (key) => values.includes(key[0]) && validKey(within, key.slice(1)),
    rows: async (args) =>
      values.length === 0
        ? []
        : args.matches !== null
          ? sorted({ ...args, matches: args.matches })
          : groupByGroup(args),
  };
}
