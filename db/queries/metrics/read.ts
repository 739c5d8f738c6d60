import { and, asc, between, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import { metricActivation, metricCohorts, metricMonths } from '@/db/schema';
import { emptyInputs, MONTH_COUNTERS, type CohortCell, type MonthInputs } from '@/lib/metrics/inputs';
import type { Month } from '@/lib/metrics/months';
import { activationAggregate, cohortAggregate, customerMonthAggregate, feedbackAggregate } from './aggregates';
import { dimensionsWhere, plainGrouping, type DimensionValues } from './dimensions';
import { monthStartAt, numbersOf } from './months';

export type KpiInputs = {
  /** Inputs of every month up to `to` that had anything in it. */
  history: Map<Month, MonthInputs>;
  /** Cohorts from..to, months up to `to`. */
  cohortCells: CohortCell[];
};

type ActivationRow = { month: number; ttvDays: number | null; customers: number };

/**
 * The inputs of a KPI read. The whole workspace or one filter is a handful of primary-key range reads of the
 * rollups; a combination of filters aggregates customer_months of the matching customers on the fly (slower,
 * proportional to those customers' months).
 */
export async function readKpiInputs(db: Executor, range: { from: Month; to: Month; dimensions: DimensionValues }): Promise<KpiInputs> {
  const set = Object.entries(range.dimensions).filter(([, value]) => value !== undefined);
  if (set.length <= 1) {
    const [dimension, value] = set[0] ?? ['', ''];
    return readRollups(db, { ...range, dimension, value: value! });
  }
  return aggregateFiltered(db, range);
}

async function readRollups(db: Executor, r: { from: Month; to: Month; dimension: string; value: string }): Promise<KpiInputs> {
  const key = (table: typeof metricMonths | typeof metricCohorts | typeof metricActivation) =>
    and(eq(table.dimension, r.dimension), eq(table.value, r.value));
  const [months, activation, cohorts] = await Promise.all([
    db.select().from(metricMonths).where(and(key(metricMonths), lte(metricMonths.month, r.to))).orderBy(asc(metricMonths.month)),
    db
      .select({ month: metricActivation.month, ttvDays: metricActivation.ttvDays, customers: metricActivation.customers })
      .from(metricActivation)
      .where(and(key(metricActivation), between(metricActivation.month, r.from, r.to))),
    db
      .select({ cohort: metricCohorts.cohort, month: metricCohorts.month, customers: metricCohorts.customers, revenueCents: metricCohorts.revenueCents })
      .from(metricCohorts)
      .where(and(key(metricCohorts), between(metricCohorts.cohort, r.from, r.to), lte(metricCohorts.month, r.to))),
  ]);
  const history = new Map<Month, MonthInputs>();
  for (const row of months) history.set(row.month, { ...emptyInputs(), ...numbersOf(row, MONTH_COUNTERS) });
  addActivation(history, activation);
  return { history, cohortCells: cohorts };
}

async function aggregateFiltered(db: Executor, r: { from: Month; to: Month; dimensions: DimensionValues }): Promise<KpiInputs> {
  const customers = dimensionsWhere(r.dimensions);
  const [months, answers, activation, cohorts] = await Promise.all([
    queryRows(db, customerMonthAggregate(plainGrouping, sql`cm.month <= ${r.to}::int and ${customers}`)),
    queryRows(db, feedbackAggregate(plainGrouping, { start: monthStartAt(r.from), end: monthStartAt(r.to + 1) }, customers)),
    queryRows(db, activationAggregate(plainGrouping, sql`c.month between ${r.from}::int and ${r.to}::int and ${customers}`)),
    queryRows(db, cohortAggregate(plainGrouping, sql`cm.first_month between ${r.from}::int and ${r.to}::int and cm.month <= ${r.to}::int and ${customers}`)),
  ]);
  const history = new Map<Month, MonthInputs>();
  // A month's customer-month and survey counters come in separate rows; each lacks the other's keys (read as 0).
  for (const row of [...months, ...answers]) {
    const inputs = monthIn(history, Number(row.month));
    const values = numbersOf(row, MONTH_COUNTERS);
    for (const key of MONTH_COUNTERS) inputs[key] += values[key];
  }
  addActivation(history, activation.map((row) => ({ month: Number(row.month), ttvDays: row.ttvDays === null ? null : Number(row.ttvDays), customers: Number(row.customers) })));
  return {
    history,
    cohortCells: cohorts.map((row) => ({ cohort: Number(row.cohort), month: Number(row.month), customers: Number(row.customers), revenueCents: Number(row.revenueCents) })),
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
