import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { loginThrottle } from '@/db/schema';
import type { Database } from '@/db/client';

/** Per account: 5 failures in 15 minutes locks it for 15 minutes. Per address: 20 failures (guessing many accounts). */
export const LIMITS = {
  account: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  ip: { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 },
} as const;

type Key = { key: string; kind: keyof typeof LIMITS };

export function throttleKeys(email: string, ip: string | null): Key[] {
  const keys: Key[] = [{ key: `account:${email}`, kind: 'account' }];
  if (ip) keys.push({ key: `ip:${ip}`, kind: 'ip' });
  return keys;
}

/** Minutes until the earliest of the keys is unlocked, or 0 when none is locked. */
export async function lockedForMinutes(db: Database, keys: Key[], now = new Date()): Promise<number> {
  const rows = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys.map((k) => k.key)));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 60_000) : 0;
}

/** Counts a failure in one upsert per key: a new window starts when the old one has passed. */
export async function recordFailure(db: Database, keys: Key[]): Promise<void> {
  for (const { key, kind } of keys) {
    const limit = LIMITS[kind];
    const windowInterval = sql.raw(`interval '${limit.windowMinutes} minutes'`);
    const lockInterval = sql.raw(`interval '${limit.lockMinutes} minutes'`);
    await db.execute(sql`
      insert into login_throttle as t (key, failures, window_started_at, locked_until)
      values (${key}, 1, now(), null)
      on conflict (key) do update set
        failures = case when t.window_started_at < now() - ${windowInterval} then 1 else t.failures + 1 end,
        window_started_at = case when t.window_started_at < now() - ${windowInterval} then now() else t.window_started_at end,
        locked_until = case
          when t.window_started_at >= now() - ${windowInterval} and t.failures + 1 >= ${limit.maxFailures}
          then now() + ${lockInterval} else t.locked_until end`);
  }
}

export async function clearFailures(db: Database, email: string): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [`account:${email}`]));
}
