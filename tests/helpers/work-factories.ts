import crypto from 'node:crypto';
import type { Executor } from '@/db/client';
import { activities, customers, tasks } from '@/db/schema';

/** A customer with personal fields filled in, owned by `ownerId` unless overridden. */
export async function makeCustomer(
  db: Executor,
  ownerId: number | null,
  overrides: Partial<typeof customers.$inferInsert> = {},
) {
  const tag = crypto.randomBytes(4).toString('hex');
  const [row] = await db
    .insert(customers)
    .values({
      externalId: `cus_${tag}`,
      name: `Customer ${tag}`,
      email: `person-${tag}@example.test`,
      phone: '+1 555 0100',
      company: `Company ${tag}`,
      segment: 'b2b_smb',
      plan: 'pro',
      ownerId,
      mrrCents: 12_000,
      acquiredAt: new Date('2024-01-15T00:00:00Z'),
      attributes: { favouriteColour: 'teal' },
      ...overrides,
    })
    .returning();
  return row;
}

export async function makeTask(db: Executor, values: Partial<typeof tasks.$inferInsert> & { title?: string }) {
  const [row] = await db
    .insert(tasks)
    .values({ title: values.title ?? 'Follow up', ...values })
    .returning();
  return row;
}

export async function makeActivity(
  db: Executor,
  values: Partial<typeof activities.$inferInsert> & { customerId: number },
) {
  const [row] = await db
    .insert(activities)
    .values({ kind: 'call', subject: 'Check-in', ...values })
    .returning();
  return row;
}
