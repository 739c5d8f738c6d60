import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { customers, riskScores, users, type RiskFactor } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { dailySeries, type DailyPoint } from '@/lib/profile/daily-series';
import { assertCan, type ServiceContext } from '../context';

/*
 * The reads of the customer profile's header and KPI strip: two statements, each a handful of index lookups by
 * customer id (docs/speed-targets.md: a profile's queries <= 50 ms at 1M customers).
 */

export const USAGE_DAYS = 90;
const TOP_RISK_FACTORS = 3;

const profileColumns = {
  id: customers.id,
  externalId: customers.externalId,
  name: customers.name,
  email: customers.email,
  phone: customers.phone,
  company: customers.company,
  segment: customers.segment,
  plan: customers.plan,
  country: customers.country,
  industry: customers.industry,
  lifecycleStage: customers.lifecycleStage,
  loyaltyTier: customers.loyaltyTier,
  mrrCents: customers.mrrCents,
  currency: customers.currency,
  acquiredAt: customers.acquiredAt,
  activatedAt: customers.activatedAt,
  churnedAt: customers.churnedAt,
  churnReason: customers.churnReason,
  ownerId: customers.ownerId,
  consentEmail: customers.consentEmail,
  consentSms: customers.consentSms,
  consentPush: customers.consentPush,
  preferredChannel: customers.preferredChannel,
  erasedAt: customers.erasedAt,
  version: customers.version,
  createdAt: customers.createdAt,
};

type ProfileRow = { [K in keyof typeof profileColumns]: (typeof customers.$inferSelect)[K] };

export type CustomerRisk = {
  score: number;
  band: 'healthy' | 'watch' | 'at_risk' | 'critical';
  scoredAt: Date;
  topFactors: RiskFactor[];
};

export type CustomerProfile = ProfileRow & { ownerName: string | null; risk: CustomerRisk | null };

/** The factors that push the score up most, for "why is this customer at risk". */
export function topRiskFactors(factors: readonly RiskFactor[], limit = TOP_RISK_FACTORS): RiskFactor[] {
  return factors
    .filter((factor) => factor.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, limit);
}

/** The header: the customer, their owner's name and their current risk score, by primary keys. Null if unknown. */
export async function getCustomerProfile({
  ctx,
  customerId,
}: {
  ctx: ServiceContext;
  customerId: number;
}): Promise<CustomerProfile | null> {
  assertCan(ctx.actor, 'customers.read');
  const [row] = await ctx.db
    .select({
      customer: profileColumns,
      ownerName: users.name,
      score: riskScores.score,
      band: riskScores.band,
      factors: riskScores.factors,
      scoredAt: riskScores.scoredAt,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .leftJoin(riskScores, eq(riskScores.customerId, customers.id))
    .where(eq(customers.id, customerId));
  if (!row) return null;
  const risk =
    row.score === null || row.band === null || row.scoredAt === null
      ? null
      : { score: row.score, band: row.band, scoredAt: row.scoredAt, topFactors: topRiskFactors(row.factors ?? []) };
  return { ...row.customer, ownerName: row.ownerName, risk };
}

export type CustomerKpis = {
  /** Orders in the customer's currency plus subscription MRR accrued month by month up to now. */
  revenueToDateCents: number;
  lastLoginAt: Date | null;
  latestNps: { score: number; submittedAt: Date } | null;
  openTickets: number;
  /** Product events per UTC day over the last USAGE_DAYS days, oldest first (billing signals excluded). */
  usage: DailyPoint[];
  usageTotal: number;
};

type KpiRow = {
  order_cents: string | number | null;
  accrued_cents: string | number | null;
  last_login_at: Date | string | null;
  nps_score: number | null;
  nps_at: Date | string | null;
  open_tickets: number;
  usage: { day: string; value: number }[] | null;
};

const toDate = (value: Date | string | null) => (value === null ? null : new Date(value));

// Average Gregorian month in seconds: MRR accrues per month held.
const MONTH_SECONDS = 2_629_746;

/**
 * The KPI strip in one statement of scalar subqueries, each on an index that leads with customer_id: orders
 * (customer, ordered_at), subscriptions (customer, effective_at), events natural key (customer, type, occurred_at)
 * for the last login and (customer, occurred_at) for usage, feedback (customer, kind, submitted_at), open tickets
 * (partial index).
 */
export async function getCustomerKpis({
  ctx,
  customerId,
  now = new Date(),
}: {
  ctx: ServiceContext;
  customerId: number;
  now?: Date;
}): Promise<CustomerKpis> {
  assertCan(ctx.actor, 'customers.read');
  const at = now.toISOString();
  const since = new Date(
    Math.floor(now.getTime() / 86_400_000) * 86_400_000 - (USAGE_DAYS - 1) * 86_400_000,
  ).toISOString();
  const [row] = await queryRows<KpiRow>(
    ctx.db,
    sql`select
      (select sum(o.amount_cents) from orders o
        where o.customer_id = c.id and o.currency = c.currency and o.ordered_at <= ${at}::timestamptz) as order_cents,
      (select sum(s.mrr_cents * greatest(0, extract(epoch from (least(s.until, ${at}::timestamptz) - s.effective_at))) / ${MONTH_SECONDS})::bigint
        from (select mrr_cents, effective_at, lead(effective_at, 1, ${at}::timestamptz) over (order by effective_at) as until
              from subscriptions where customer_id = c.id and currency = c.currency) s) as accrued_cents,
      (select max(e.occurred_at) from events e where e.customer_id = c.id and e.type = 'login') as last_login_at,
      n.score as nps_score,
      n.submitted_at as nps_at,
      (select count(*)::int from tickets t where t.customer_id = c.id and t.resolved_at is null) as open_tickets,
      (select json_agg(json_build_object('day', u.day, 'value', u.value) order by u.day)
        from (select to_char(date_trunc('day', e.occurred_at at time zone 'UTC'), 'YYYY-MM-DD') as day, count(*)::int as value
              from events e
              where e.customer_id = c.id and e.occurred_at >= ${since}::timestamptz and e.occurred_at <= ${at}::timestamptz
                and e.type not in ('payment_failed', 'card_expiring')
              group by 1) u) as usage
    from customers c
    left join lateral (
      select f.score, f.submitted_at from feedback f
      where f.customer_id = c.id and f.kind = 'nps' order by f.submitted_at desc limit 1
    ) n on true
    where c.id = ${customerId}`,
  );
  if (!row)
    return {
      revenueToDateCents: 0,
      lastLoginAt: null,
      latestNps: null,
      openTickets: 0,
      usage: dailySeries([], now, USAGE_DAYS),
      usageTotal: 0,
    };
  const usage = dailySeries(row.usage ?? [], now, USAGE_DAYS);
  const npsAt = toDate(row.nps_at);
  return {
    revenueToDateCents: Number(row.order_cents ?? 0) + Number(row.accrued_cents ?? 0),
    lastLoginAt: toDate(row.last_login_at),
    latestNps: row.nps_score === null || npsAt === null ? null : { score: Number(row.nps_score), submittedAt: npsAt },
    openTickets: Number(row.open_tickets),
    usage,
    usageTotal: usage.reduce((sum, point) => sum + point.value, 0),
  };
}
