import { bigint, char, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { customers } from './customers';

const customerRef = () =>
  bigint('customer_id', { mode: 'number' })
    .notNull()
    .references(() => customers.id, { onDelete: 'cascade' });

/** MRR history: a row holds from `effective_at` until the customer's next row. MRR 0 means not paying. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: customerRef(),
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
    mrrCents: bigint('mrr_cents', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    plan: text('plan'),
  },
  (t) => [
    uniqueIndex('subscriptions_customer_effective_key').on(t.customerId, t.effectiveAt),
    index('subscriptions_effective_idx').on(t.effectiveAt),
  ],
);

export const orders = pgTable(
  'orders',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: customerRef(),
    externalId: text('external_id').notNull(),
    orderedAt: timestamp('ordered_at', { withTimezone: true }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
  },
  (t) => [
    // Includes customer_id so the table stays distributable by customer (docs/data-model.md).
    uniqueIndex('orders_customer_external_key').on(t.customerId, t.externalId),
    index('orders_customer_ordered_idx').on(t.customerId, t.orderedAt.desc().nullsFirst()),
    index('orders_ordered_idx').on(t.orderedAt),
  ],
);
