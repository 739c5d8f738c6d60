import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { activityKindEnum, priorityEnum, taskStatusEnum } from './enums';
import { customers } from './customers';
import { users } from './users';

export const activities = pgTable(
  'activities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: activityKindEnum('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    outcome: text('outcome'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activities_customer_occurred_idx').on(t.customerId, t.occurredAt.desc().nullsFirst())],
);

export const tasks = pgTable(
  'tasks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' }).references(() => customers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    assigneeId: integer('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    priority: priorityEnum('priority').notNull().default('normal'),
    status: taskStatusEnum('status').notNull().default('open'),
    // Where the task came from: manual, risk_alert, journey, campaign, playbook
    source: text('source').notNull().default('manual'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    outcome: text('outcome'),
    // Optimistic concurrency: writers update `where version = :seen` and bump it.
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Priority rides along so that the Team page's counts (open, overdue, due today, urgent per person) are an
    // index-only scan of the open tasks instead of a visit to every one of their heap pages.
    index('tasks_assignee_open_due_idx')
      .on(t.assigneeId, t.dueAt, t.priority)
      .where(sql`${t.status} = 'open'`),
    index('tasks_customer_idx').on(t.customerId, t.createdAt.desc().nullsFirst()),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_created_idx').on(t.userId, t.createdAt.desc().nullsFirst())],
);

export const savedViews = pgTable(
  'saved_views',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // Which table the view belongs to, e.g. 'customers'
    scope: text('scope').notNull(),
    name: text('name').notNull(),
    // The URL query string state of the table (page size, sort, filters, columns)
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    shared: boolean('shared').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_views_scope_owner_idx').on(t.scope, t.ownerId)],
);
