import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { customerMonths, metricActivation, metricCohorts, metricMonths } from '@/db/schema';
import { monthOf, type Month } from '@/lib/metrics/months';
import { inactivityWindowDays } from '@/lib/metrics/window';
import { activationAggregate, cohortAggregate, counterColumn, counterColumns, CUSTOMER_MONTH_COUNTERS, customerMonthAggregate, FEEDBACK_COUNTERS, feedbackAggregate } from './aggregates';
import { rebuildCustomerMonths } from './customer-months';
import { rollupGrouping } from './dimensions';
import { monthIndex, monthStartAt } from './months';
import { readMetricsSettings } from './settings';
import { firstDataMonth, mainCurrency, medianInterPurchaseSeconds, readRollupState, writeRollupState } from './state';

export type RefreshOptions = {
  /** Recompute from this month on (what changed since the last refresh); absent = rebuild everything. */
  from?: Month;
  /** Rollups run to the month of `now`. */
  now?: Date;
  onStep?: (step: string, milliseconds: number) => void;
};

export type RefreshSummary = { full: boolean; from: Month; through: Month; windowDays: number };

const ROLLUP_TABLES = [customerMonths, metricMonths, metricCohorts, metricActivation];

// Any constant shared by every refresh: concurrent refreshes queue instead of interleaving deletes and inserts.
const REFRESH_LOCK = 7_326_411;

/**
 * Brings the KPI rollups up to date in one transaction (readers see the old or the new numbers, never a mix).
 * Incremental from `from`: customer months, monthly inputs and cohort cells of months >= from are recomputed, plus
 * the acquisition months of customers activated since. It rebuilds everything instead when asked to, on the first
 * run, when older data arrived than the rollups hold, or when the inactivity window W must change (a new setting,
 * or a full run recomputing the median inter-purchase interval).
 *
 * Each month is grouped by the customers' attributes (segment, plan, ...) at the time it is computed; after
 * changing attributes of many customers, rebuild everything.
 */
export async function refreshRollups(db: Database, options: RefreshOptions = {}): Promise<RefreshSummary> {
  const through = monthOf((options.now ?? new Date()).getTime());
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    const step = timer(options.onStep);
    const [settings, state, first] = [await readMetricsSettings(tx), await readRollupState(tx), await firstDataMonth(tx)];

    // Data before (or no longer in) the first month the rollups hold moves every month's history.
    let full = options.from === undefined || state === null || first !== state.firstMonth;
    const override = settings.inactivityWindowDays;
    if (override !== null && state?.windowDays !== override) full = true;
    if (override === null && state?.windowFromSetting) full = true;
    const windowDays = override ?? (full ? inactivityWindowDays(await medianInterPurchaseSeconds(tx)) : state!.windowDays);
    const currency = full || state === null ? await mainCurrency(tx) : state.currency;
    // Also from the last month refreshed: it may have been current then, and the months since are new.
    const from = full ? (first ?? through) : Math.max(Math.min(options.from!, state!.throughMonth, through), first!);
    step('settings');

    // DELETE rather than TRUNCATE: readers keep reading the old rollups until this commits instead of waiting.
    if (full) for (const table of ROLLUP_TABLES) await tx.execute(sql`delete from ${table}`);
    await rebuildCustomerMonths(tx, { from, through, windowDays });
    step('customer months');
    await writeMonthInputs(tx, from, through);
    step('monthly inputs');
    await tx.execute(sql`delete from metric_cohorts where month >= ${from}::int`);
    await tx.execute(sql`insert into metric_cohorts (dimension, value, cohort, month, customers, revenue_cents)
      ${cohortAggregate(rollupGrouping, sql`cm.month >= ${from}::int`)}`);
    step('cohorts');
    await writeActivation(tx, from, through);
    step('activation');

    await writeRollupState(tx, { firstMonth: first, throughMonth: through, windowDays, windowFromSetting: override !== null, currency, refreshedAt: new Date() });
    return { full, from, through, windowDays };
  });
}

/** metric_months of months >= from: customer-month counters, then the survey counters of the same months. */
async function writeMonthInputs(db: Executor, from: Month, through: Month): Promise<void> {
  await db.execute(sql`delete from metric_months where month >= ${from}::int`);
  await db.execute(sql`insert into metric_months (dimension, value, month, ${counterColumns(CUSTOMER_MONTH_COUNTERS)})
    ${customerMonthAggregate(rollupGrouping, sql`cm.month >= ${from}::int`)}`);
  const updates = sql.join(
    Object.keys(FEEDBACK_COUNTERS).map((key) => sql`${counterColumn(key)} = excluded.${counterColumn(key)}`),
    sql`, `,
  );
  await db.execute(sql`insert into metric_months (dimension, value, month, ${counterColumns(FEEDBACK_COUNTERS)})
    ${feedbackAggregate(rollupGrouping, { start: monthStartAt(from), end: monthStartAt(through + 1) }, sql`true`)}
    on conflict (dimension, value, month) do update set ${updates}`);
}

/**
 * metric_activation of acquisition months >= from, and of the earlier acquisition months of customers activated
 * since the start of `from` (activation lands after acquisition, so those months changed too).
 */
async function writeActivation(db: Executor, from: Month, through: Month): Promise<void> {
  const months = sql`(month >= ${from}::int or month in (select ${monthIndex(sql`acquired_at`)} from customers
                       where activated_at >= ${monthStartAt(from)} and acquired_at < ${monthStartAt(from)}))`;
  await db.execute(sql`delete from metric_activation where ${months}`);
  await db.execute(sql`insert into metric_activation (dimension, value, month, ttv_days, customers)
    ${activationAggregate(rollupGrouping, sql`c.month <= ${through}::int and ${months}`)}`);
}

function timer(onStep: RefreshOptions['onStep']): (step: string) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    onStep?.(name, now - last);
    last = now;
  };
}

/**
 * Makes sure the rollups reach the month of `now`: built the first time, and extended when a month has begun since
 * the last refresh (from that month, which was still open then). Otherwise nothing to do.
 */
export async function ensureRollupsCurrent(db: Database, now = new Date()): Promise<void> {
  const state = await readRollupState(db);
  if (state && state.throughMonth >= monthOf(now.getTime())) return;
  await refreshRollups(db, { from: state?.throughMonth, now });
}
