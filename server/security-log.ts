import 'server-only';
import { sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import { securityEvents } from '@/db/schema';
import type { Executor } from '@/db/client';
import type { SecurityEventKind } from '@/lib/auth/security-events';
import { requestAddress, requestUserAgent } from './request-address';

export type SecurityEvent = {
  kind: SecurityEventKind;
  userId?: number | null;
  email?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  permission?: string | null;
  target?: string | null;
  detail?: string | null;
};

const PRUNE_BATCH = 500;

/** HOLDFAST_SECURITY_LOG_DAYS: how long the security log keeps an event (default 90 days). */
export function securityLogRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HOLDFAST_SECURITY_LOG_DAYS?.trim();
  if (!raw) return 90;
  if (!/^[1-9]\d{0,4}$/.test(raw))
    throw new Error(`HOLDFAST_SECURITY_LOG_DAYS must be a number of days, not "${raw}".`);
  return Number(raw);
}

// Texts from a request are the client's to choose: kept to a length a person reads.
const clip = (value: string | null | undefined, max: number) => (value == null ? null : value.slice(0, max));

/**
 * Appends an event, and in the same statement deletes up to a batch of events older than the retention (an index
 * range from the oldest end: nothing to scan when there is nothing to delete). Recording must never turn an answer
 * into an error, so a failure is logged on the server and the request goes on.
 */
export async function recordSecurityEvent(db: Executor, event: SecurityEvent): Promise<void> {
  try {
    const days = securityLogRetentionDays();
    await db.execute(sql`
      with pruned as (
        delete from ${securityEvents} where id in (
          select id from ${securityEvents}
          where occurred_at < now() - ${days}::int * interval '1 day'
          order by occurred_at, id limit ${PRUNE_BATCH})
      )
      insert into ${securityEvents} (kind, user_id, email, ip, user_agent, permission, target, detail)
      values (${event.kind}, ${event.userId ?? null}, ${clip(event.email, 254)}, ${clip(event.ip, 64)},
        ${clip(event.userAgent, 500)}, ${clip(event.permission, 100)}, ${clip(event.target, 300)}, ${clip(event.detail, 500)})`);
  } catch (error) {
    console.error('[security-log] could not record an event', event.kind, error);
  }
}

export type RequestOrigin = { ip: string | null; userAgent: string | null; referer: string | null };

/** Where the request being answered came from; all unknown outside a request (the CLI, tests). */
export async function requestOrigin(): Promise<RequestOrigin> {
  try {
    const bag = await headers();
    return { ip: requestAddress(bag), userAgent: requestUserAgent(bag), referer: bag.get('referer') };
  } catch {
    return { ip: null, userAgent: null, referer: null };
  }
}
