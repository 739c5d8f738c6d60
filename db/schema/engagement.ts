import {
  bigint,
  doublePrecision,
  index,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { feedbackKindEnum, priorityEnum } from './enums';
import { customers } from './customers';

const customerRef = () =>
  bigint('customer_id', { mode: 'number' })
    .notNull()
    .references(() => customers.id, { onDelete: 'cascade' });

/**
 * Product usage and account signals. `type` is open: login, usage, feature_use, payment_failed, card_expiring, ...
 * `value` carries a magnitude (actions in a session, minutes, amount) where the type has one.
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: customerRef(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    value: doublePrecision('value'),
    name: text('name'),
  },
  (t) => [
    index('events_customer_occurred_idx').on(t.customerId, t.occurredAt.desc().nullsFirst()),
    // The natural key that makes re-importing an events file idempotent (events carry no id in the source); it also
    // serves per-customer reads by type.
    unique('events_natural_key').on(t.customerId, t.type, t.occurredAt, t.name).nullsNotDistinct(),
  ],
);

export const tickets = pgTable(
  'tickets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: customerRef(),
    externalId: text('external_id').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    // question, bug, complaint, billing, feature_request, ... (complaints feed the risk rules)
    kind: text('kind').notNull().default('question'),
    priority: priorityEnum('priority').notNull().default('normal'),
    subject: text('subject'),
  },
  (t) => [
    uniqueIndex('tickets_customer_external_key').on(t.customerId, t.externalId),
    index('tickets_customer_opened_idx').on(t.customerId, t.openedAt.desc().nullsFirst()),
    index('tickets_open_idx')
      .on(t.customerId)
      .where(sql`${t.resolvedAt} is null`),
  ],
);

export const feedback = pgTable(
  'feedback',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: customerRef(),
    kind: feedbackKindEnum('kind').notNull(),
    // nps 0-10, csat 1-5, ces 1-7
    score: smallint('score').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    comment: text('comment'),
  },
  (t) => [
    uniqueIndex('feedback_customer_kind_submitted_key').on(t.customerId, t.kind, t.submittedAt),
    // The profile timeline reads one customer's answers of every kind newest first; the unique key above leads with
    // kind, so without this the timeline would sort all of a customer's feedback on each page.
    index('feedback_customer_submitted_idx').on(t.customerId, t.submittedAt.desc().nullsFirst()),
    index('feedback_kind_submitted_idx').on(t.kind, t.submittedAt),
    // KPI refreshes read a range of months of answers, and the first answer ever.
    index('feedback_submitted_idx').on(t.submittedAt),
  ],
);
