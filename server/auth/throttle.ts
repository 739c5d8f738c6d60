import 'server-only';
import { eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { loginThrottle } from '@/db/schema';
import type { Database } from '@/db/client';
import { queryRows } from '@/db/rows';

/** Per account: 5 failures in 15 minutes locks it for 15 minutes. Per address: 20 failures (guessing many accounts). */
export const LIMITS = {
  account: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  ip: { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 },
} as const;

type Kind = keyof typeof LIMITS;
export type ThrottleKey = { key: string; kind: Kind };

export function accountKey(email: string): ThrottleKey {
  return { key: `account:${email}`, kind: 'account' };
}

/** accountKey in SQL, to join an account's counter to its user row. */
export function accountKeyOf(email: SQL | AnyColumn): SQL {
  return sql`'account:' || ${email}`;
}

export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  const keys = [accountKey(email)];
  if (ip) keys.push({ key: `ip:${ip}`, kind: 'ip' });
  return keys;
}

/** The limit of the row being updated, chosen by its key's kind (one statement serves every kind). */
function limitOf(column: 'maxFailures' | 'windowMinutes' | 'lockMinutes', unit: '' | ' minutes'): SQL {
  const cases = Object.entries(LIMITS).map(([kind, limit]) => `when t.key like '${kind}:%' then ${limit[column]}`);
  const value = `case ${cases.join(' ')} end`;
  return sql.raw(unit ? `(${value}) * interval '1${unit}'` : `(${value})`);
}

/** `locksOnFailure`: the kinds this attempt locks if its password turns out wrong (it was the last one allowed). */
export type Reservation =
  { allowed: true; locksOnFailure: Kind[] } | { allowed: false; lockedForMinutes: number; lockedKinds: Kind[] };

/**
 * Counts this attempt against every key before the password is checked, in one statement, and answers whether it
 * may go ahead: a key's row is locked while it is updated, so however many attempts arrive at once, no more than the
 * limit get a password check in a window. The attempt that reaches the limit sets the lock and still gets its check;
 * `settleSuccess` takes it back when the password was right. Nothing is counted while any of the keys is locked.
 */
export async function reserveAttempt(db: Database, keys: ThrottleKey[]): Promise<Reservation> {
  const names = keys.map((k) => k.key);
  const list = sql.join(
    names.map((name) => sql`${name}`),
    sql`, `,
  );
  const rows = sql.join(
    names.map((name) => sql`(${name})`),
    sql`, `,
  );
  const window = limitOf('windowMinutes', ' minutes');
  const expired = sql`t.window_started_at < now() - ${window}`;
  const answers = await queryRows<{
    key: string;
    reserved: boolean;
    locking: boolean;
    locked_until: Date | string | null;
  }>(
    db,
    sql`
    with locked as (
      select 1 from login_throttle where key in (${list}) and locked_until > now()
    ), reserved as (
      insert into login_throttle as t (key, failures, window_started_at, locked_until)
      select v.key, 1, now(), null from (values ${rows}) as v(key)
      where not exists (select 1 from locked)
      on conflict (key) do update set
        failures = case when ${expired} then 1 else t.failures + 1 end,
        window_started_at = case when ${expired} then now() else t.window_started_at end,
        locked_until = case
          when not ${expired} and t.failures + 1 >= ${limitOf('maxFailures', '')} then now() + ${limitOf('lockMinutes', ' minutes')}
        end
      where t.locked_until is null or t.locked_until <= now()
      returning t.key, t.locked_until is not null as locking
    )
    select k.key, exists (select 1 from reserved r where r.key = k.key) as reserved,
      coalesce((select r.locking from reserved r where r.key = k.key), false) as locking, l.locked_until
    from (values ${rows}) as k(key)
    left join login_throttle l on l.key = k.key and l.locked_until > now()`,
  );
  const answerOf = (k: ThrottleKey) => answers.find((row) => row.key === k.key);
  if (answers.every((row) => row.reserved))
    return { allowed: true, locksOnFailure: keys.filter((k) => answerOf(k)?.locking).map((k) => k.kind) };
  // A key locked by an attempt that committed while this statement ran is not visible to it: assume a full lock.
  const now = Date.now();
  const until = Math.max(...answers.map((row) => (row.locked_until ? new Date(row.locked_until).getTime() : 0)));
  const lockedKinds = keys.filter((k) => !answerOf(k)?.reserved).map((k) => k.kind);
  const lockMinutes = Math.max(...lockedKinds.map((kind) => LIMITS[kind].lockMinutes));
  const lockedForMinutes = until > now ? Math.ceil((until - now) / 60_000) : lockMinutes;
  await releaseAttempt(
    db,
    keys.filter((k) => answerOf(k)?.reserved),
  );
  return { allowed: false, lockedForMinutes, lockedKinds };
}

/** Takes back a reserved attempt that did not fail (a right password, or one refused on another key). */
async function releaseAttempt(db: Database, keys: ThrottleKey[]): Promise<void> {
  for (const { key, kind } of keys) {
    await db.execute(sql`
      update login_throttle set
        failures = greatest(failures - 1, 0),
        locked_until = case when failures - 1 < ${LIMITS[kind].maxFailures} then null else locked_until end
      where key = ${key}`);
  }
}

/** The password was right: the account's count starts again, and the attempt does not count against the address. */
export async function settleSuccess(db: Database, keys: ThrottleKey[]): Promise<void> {
  await releaseAttempt(
    db,
    keys.filter((k) => k.kind !== 'account'),
  );
  for (const k of keys.filter((k) => k.kind === 'account'))
    await db.delete(loginThrottle).where(eq(loginThrottle.key, k.key));
}
