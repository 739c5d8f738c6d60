import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { customers } from './customers';

export const loyaltyTiers = pgTable(
  'loyalty_tiers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    minPoints: integer('min_points').notNull(),
    benefits: text('benefits'),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('loyalty_tiers_key').on(t.key)],
);

/** Append-only points ledger; a balance is the sum of unexpired rows. */
export const loyaltyLedger = pgTable(
  'loyalty_ledger',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    points: integer('points').notNull(),
    // purchase, engagement, redemption, expiry, adjustment, cashback
    reason: text('reason').notNull(),
    // What earned the points (e.g. 'order:123'), so that re-running earn rules is idempotent.
    sourceRef: text('source_ref'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    index('loyalty_ledger_customer_idx').on(t.customerId, t.occurredAt.desc().nullsFirst()),
    uniqueIndex('loyalty_ledger_source_key').on(t.customerId, t.sourceRef),
  ],
);

export const loyaltyTierChanges = pgTable(
  'loyalty_tier_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    fromTier: text('from_tier'),
    toTier: text('to_tier'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('loyalty_tier_changes_customer_idx').on(t.customerId, t.changedAt.desc().nullsFirst())],
);
