import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { channelEnum, churnTypeEnum, lifecycleStageEnum } from './enums';
import { users } from './users';

export const customers = pgTable(
  'customers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    company: text('company'),
    segment: text('segment'),
    plan: text('plan'),
    country: text('country'),
    region: text('region'),
    industry: text('industry'),
    ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
    lifecycleStage: lifecycleStageEnum('lifecycle_stage').notNull().default('onboarding'),
    loyaltyTier: text('loyalty_tier'),
    acquiredAt: timestamp('acquired_at', { withTimezone: true }),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    churnedAt: timestamp('churned_at', { withTimezone: true }),
    churnReason: text('churn_reason'),
    churnType: churnTypeEnum('churn_type'),
    // Current MRR, denormalised from subscriptions so that the list sorts and filters on an index.
    mrrCents: bigint('mrr_cents', { mode: 'number' }).notNull().default(0),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    consentEmail: boolean('consent_email').notNull().default(false),
    consentSms: boolean('consent_sms').notNull().default(false),
    consentPush: boolean('consent_push').notNull().default(false),
    preferredChannel: channelEnum('preferred_channel'),
    // Imported columns that have no canonical home, typed (number, boolean, text) by the importer.
    attributes: jsonb('attributes').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customers_external_id_key').on(t.externalId),
    // One (sort column, id) index per sort the customer list offers: every page is a keyset range scan.
    // Owner sorts by the owner's name, then the customer's: (owner_id, name, id) serves both that and "My accounts".
    index('customers_owner_name_idx').on(t.ownerId, t.name, t.id),
    index('customers_name_idx').on(t.name, t.id),
    index('customers_company_idx').on(t.company, t.id),
    index('customers_mrr_idx').on(t.mrrCents, t.id),
    index('customers_segment_idx').on(t.segment, t.id),
    index('customers_plan_idx').on(t.plan, t.id),
    index('customers_country_idx').on(t.country, t.id),
    index('customers_stage_idx').on(t.lifecycleStage, t.id),
    index('customers_loyalty_tier_idx').on(t.loyaltyTier, t.id),
    index('customers_churned_at_idx')
      .on(t.churnedAt)
      .where(sql`${t.churnedAt} is not null`),
    index('customers_acquired_at_idx').on(t.acquiredAt, t.id),
    index('customers_email_idx').on(sql`lower(${t.email})`),
    // Search: substring match on name, email or company through trigram indexes (pg_trgm, migration 0005).
    index('customers_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('customers_email_trgm_idx').using('gin', t.email.op('gin_trgm_ops')),
    index('customers_company_trgm_idx').using('gin', t.company.op('gin_trgm_ops')),
    // Imported-attribute filters: containment (`@>`) for equality and key existence (`?`) use it.
    index('customers_attributes_idx').using('gin', t.attributes),
  ],
);

/**
 * Each customer's newest login, usage event, order or activity (null: never active), maintained by the writers of
 * those, so that the list sorts and filters on it by index. Kept out of `customers` on purpose: an events import moves
 * it for most of the customers it touches, and in the wide customers row every such update also writes an entry into
 * each of its ~19 indexes (trigram and jsonb GIN ones included), ~160 µs a customer; here it touches two.
 * Every customer has a row from the start (a trigger on customers adds it, migration 0009), so that customers never
 * active are read in order from their own index too, instead of by probing every customer for a missing row.
 */
export const customerActivity = pgTable(
  'customer_activity',
  {
    // No foreign key: importers write this table for hundreds of thousands of customers at a time, and a key check
    // locks each customer row; writers only ever take ids from customers, and triggers add a new customer's row and
    // delete a deleted customer's (migrations 0008, 0009).
    customerId: bigint('customer_id', { mode: 'number' }).primaryKey(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
  },
  (t) => [
    index('customer_activity_last_activity_idx').on(t.lastActivityAt, t.customerId),
    index('customer_activity_never_idx')
      .on(t.customerId)
      .where(sql`${t.lastActivityAt} is null`),
  ],
);

/** Stage history: every derived or manual change of lifecycle stage. */
export const lifecycleTransitions = pgTable(
  'lifecycle_transitions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    fromStage: lifecycleStageEnum('from_stage'),
    toStage: lifecycleStageEnum('to_stage').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason'),
  },
  (t) => [index('lifecycle_transitions_customer_idx').on(t.customerId, t.changedAt.desc().nullsFirst())],
);
