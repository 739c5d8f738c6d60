import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { queryRows } from '@/db/rows';
import {
  customerActivation,
  customerFeedbackMonths,
  customerMonths,
  metricActivation,
  metricActivationCells,
  metricChurnReasonCells,
  metricChurnReasons,
  metricCohortCells,
  metricCohorts,
  metricMonthCells,
  metricMonths,
} from '@/db/schema';
import { monthOf, type Month } from '@/lib/metrics/months';
import { inactivityWindowDays } from '@/lib/metrics/window';
import { writeCustomerMonths, type FactPart } from './customer-months';
import { applyDeltas, createOldFacts, OLD, replaceFacts } from './deltas';
import { writeActivation, writeFeedbackMonths } from './facts';
import { CHANGED, dropChanges, inPart, prepareScope, takeChanges } from './scope';
import { readMetricsSettings } from './settings';
import { firstDataMonth, mainCurrency, medianInterPurchaseSeconds, readRollupState, writeRollupState } from './state';
import { compactChangeLog, lastLoggedChange, settledWatermark } from './watermark';

export type RefreshOptions = {
  /** Return null at once, doing nothing, when another refresh is running (it or the next one will catch up). */
  skipIfBusy?: boolean;
  /** Rebuild everything. */
  full?: boolean;
  /** Also recompute every customer from this month on. */
  from?: Month;
  /** Rollups run to the month of `now`. */
  now?: Date;
  onStep?: (step: string, milliseconds: number) => void;
};

export type RefreshSummary = {
  full: boolean;
  /** The first month recomputed for every customer (null: none, only changed customers). */
  from: Month | null;
  through: Month;
  windowDays: number;
  /** Customers recomputed because their inputs changed (a full rebuild counts none). */
  changedCustomers: number;
};

const FACTS = [customerMonths, customerFeedbackMonths, customerActivation];
const ROLLUPS = [
  metricMonths,
  metricCohorts,
  metricActivation,
  metricChurnReasons,
  metricMonthCells,
  metricCohortCells,
  metricActivationCells,
  metricChurnReasonCells,
];

// Any constant shared by every refresh: concurrent refreshes queue instead of interleaving deletes and inserts.
const REFRESH_LOCK = 7_326_411;

/**
 * Brings the KPI rollups up to date in one transaction (readers see the old or the new numbers, never a mix).
 *
 * Incremental by default: the customers the change log names (triggers append them on every write to customers,
 * subscriptions, orders and feedback; the log is emptied once taken) are recomputed from the first month that changed for them, every customer
 * from `from` or from the last month refreshed when a month has begun since, and the rollups move by the difference.
 * It rebuilds everything instead when asked to, on the first run, when older data arrived than the rollups hold, or
 * when the inactivity window W must change (a new setting, or a full run recomputing the median inter-purchase
 * interval).
 *
 * A month counts each customer in the metric cell (segment, plan, ...) they had when it was computed: past months
 * keep the values they had then, and a change of values moves the customer from the current month on.
 */
export async function refreshRollups(
  db: Database,
  options: RefreshOptions & { skipIfBusy: true },
): Promise<RefreshSummary | null>;
export async function refreshRollups(db: Database, options?: RefreshOptions): Promise<RefreshSummary>;
export async function refreshRollups(db: Database, options: RefreshOptions = {}): Promise<RefreshSummary | null> {
  const summary = await refreshInTransaction(db, options);
  if (summary) await compactChangeLog(db);
  return summary;
}

async function refreshInTransaction(db: Database, options: RefreshOptions): Promise<RefreshSummary | null> {
  const through = monthOf((options.now ?? new Date()).getTime());
  return db.transaction(async (tx) => {
    if (options.skipIfBusy) {
      const [lock] = await queryRows<{ taken: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${REFRESH_LOCK}) as taken`,
      );
      if (!lock.taken) return null;
    } else {
      await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    }
    const step = timer(options.onStep);
    // Read before the change log is taken: every change up to it is committed and so taken below.
    const watermark = await settledWatermark(tx);
    const [settings, state, first] = [
      await readMetricsSettings(tx),
      await readRollupState(tx),
      await firstDataMonth(tx),
    ];

    // Data before (or no longer in) the first month the rollups hold moves every month's history.
    let full = options.full === true || state === null || first === null || first !== state.firstMonth;
    const override = settings.inactivityWindowDays;
    if (override !== null && state?.windowDays !== override) full = true;
    if (override === null && state?.windowFromSetting) full = true;
    const windowDays =
      override ?? (full ? inactivityWindowDays(await medianInterPurchaseSeconds(tx)) : state!.windowDays);
    const currency = full || state === null ? await mainCurrency(tx) : state.currency;
    step('settings');

    const plan = full
      ? fullPlan(first ?? through, through)
      : await incrementalPlan(tx, { from: options.from, state: state!, first: first!, through });
    step('changes');
    await rewriteFacts(tx, plan, windowDays);
    step('customer facts');
    await applyDeltas(tx, plan.written);
    step('rollups');
    // Rewriting whole months leaves the planner's statistics behind; the next refresh of a few customers relies on
    // them to pick the customer index over a month's rows.
    if (plan.all) await tx.execute(sql`analyze customer_months, customer_feedback_months, customer_activation`);
    step('statistics');

    const appliedChange = watermark ?? state?.appliedChange ?? 0;
    await writeRollupState(tx, {
      firstMonth: first,
      throughMonth: through,
      windowDays,
      windowFromSetting: override !== null,
      currency,
      refreshedAt: new Date(),
      appliedChange,
    });
    return { full, from: plan.all?.from ?? null, through, windowDays, changedCustomers: plan.changedCustomers };
  });
}

type Plan = {
  full: boolean;
  /** Changed customers' months (before `all` starts). */
  changed: FactPart | null;
  /** Every customer's months. */
  all: FactPart | null;
  /** Whose activation facts are rewritten. */
  activation: 'all' | 'changed';
  changedCustomers: number;
  /** The fact rows this refresh writes, per fact table (alias `f`). */
  written: Record<keyof typeof OLD, SQL>;
};

function fullPlan(first: Month, through: Month): Plan {
  const everything = sql`true`;
  return {
    full: true,
    changed: null,
    all: { customers: 'all', from: first, through },
    activation: 'all',
    changedCustomers: 0,
    written: { months: everything, feedback: everything, activation: everything },
  };
}

async function incrementalPlan(
  db: Executor,
  r: { from?: Month; state: { throughMonth: Month }; first: Month; through: Month },
): Promise<Plan> {
  await takeChanges(db);
  const [changes] = await queryRows<{ customers: number; from: number | null }>(
    db,
    sql`select count(*)::int as customers, min(from_month) as from from ${CHANGED}`,
  );
  // The last month refreshed may have been current then, and the months since are new: every customer moves on.
  const rollover = r.state.throughMonth < r.through ? r.state.throughMonth : Infinity;
  const allFrom = Math.min(r.from ?? Infinity, rollover);
  const all: FactPart | null =
    allFrom === Infinity ? null : { customers: 'all', from: Math.max(allFrom, r.first), through: r.through };
  const changedThrough = all ? all.from - 1 : r.through;
  const changedFrom = changes.from === null ? null : Math.max(Math.min(Number(changes.from), r.through), r.first);
  const changed: FactPart | null =
    changedFrom !== null && changedFrom <= changedThrough
      ? { customers: 'changed', from: changedFrom, through: changedThrough }
      : null;
  const parts = [changed, all].filter((part): part is FactPart => part !== null);
  const monthRows = parts.length ? sql.join(parts.map(partRows), sql` or `) : sql`false`;
  return {
    full: false,
    changed,
    all,
    activation: 'changed',
    changedCustomers: changes.customers,
    written: { months: monthRows, feedback: monthRows, activation: inPart(sql`f.customer_id`, 'changed') },
  };
}

/** The fact rows (alias `f`) of a part's customers and months. */
function partRows(part: FactPart): SQL {
  return sql`(f.month between ${part.from}::int and ${part.through}::int and ${inPart(sql`f.customer_id`, part.customers)})`;
}

async function rewriteFacts(db: Executor, plan: Plan, windowDays: number): Promise<void> {
  await createOldFacts(db);
  if (plan.full) {
    await dropChanges(db);
    // DELETE rather than TRUNCATE: readers keep reading the old rollups until this commits instead of waiting.
    for (const table of [...FACTS, ...ROLLUPS]) await db.execute(sql`delete from ${table}`);
  } else {
    await replaceFacts(db, 'months', plan.written.months);
    await replaceFacts(db, 'feedback', plan.written.feedback);
    await replaceFacts(db, 'activation', plan.written.activation);
  }
  await prepareScope(db, plan.all || plan.full ? 'all' : 'changed');
  // Changed customers first: every customer's part starts from their recomputed prior month.
  for (const part of [plan.changed, plan.all]) {
    if (!part) continue;
    await writeCustomerMonths(db, { ...part, windowDays });
    await writeFeedbackMonths(db, part);
  }
  await writeActivation(db, plan.activation);
}

function timer(onStep: RefreshOptions['onStep']): (step: string) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    onStep?.(name, now - last);
    last = now;
  };
}

export type RollupLag = {
  /** A month has begun since the last refresh (or there was none). */
  rollover: boolean;
  /** Changes logged since the last refresh recorded how far it got (0: none); a change is one customer's rows of one statement. */
  pendingChanges: number;
};

/**
 * How far the rollups lag, from the state row and the change log's sequence: the same small cost whatever the log
 * holds, so every KPI read can ask.
 */
export async function rollupsBehind(db: Executor, now = new Date()): Promise<RollupLag & { changes: boolean }> {
  const [state, logged] = await Promise.all([readRollupState(db), lastLoggedChange(db)]);
  const pendingChanges = Math.max(0, logged - (state?.appliedChange ?? 0));
  return {
    rollover: !state || state.throughMonth < monthOf(now.getTime()),
    pendingChanges,
    changes: pendingChanges > 0,
  };
}

/**
 * Makes sure the rollups are current before a read. Without `background` it refreshes and waits (CLI, tests). With it
 * (a page), nothing waits: a refresh runs after the response, unless one is running already (it, or the next read's,
 * catches up), and the page shows the rollups as they are, saying how fresh they are and what is being applied.
 */
export async function ensureRollupsCurrent(
  db: Database,
  now = new Date(),
  background?: (task: () => Promise<unknown>) => void,
): Promise<void> {
  const behind = await rollupsBehind(db, now);
  if (!behind.rollover && !behind.changes) return;
  if (!background) await refreshRollups(db, { now });
  else
    background(() =>
      refreshRollups(db, { now, skipIfBusy: true }).catch((error) =>
        console.error('KPI rollup refresh failed:', error),
      ),
    );
}
