import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';
import type { KpiFilters } from '@/lib/metrics/query';
import type { DimensionValues } from './dimensions';

/** Filter values as the rollups key them (the owner by user id); null when the owner email names no user. */
export async function dimensionValuesOf(db: Executor, filters: KpiFilters): Promise<DimensionValues | null> {
  const { owner, ...rest } = filters;
  if (owner === undefined) return rest;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, owner.toLowerCase()));
  return user ? { ...rest, owner: String(user.id) } : null;
}
