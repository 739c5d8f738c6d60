import { LOYALTY_TIERS, POINTS_PER_UNIT, POINTS_TTL_DAYS } from './catalog';
import { DAY } from './time';

export type Earning = { at: number; points: number; sourceRef: string; expiresAt: number };
export type TierChange = { at: number; from: string | null; to: string | null };

const TTL = POINTS_TTL_DAYS * DAY;

/** Any customer who ever ordered is a member: Bronze at least, even once every point has expired. */
function tierFor(points: number): string {
  let tier: string = LOYALTY_TIERS[0].key;
  for (const t of LOYALTY_TIERS) if (points >= t.minPoints) tier = t.key;
  return tier;
}

/**
 * Points earned per order and the tier they give: the tier follows the unexpired balance, re-evaluated whenever
 * points are earned or expire, and every change is recorded.
 */
export function loyaltyOf(orders: readonly { at: number; amountCents: number; externalId: string }[], asOf: number) {
  const earnings: Earning[] = orders.map((o) => ({
    at: o.at,
    points: Math.floor(o.amountCents / 100) * POINTS_PER_UNIT,
    sourceRef: `order:${o.externalId}`,
    expiresAt: o.at + TTL,
  }));
  const moments = [...earnings.map((e) => e.at), ...earnings.map((e) => e.expiresAt).filter((at) => at <= asOf)].sort(
    (a, b) => a - b,
  );
  const changes: TierChange[] = [];
  let tier: string | null = null;
  for (const at of moments) {
    const balance = earnings.reduce((sum, e) => (e.at <= at && e.expiresAt > at ? sum + e.points : sum), 0);
    const next = tierFor(balance);
    if (next !== tier) changes.push({ at, from: tier, to: next });
    tier = next;
  }
  return { earnings, changes, tier };
}
