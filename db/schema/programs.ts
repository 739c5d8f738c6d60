import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { users } from './users';

const customerRef = () =>
  bigint('customer_id', { mode: 'number' })
    .notNull()
    .references(() => customers.id, { onDelete: 'cascade' });

/** A saved set of customers: dynamic segments re-evaluate `definition` (filter rules), static ones list members. */
export const segments = pgTable('segments', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  description: text('description'),
  kind: text('kind').notNull().default('dynamic'),
  definition: jsonb('definition').$type<Record<string, unknown>>().notNull().default({}),
  createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const segmentMembers = pgTable(
  'segment_members',
  {
    segmentId: integer('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    customerId: customerRef(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.customerId] }), index('segment_members_customer_idx').on(t.customerId)],
);

export const journeys = pgTable('journeys', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  description: text('description'),
  // draft, active, paused, archived
  status: text('status').notNull().default('draft'),
  entryRule: jsonb('entry_rule').$type<Record<string, unknown>>().notNull().default({}),
  createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const journeySteps = pgTable(
  'journey_steps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    journeyId: integer('journey_id')
      .notNull()
      .references(() => journeys.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    // touchpoint kinds: email, sms, push, task, wait, moment (a "moment of truth" such as first value or renewal)
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    delayDays: integer('delay_days').notNull().default(0),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [uniqueIndex('journey_steps_position_key').on(t.journeyId, t.position)],
);

export const journeyEnrollments = pgTable(
  'journey_enrollments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    journeyId: integer('journey_id')
      .notNull()
      .references(() => journeys.id, { onDelete: 'cascade' }),
    customerId: customerRef(),
    currentStep: integer('current_step').notNull().default(0),
    // active, completed, exited
    status: text('status').notNull().default('active'),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    nextStepAt: timestamp('next_step_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('journey_enrollments_customer_key').on(t.customerId, t.journeyId),
    index('journey_enrollments_due_idx').on(t.status, t.nextStepAt),
  ],
);

export const campaigns = pgTable('campaigns', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  segmentId: integer('segment_id').references(() => segments.id, { onDelete: 'set null' }),
  // discount, upgrade, exclusive_content, personal_support
  offerKind: text('offer_kind').notNull(),
  offerDetails: jsonb('offer_details').$type<Record<string, unknown>>().notNull().default({}),
  channels: text('channels').array().notNull().default([]),
  // round_robin, by_load, keep_owner
  assignment: text('assignment').notNull().default('keep_owner'),
  // draft, running, completed
  status: text('status').notNull().default('draft'),
  ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
  costCents: bigint('cost_cents', { mode: 'number' }).notNull().default(0),
  currency: text('currency').notNull().default('USD'),
  startedAt: timestamp('started_at', { withTimezone: true }),
  endedAt: timestamp('ended_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const campaignMembers = pgTable(
  'campaign_members',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    customerId: customerRef(),
    assigneeId: integer('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    // pending, contacted, responded, won_back, lost
    status: text('status').notNull().default('pending'),
    contactedAt: timestamp('contacted_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    recoveredMrrCents: bigint('recovered_mrr_cents', { mode: 'number' }).notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('campaign_members_customer_key').on(t.customerId, t.campaignId),
    index('campaign_members_campaign_status_idx').on(t.campaignId, t.status),
    index('campaign_members_assignee_idx').on(t.assigneeId, t.status),
  ],
);
