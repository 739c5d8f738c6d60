import { and, asc, between, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import { metricActivation, metricCohorts, metricMonths } from '@/db/schema';
import { emptyInputs, MONTH_COUNTERS, type CohortCell, type MonthInputs } from '@/lib/metrics/inputs';
import type { Month } from '@/lib/metrics/months';
import { counterColumnName, STORED_MONTH_COUNTERS } from './aggregates';
import { dimensionsWhere, rollupKey, type DimensionValues } from './dimensions';
import { numbersOf } from './months';

export type KpiInputs = {
  /** Inputs of every month up to `to` that had anything in it. */
  history: Map<Month, MonthInputs>;
  /** Cohorts from..to, months up to `to`. */
  cohortCells: CohortCell[];
};

type ActivationRow = { month: number; ttvDays: number | null; customers: number };

/**
 * The inputs of a KPI read. The whole workspace, one filter or two are a handful of primary-key range reads of the
 * dimension rollups; more filters sum the rollups of the metric cells that match them all.
 */
export async function readKpiInputs(
  db: Executor,
  range: { from: Month; to: Month; dimensions: DimensionValues },
): Promise<KpiInputs> {
  const key = rollupKey(range.dimensions);
  return key ? readRollups(db, { ...range, ...key }) : aggregateFiltered(db, range);
}

async function readRollups(
  db: Executor,
  r: { from: Month; to: Month; dimension: string; value: string },
): Promise<KpiInputs> {
  const key = (table: typeof metricMonths | typeof metricCohorts | typeof metricActivation) =>
    and(eq(table.dimension, r.dimension), eq(table.value, r.value));
  const [months, activation, cohorts] = await Promise.all([
    db
      .select()
      .from(metricMonths)
      .where(and(key(metricMonths), lte(metricMonths.month, r.to)))
      .orderBy(asc(metricMonths.month)),
    db
      .select({
        month: metricActivation.month,
        ttvDays: metricActivation.ttvDays,
        customers: metricActivation.customers,
      })
      .from(metricActivation)
      .where(and(key(metricActivation), between(metricActivation.month, r.from, r.to))),
    db
      .select({
        cohort: metricCohorts.cohort,
        month: metricCohorts.month,
        customers: metricCohorts.customers,
        revenueCents: metricCohorts.revenueCents,
      })
      .from(metricCohorts)
      .where(and(key(metricCohorts), between(metricCohorts.cohort, r.from, r.to), lte(metricCohorts.month, r.to))),
  ]);
  const history = new Map<Month, MonthInputs>();
  for (const row of months) history.set(row.month, { ...emptyInputs(), ...numbersOf(row, MONTH_COUNTERS) });
  addActivation(history, activation);
  return { history, cohortCells: cohorts };
}

/** Sums of the metric cells matching every filter (alias `c` in `dimensionsWhere`). */
async function aggregateFiltered(
  db: Executor,
  r: { from: Month; to: Month; dimensions: DimensionValues },
): Promise<KpiInputs> {
  const cells = sql`(select id from metric_cells c where ${dimensionsWhere(r.dimensions)})`;
  const sums = (columns: string[]) => sql.raw(columns.map((column) => `sum(${column}) as "${column}"`).join(', '));
  const [months, activation, cohorts] = await Promise.all([
    queryRows(
      db,
      sql`select month, ${sums(STORED_MONTH_COUNTERS.map(counterColumnName))} from metric_month_cells
      where cell_id in ${cells} and month <= ${r.to}::int group by month`,
    ),
    queryRows(
      db,
      sql`select month, ttv_days, sum(customers) as customers from metric_activation_cells
      where cell_id in ${cells} and month between ${r.from}::int and ${r.to}::int group by month, ttv_days`,
    ),
    queryRows(
      db,
      sql`select cohort, month, sum(customers) as customers, sum(revenue_cents) as revenue_cents from metric_cohort_cells
      where cell_id in ${cells} and cohort between ${r.from}::int and ${r.to}::int and month <= ${r.to}::int group by cohort, month`,
    ),
  ]);
  const history = new Map<Month, MonthInputs>();
  for (const row of months) {
    const counters = Object.fromEntries(
      STORED_MONTH_COUNTERS.map((key) => [key, Number(row[counterColumnName(key)] ?? 0)]),
    );
    history.set(Number(row.month), { ...emptyInputs(), ...counters });
  }
  addActivation(
    history,
    activation.map((row) => ({
      month: Number(row.month),
      ttvDays: row.ttv_days === null ? null : Number(row.ttv_days),
      customers: Number(row.customers),
    })),
  );
  return {
    history,
    cohortCells: cohorts.map((row) => ({
      cohort: Number(row.cohort),
      month: Number(row.month),
      customers: Number(row.customers),
      revenueCents: Number(row.revenue_cents),
    })),
  };
}

function monthIn(history: Map<Month, MonthInputs>, month: Month): MonthInputs {
  let inputs = history.get(month);
  if (!inputs) history.set(month, (inputs = emptyInputs()));
  return inputs;
}

function addActivation(history: Map<Month, MonthInputs>, rows: readonly ActivationRow[]): void {
  for (const row of rows) {
    const inputs = monthIn(history, row.month);
    inputs.acquiredCustomers += row.customers;
    if (row.ttvDays !== null) {
      inputs.activatedCustomers += row.customers;
      inputs.ttvDays[row.ttvDays] = (inputs.ttvDays[row.ttvDays] ?? 0) + row.customers;
    }
  }
}
