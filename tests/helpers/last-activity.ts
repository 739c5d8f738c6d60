import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customerActivity, customers } from '@/db/schema';

/** A customer's last activity by external id; null when they have none. */
export async function lastActivityOf(db: Executor, externalId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: customerActivity.lastActivityAt })
    .from(customers)
    .leftJoin(customerActivity, eq(customerActivity.customerId, customers.id))
    .where(eq(customers.externalId, externalId));
  return row.at;
}
