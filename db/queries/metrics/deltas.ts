import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import {
  COHORT_COUNTERS,
  counterColumn,
  counterColumnName,
  counterColumns,
  CUSTOMER_MONTH_COUNTERS,
  FEEDBACK_COUNTERS,
  REASON_COUNTERS,
  selectItems,
  STORED_MONTH_COUNTERS,
} from './aggregates';
import { SET_SQL } from './sets';
import { rollupGrouping } from './dimensions';

/*
 * Rollups move by deltas: the fact rows a refresh wrote count +1, the rows it replaced (kept in OLD) -1, summed per
 * metric cell and key, then added to the cell rollups and, grouped per dimension value, to the dimension rollups.
 * A full build is the same with nothing replaced. The cost follows the rows rewritten, not the workspace.
 */

/** The replaced fact rows of one refresh: temporary copies of customer_months, customer_feedback_months, customer_activation. */
export const OLD = {
  months: sql.raw('refresh_old_months'),
  feedback: sql.raw('refresh_old_feedback'),
  activation: sql.raw('refresh_old_activation'),
};

const FACT_TABLES = {
  months: sql.raw('customer_months'),
  feedback: sql.raw('customer_feedback_months'),
  activation: sql.raw('customer_activation'),
};

export async function createOldFacts(db: Executor): Promise<void> {
  for (const key of Object.keys(OLD) as (keyof typeof OLD)[]) {
    await db.execute(sql`create temp table ${OLD[key]} (like ${FACT_TABLES[key]}) on commit drop`);
  }
}

/** Deletes the fact rows matching `where` (over alias `f`), keeping them in OLD. */
export async function replaceFacts(db: Executor, facts: keyof typeof OLD, where: SQL): Promise<void> {
  await db.execute(sql`
    with gone as (delete from ${FACT_TABLES[facts]} f where ${where} returning f.*)
    insert into ${OLD[facts]} select * from gone`);
}

/** Fact rows a refresh wrote (`where` over alias `f`) weighted +1, with the replaced ones weighted -1. */
function weighted(facts: keyof typeof OLD, where: SQL): SQL {
  return sql`(select 1 as w, f.* from ${FACT_TABLES[facts]} f where ${where}
              union all select -1, o.* from ${OLD[facts]} o)`;
}

type Rollup = {
  /** Temporary table of delta rows: cell_id, the key columns, the counters. */
  delta: string;
  cells: string;
  dimensions: string;
  /** Key columns after the cell or the dimension and value. */
  keys: string[];
  counters: string[];
  /** The unique constraint of each table, for ON CONFLICT. */
  conflict: { cells: string; dimensions: string };
  /** A row with no facts left (over the table's columns): it goes, as a full build would not have it. */
  empty: string;
};

const MONTH_COUNTER_COLUMNS = STORED_MONTH_COUNTERS.map(counterColumnName);

const MONTHS: Rollup = {
  delta: 'refresh_delta_months',
  cells: 'metric_month_cells',
  dimensions: 'metric_months',
  keys: ['month'],
  counters: MONTH_COUNTER_COLUMNS,
  conflict: { cells: '(cell_id, month)', dimensions: '(dimension, value, month)' },
  // Every customer month and every answer adds to some count, so only a month without facts sums to zero.
  empty: MONTH_COUNTER_COLUMNS.map((column) => `${column} = 0`).join(' and '),
};

const COHORTS: Rollup = {
  delta: 'refresh_delta_cohorts',
  cells: 'metric_cohort_cells',
  dimensions: 'metric_cohorts',
  keys: ['cohort', 'month'],
  counters: Object.keys(COHORT_COUNTERS),
  conflict: { cells: '(cell_id, cohort, month)', dimensions: '(dimension, value, cohort, month)' },
  empty: 'facts = 0',
};

const ACTIVATION: Rollup = {
  delta: 'refresh_delta_activation',
  cells: 'metric_activation_cells',
  dimensions: 'metric_activation',
  keys: ['month', 'ttv_days'],
  counters: ['customers'],
  conflict: { cells: 'on constraint metric_activation_cells_key', dimensions: 'on constraint metric_activation_key' },
  empty: 'customers = 0',
};

const REASONS: Rollup = {
  delta: 'refresh_delta_reasons',
  cells: 'metric_churn_reason_cells',
  dimensions: 'metric_churn_reasons',
  keys: ['month', 'reason'],
  counters: ['churned_customers', 'involuntary_churned_customers', 'churned_mrr_start'],
  conflict: { cells: '(cell_id, month, reason)', dimensions: '(dimension, value, month, reason)' },
  empty: 'churned_customers = 0',
};

/**
 * Adds the changes of the rewritten facts to every rollup. `written` selects, per fact table (alias `f`), the rows
 * this refresh wrote.
 */
export async function applyDeltas(db: Executor, written: Record<keyof typeof OLD, SQL>): Promise<void> {
  const months = weighted('months', written.months);
  await db.execute(
    sql`create temp table ${sql.raw(MONTHS.delta)} (like metric_month_cells including defaults) on commit drop`,
  );
  await db.execute(sql`insert into ${sql.raw(MONTHS.delta)} (cell_id, month, ${counterColumns(Object.keys(CUSTOMER_MONTH_COUNTERS))})
    select cm.cell_id, cm.month, ${selectItems(CUSTOMER_MONTH_COUNTERS)} from ${months} cm group by cm.cell_id, cm.month`);
  const feedback = Object.keys(FEEDBACK_COUNTERS);
  await db.execute(sql`insert into ${sql.raw(MONTHS.delta)} (cell_id, month, ${counterColumns(feedback)})
    select f.cell_id, f.month, ${sql.join(
      feedback.map((key) => sql`sum(f.w * f.${counterColumn(key)})`),
      sql`, `,
    )}
    from ${weighted('feedback', written.feedback)} f group by f.cell_id, f.month`);
  await apply(db, MONTHS);

  await db.execute(sql`create temp table ${sql.raw(COHORTS.delta)} on commit drop as
    select cm.cell_id, cm.first_month as cohort, cm.month, ${selectItems(COHORT_COUNTERS)}
    from ${months} cm where cm.first_month is not null group by cm.cell_id, cm.first_month, cm.month`);
  await apply(db, COHORTS);

  await db.execute(sql`create temp table ${sql.raw(REASONS.delta)} on commit drop as
    select cm.cell_id, cm.month, coalesce(cm.churn_reason, '') as reason, ${selectItems(REASON_COUNTERS)}
    from ${months} cm where ${SET_SQL.churned_customers} group by cm.cell_id, cm.month, coalesce(cm.churn_reason, '')`);
  await apply(db, REASONS);

  await db.execute(sql`create temp table ${sql.raw(ACTIVATION.delta)} on commit drop as
    select a.cell_id, a.month, a.ttv_days, sum(a.w) as customers
    from ${weighted('activation', written.activation)} a group by a.cell_id, a.month, a.ttv_days`);
  await apply(db, ACTIVATION);
}

/**
 * Adds the delta rows to the cell rollup and, grouped per dimension value, to the dimension rollup. The upserts
 * return the rows they left without facts, which are then deleted by key.
 */
async function apply(db: Executor, r: Rollup): Promise<void> {
  const list = (prefix: string, names: string[]) => sql.raw(names.map((n) => `${prefix}${n}`).join(', '));
  const sums = sql.raw(r.counters.map((c) => `sum(d.${c})`).join(', '));
  // Facts rewritten unchanged add nothing: their rows are not touched.
  const changed = sql.raw(`having ${r.counters.map((c) => `sum(d.${c}) <> 0`).join(' or ')}`);
  const keys = r.keys.map((k) => sql.raw(`d.${k}`));
  await upsert(
    db,
    r,
    r.cells,
    ['cell_id', ...r.keys],
    sql`select d.cell_id, ${list('d.', r.keys)}, ${sums} from ${sql.raw(r.delta)} d group by d.cell_id, ${list('d.', r.keys)} ${changed}`,
  );
  await upsert(
    db,
    r,
    r.dimensions,
    ['dimension', 'value', ...r.keys],
    sql`select ${rollupGrouping.keys}, ${list('d.', r.keys)}, ${sums} from ${sql.raw(r.delta)} d join metric_cells c on c.id = d.cell_id
        group by ${rollupGrouping.groupBy(keys)} ${changed}`,
  );
}

async function upsert(db: Executor, r: Rollup, table: string, key: string[], rows: SQL): Promise<void> {
  const columns = sql.raw([...key, ...r.counters].join(', '));
  const add = sql.raw(r.counters.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));
  const emptied = sql.raw(`refresh_emptied_${table}`);
  await db.execute(
    sql`create temp table ${emptied} on commit drop as select ${sql.raw(key.join(', '))} from ${sql.raw(table)} limit 0`,
  );
  const [kept] = await queryRows<{ rows: number }>(
    db,
    sql`with written as (
          insert into ${sql.raw(table)} (${columns}) ${rows}
          on conflict ${sql.raw(table === r.cells ? r.conflict.cells : r.conflict.dimensions)} do update set ${add}
          returning ${sql.raw(key.join(', '))}, ${sql.raw(r.empty)} as emptied),
        kept as (insert into ${emptied} select ${sql.raw(key.join(', '))} from written where emptied returning 1)
        select count(*)::int as rows from kept`,
  );
  if (Number(kept.rows) === 0) return;
  // Equality on the key columns uses the table's key index; ttv_days alone may be null.
  const match = sql.raw(
    key.map((k) => (k === 'ttv_days' ? `t.${k} is not distinct from e.${k}` : `t.${k} = e.${k}`)).join(' and '),
  );
  await db.execute(sql`delete from ${sql.raw(table)} t using ${emptied} e where ${match}`);
}
