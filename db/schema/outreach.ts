import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { channelEnum } from './enums';
import { customers } from './customers';
import { users } from './users';
import { campaigns } from './programs';

export const outreachTemplates = pgTable('outreach_templates', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  channel: channelEnum('channel').notNull(),
  subject: text('subject'),
  // Body with {{variables}} such as {{customer.name}}
  body: text('body').notNull(),
  createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The outbox: every message, sent or not, with its status. */
export const outreachMessages = pgTable(
  'outreach_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    templateId: integer('template_id').references(() => outreachTemplates.id, { onDelete: 'set null' }),
    campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    channel: channelEnum('channel').notNull(),
    toAddress: text('to_address'),
    subject: text('subject'),
    body: text('body').notNull(),
    // queued, sent, not_delivered, failed, suppressed (no consent, frequency cap, quiet hours)
    status: text('status').notNull().default('queued'),
    statusReason: text('status_reason'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outreach_messages_customer_idx').on(t.customerId, t.createdAt.desc().nullsFirst()),
    index('outreach_messages_status_idx').on(t.status, t.createdAt),
  ],
);
