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

/** How aggregate rows are grouped: by the base columns (month, ...) and, for rollups, per dimension value too. */
export type Grouping = {
  /** `dimension, value` select items. */
  keys: SQL;
  groupBy: (base: SQL[]) => SQL;
};

/**
 * The workspace and every single dimension in one pass (GROUPING SETS): dimension '' / value '' for the whole
 * workspace, else the dimension's name and its value ('' for customers without one).
 */
export const rollupGrouping: Grouping = {
  keys: sql`(case ${sql.join(DIMENSIONS.map((d) => sql`when grouping(${column(d)}) = 0 then ${sql.raw(`'${d}'`)}`), sql` `)} else '' end) as dimension,
    coalesce(case ${sql.join(DIMENSIONS.map((d) => sql`when grouping(${column(d)}) = 0 then ${column(d)}::text`), sql` `)} end, '') as value`,
  groupBy: (base) => {
    const sets = [base, ...DIMENSIONS.map((d) => [...base, column(d)])].map((set) => sql`(${sql.join(set, sql`, `)})`);
    return sql`grouping sets (${sql.join(sets, sql`, `)})`;
  },
};

/** Resolved filter values by dimension (the owner as a user id). */
export type DimensionValues = Partial<Record<KpiDimension, string>>;

/** The WHERE condition selecting the customers or metric cells (aliased `alias`) with all these values. */
export function dimensionsWhere(values: DimensionValues, alias = 'c'): SQL {
  const conditions = DIMENSIONS.filter((d) => values[d] !== undefined).map((d) =>
    d === 'owner' ? sql`${column(d, alias)} = ${values[d]}::int` : sql`${column(d, alias)} = ${values[d]}`,
  );
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}
