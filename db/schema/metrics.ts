import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

/*
 * KPI rollups, rebuilt from subscriptions, orders, feedback and customers by refreshRollups (db/queries/metrics).
 * Months are integer indexes, year * 12 + month - 1, in UTC. These tables are derived data: no foreign keys (a
 * refresh rewrites millions of rows, and a deleted customer's rows go with the next refresh).
 */

const counter = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

function feedbackCounters() {
  return {
    npsPromoters: counter('nps_promoters'),
    npsDetractors: counter('nps_detractors'),
    npsResponses: counter('nps_responses'),
    csatSatisfied: counter('csat_satisfied'),
    csatResponses: counter('csat_responses'),
    cesSum: counter('ces_sum'),
    cesResponses: counter('ces_responses'),
  };
}

/** The month inputs of lib/metrics/inputs.ts that are stored (acquisition and activation come from metric_activation). */
function monthCounters() {
  return {
    customersStart: counter('customers_start'),
    customersEnd: counter('customers_end'),
    newCustomers: counter('new_customers'),
    reactivatedCustomers: counter('reactivated_customers'),
    churnedCustomers: counter('churned_customers'),
    earlyChurnedCustomers: counter('early_churned_customers'),
    involuntaryChurnedCustomers: counter('involuntary_churned_customers'),
    mrrStart: counter('mrr_start'),
    mrrEnd: counter('mrr_end'),
    newMrr: counter('new_mrr'),
    expansionMrr: counter('expansion_mrr'),
    contractionMrr: counter('contraction_mrr'),
    churnedMrr: counter('churned_mrr'),
    reactivationMrr: counter('reactivation_mrr'),
    orderBasisRevenue: counter('order_basis_revenue'),
    orders: counter('orders'),
    revenue: counter('revenue'),
    orderingCustomers: counter('ordering_customers'),
    firstOrderCustomers: counter('first_order_customers'),
    secondOrderCustomers: counter('second_order_customers'),
    ...feedbackCounters(),
  };
}

/** One customer in one month in which they were active at some instant or ordered (lib/metrics/state.ts). */
export const customerMonths = pgTable(
  'customer_months',
  {
    month: integer('month').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    firstMonth: integer('first_month'),
    orderBasis: boolean('order_basis').notNull(),
    activeStart: boolean('active_start').notNull(),
    activeEnd: boolean('active_end').notNull(),
    activeDuring: boolean('active_during').notNull(),
    mrrStart: bigint('mrr_start', { mode: 'number' }).notNull(),
    mrrEnd: bigint('mrr_end', { mode: 'number' }).notNull(),
    orders: integer('orders').notNull(),
    revenueCents: bigint('revenue_cents', { mode: 'number' }).notNull(),
    firstOrder: boolean('first_order').notNull(),
    secondOrder: boolean('second_order').notNull(),
    /** The customer's metric cell when the month was computed: the month counts there (see metricCells). */
    cellId: integer('cell_id').notNull(),
    /** The customer's churn type was involuntary when the month was computed. */
    involuntary: boolean('involuntary').notNull(),
    /** The customer's churn reason when the month was computed. */
    churnReason: text('churn_reason'),
  },
  // Month first: a refresh replaces months from one onward, and a drill-down pages one month's customers by id.
  // Customer first: a refresh of changed customers replaces their months. Neither is unique on purpose: a refresh
  // deletes and re-inserts the same keys in one transaction, and a unique index would check every new row against
  // the deleted ones (a third of a full rebuild's time). The refresh groups by (customer, month), so it writes each
  // pair once.
  (t) => [
    index('customer_months_month_customer_idx').on(t.month, t.customerId),
    index('customer_months_customer_month_idx').on(t.customerId, t.month),
  ],
);

/**
 * The combinations of filter values customers have had (segment, plan, country, owner, loyalty tier): rollups are
 * kept per cell, so that any combination of KPI filters is a sum over the matching cells. Ids are never reused or
 * renumbered (rows of customer_months keep them); `key` is the values as one text, for joins.
 */
export const metricCells = pgTable('metric_cells', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  key: text('key').notNull().unique('metric_cells_key'),
  segment: text('segment'),
  plan: text('plan'),
  country: text('country'),
  ownerId: integer('owner_id'),
  loyaltyTier: text('loyalty_tier'),
});

/** Survey answers of one customer in one month, counted as the rollups count them. */
export const customerFeedbackMonths = pgTable(
  'customer_feedback_months',
  {
    month: integer('month').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    cellId: integer('cell_id').notNull(),
    ...feedbackCounters(),
  },
  (t) => [
    index('customer_feedback_months_customer_month_idx').on(t.customerId, t.month),
    index('customer_feedback_months_month_idx').on(t.month),
  ],
);

/** Each acquired customer's acquisition month and whole days to activation (null = not yet). */
export const customerActivation = pgTable('customer_activation', {
  customerId: bigint('customer_id', { mode: 'number' }).primaryKey(),
  cellId: integer('cell_id').notNull(),
  month: integer('month').notNull(),
  ttvDays: integer('ttv_days'),
});

/**
 * Customers whose KPI inputs changed since the last refresh, and from which month: appended by triggers on customers,
 * subscriptions, orders and feedback (migrations 0007, 0012), taken by the next refresh. Append-only, without keys,
 * so that writers never wait for a refresh. The id's sequence counts every change ever logged: compared with the
 * state's applied_change it says whether (and how much) the rollups lag without reading this table, whose deleted
 * rows a server without autovacuum keeps.
 */
export const metricChanges = pgTable('metric_changes', {
  id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  customerId: bigint('customer_id', { mode: 'number' }).notNull(),
  fromMonth: integer('from_month').notNull(),
});

/**
 * The month inputs of lib/metrics/inputs.ts summed per dimension value: dimension '' and value '' is the whole
 * workspace; otherwise dimension is segment, plan, country, owner (user id) or loyaltyTier, and value '' stands for
 * customers without one.
 */
export const metricMonths = pgTable(
  'metric_months',
  {
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    month: integer('month').notNull(),
    ...monthCounters(),
  },
  (t) => [primaryKey({ columns: [t.dimension, t.value, t.month] })],
);

/** Cohort cells per dimension value: members of the cohort (first active month) retained in `month`, and their revenue. */
export const metricCohorts = pgTable(
  'metric_cohorts',
  {
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    cohort: integer('cohort').notNull(),
    month: integer('month').notNull(),
    customers: counter('customers'),
    revenueCents: counter('revenue_cents'),
    /** Customer months counted, retained or not: a cell exists while this is above 0. */
    facts: counter('facts'),
  },
  (t) => [primaryKey({ columns: [t.dimension, t.value, t.cohort, t.month] })],
);

/**
 * Customers acquired per month and dimension value by whole days to activation (null = not activated): counts and a
 * histogram from which any range's median time to value is exact.
 */
export const metricActivation = pgTable(
  'metric_activation',
  {
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    month: integer('month').notNull(),
    ttvDays: integer('ttv_days'),
    customers: counter('customers'),
  },
  (t) => [unique('metric_activation_key').on(t.dimension, t.value, t.month, t.ttvDays).nullsNotDistinct()],
);

const reasonCounters = () => ({
  churnedCustomers: counter('churned_customers'),
  involuntaryChurnedCustomers: counter('involuntary_churned_customers'),
  /** MRR the churned customers had at the start of their churn month. */
  churnedMrrStart: counter('churned_mrr_start'),
});

/** Churned customers per month by the churn reason recorded on them ('' = none), per dimension value. */
export const metricChurnReasons = pgTable(
  'metric_churn_reasons',
  {
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    month: integer('month').notNull(),
    reason: text('reason').notNull(),
    ...reasonCounters(),
  },
  (t) => [primaryKey({ columns: [t.dimension, t.value, t.month, t.reason] })],
);

/** metric_churn_reasons per metric cell. */
export const metricChurnReasonCells = pgTable(
  'metric_churn_reason_cells',
  {
    cellId: integer('cell_id').notNull(),
    month: integer('month').notNull(),
    reason: text('reason').notNull(),
    ...reasonCounters(),
  },
  (t) => [primaryKey({ columns: [t.cellId, t.month, t.reason] })],
);

/** metric_months per metric cell: a read with several filters sums the matching cells. */
export const metricMonthCells = pgTable(
  'metric_month_cells',
  {
    cellId: integer('cell_id').notNull(),
    month: integer('month').notNull(),
    ...monthCounters(),
  },
  (t) => [primaryKey({ columns: [t.cellId, t.month] })],
);

/** metric_cohorts per metric cell. */
export const metricCohortCells = pgTable(
  'metric_cohort_cells',
  {
    cellId: integer('cell_id').notNull(),
    cohort: integer('cohort').notNull(),
    month: integer('month').notNull(),
    customers: counter('customers'),
    revenueCents: counter('revenue_cents'),
    facts: counter('facts'),
  },
  (t) => [primaryKey({ columns: [t.cellId, t.cohort, t.month] })],
);

/** metric_activation per metric cell. */
export const metricActivationCells = pgTable(
  'metric_activation_cells',
  {
    cellId: integer('cell_id').notNull(),
    month: integer('month').notNull(),
    ttvDays: integer('ttv_days'),
    customers: counter('customers'),
  },
  (t) => [unique('metric_activation_cells_key').on(t.cellId, t.month, t.ttvDays).nullsNotDistinct()],
);

/** What the rollups hold: one row. */
export const metricRollupState = pgTable(
  'metric_rollup_state',
  {
    id: smallint('id').primaryKey().default(1),
    firstMonth: integer('first_month'),
    throughMonth: integer('through_month').notNull(),
    /** The inactivity window W the order-data months were computed with. */
    windowDays: integer('window_days').notNull(),
    windowFromSetting: boolean('window_from_setting').notNull(),
    /** The most used currency of subscriptions and orders: the unit KPI money is reported in. */
    currency: char('currency', { length: 3 }).notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
    /** Every change-log id up to this one is in the rollups (metric_changes_id_seq beyond it: changes pending). */
    appliedChange: bigint('applied_change', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('metric_rollup_state_single_row', sql`${t.id} = 1`)],
);
