import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { customerActivity } from '@/db/schema';
import type { ImportTables } from './writer-types';

/**
 * Moves each customer's last activity forward to the newest activity the import saw, once at the end (or when it stops
 * early) rather than per batch: a time-ordered file touches most customers in every batch, and once per import each
 * customer's row is written at most once. An unchanged re-run writes nothing (the conflict's WHERE is false).
 */
export async function applyActivity(db: Executor, { activity }: ImportTables): Promise<void> {
  await db.execute(sql`
    insert into ${customerActivity} (customer_id, last_activity_at)
    select customer_id, max(at) from ${activity} group by customer_id order by customer_id
    on conflict (customer_id) do update set last_activity_at = excluded.last_activity_at
    where ${customerActivity.lastActivityAt} is null or ${customerActivity.lastActivityAt} < excluded.last_activity_at`);
}
