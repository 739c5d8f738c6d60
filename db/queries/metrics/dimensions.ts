import { sql, type SQL } from 'drizzle-orm';
import type { KpiDimension } from '@/lib/metrics/query';

/**
 * The customer columns KPIs can be filtered by, allow-listed: SQL names come from here, values are always
 * parameters. Rollups are kept per metric cell (one combination of these values, same column names) and per each
 * one alone, so a read with one filter is a lookup and one with several a sum over the matching cells.
 */
const COLUMNS: Record<KpiDimension, string> = {
  segment: 'segment',
  plan: 'plan',
  country: 'country',
  owner: 'owner_id',
  loyaltyTier: 'loyalty_tier',
};
const DIMENSIONS = Object.keys(COLUMNS) as KpiDimension[];

/** Aggregates read the filter columns from customers or metric cells aliased `c`. */
const column = (dimension: KpiDimension, alias = 'c') => sql.raw(`${alias}.${COLUMNS[dimension]}`);

/** How aggregate rows are grouped: by the base columns (month, ...) and per dimension value too. */
export type Grouping = {
  /** `dimension, value` select items. */
  keys: SQL;
  groupBy: (base: SQL[]) => SQL;
};

/** Separates the values of a pair of dimensions in a rollup's `value` (a control character no value contains). */
const PAIR_SEPARATOR = '\u001f';

/** The workspace, each dimension alone, and each pair of dimensions (in DIMENSIONS order). */
const ROLLUP_SETS: KpiDimension[][] = [
  [],
  ...DIMENSIONS.map((d) => [d]),
  ...DIMENSIONS.flatMap((d, i) => DIMENSIONS.slice(i + 1).map((e) => [d, e])),
];

/** `grouping(...)` of all dimensions is a bit mask with a 1 for each dimension left out of the grouping set. */
const maskOf = (set: KpiDimension[]) =>
  DIMENSIONS.reduce((mask, d, i) => (set.includes(d) ? mask : mask | (1 << (DIMENSIONS.length - 1 - i))), 0);
const valueOf = (d: KpiDimension) => sql`coalesce(${column(d)}::text, '')`;

/**
 * Every rollup set in one pass (GROUPING SETS): dimension '' / value '' for the whole workspace; a dimension's name
 * and its value ('' for customers without one); for a pair, both names joined by '+' and both values joined by
 * PAIR_SEPARATOR. Reads with up to two filters are then lookups; more filters sum metric cells.
 */
export const rollupGrouping: Grouping = {
  keys: (() => {
    const mask = sql`grouping(${sql.join(
      DIMENSIONS.map((d) => column(d)),
      sql`, `,
    )})`;
    const branches = (of: (set: KpiDimension[]) => SQL) =>
      sql.join(
        ROLLUP_SETS.map((set) => sql`when ${sql.raw(String(maskOf(set)))} then ${of(set)}`),
        sql` `,
      );
    const dimension = branches((set) => sql.raw(`'${set.join('+')}'`));
    const value = branches((set) =>
      set.length === 0 ? sql`''` : sql.join(set.map(valueOf), sql` || ${PAIR_SEPARATOR} || `),
    );
    return sql`(case ${mask} ${dimension} end) as dimension, (case ${mask} ${value} end) as value`;
  })(),
  groupBy: (base) => {
    const sets = ROLLUP_SETS.map((set) => sql`(${sql.join([...base, ...set.map((d) => column(d))], sql`, `)})`);
    return sql`grouping sets (${sql.join(sets, sql`, `)})`;
  },
};

/** The dimension rollup key of up to two filters (null for more: those read metric cells). */
export function rollupKey(values: DimensionValues): { dimension: string; value: string } | null {
  const set = DIMENSIONS.filter((d) => values[d] !== undefined);
  if (set.length > 2) return null;
  return { dimension: set.join('+'), value: set.map((d) => values[d]).join(PAIR_SEPARATOR) };
}

/** Single dimensions, the ones filter options list. */
export const SINGLE_DIMENSIONS: readonly string[] = DIMENSIONS;

/** Resolved filter values by dimension (the owner as a user id). */
export type DimensionValues = Partial<Record<KpiDimension, string>>;

/** The WHERE condition selecting the customers or metric cells (aliased `alias`) with all these values. */
export function dimensionsWhere(values: DimensionValues, alias = 'c'): SQL {
  const conditions = DIMENSIONS.filter((d) => values[d] !== undefined).map((d) =>
    d === 'owner' ? sql`${column(d, alias)} = ${values[d]}::int` : sql`${column(d, alias)} = ${values[d]}`,
  );
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}
