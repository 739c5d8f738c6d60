import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCustomers, type CustomerBundle } from '@/db/seed/generate';
import { parseUtcDate } from '@/db/seed/time';

const DAY = 86_400_000;
const asOf = parseUtcDate('2026-06-01')!;
const N = 1_000;
const generate = (seed: number, customers = N) => [...generateCustomers({ seed, asOf, customers })];

function digest(bundles: CustomerBundle[]): string {
  const hash = crypto.createHash('sha256');
  for (const bundle of bundles) hash.update(JSON.stringify(bundle));
  return hash.digest('hex');
}

const ms = (d: Date | null | undefined) => (d ? d.getTime() : NaN);
const within = (d: Date | null | undefined, from: number, to: number) => ms(d) >= from && ms(d) < to;

/** The risk signals (docs/risk.md) a customer shows in the 60 days before `at` (as the risk rules will read them). */
function signalsBefore(b: CustomerBundle, at: number): string[] {
  const found: string[] = [];
  const count = (type: string, from: number, to: number) =>
    b.events.filter((e) => e.type === type && within(e.occurredAt, from, to)).length;
  if (ms(b.customer.acquiredAt) < at - 45 * DAY && count('login', at - 45 * DAY, at) === 0) found.push('login_gap');
  const previous = count('usage', at - 60 * DAY, at - 30 * DAY);
  if (previous > 0 && count('usage', at - 30 * DAY, at) < previous / 2) found.push('usage_drop');
  if (b.tickets.filter((t) => t.kind === 'complaint' && within(t.openedAt, at - 30 * DAY, at)).length > 2)
    found.push('complaints');
  if (
    b.feedback.some(
      (f) =>
        within(f.submittedAt, at - 60 * DAY, at) &&
        ((f.kind === 'nps' && f.score <= 6) || (f.kind === 'csat' && f.score <= 2)),
    )
  )
    found.push('negative_feedback');
  if (
    b.events.some(
      (e) => (e.type === 'payment_failed' || e.type === 'card_expiring') && within(e.occurredAt, at - 60 * DAY, at),
    )
  )
    found.push('payment');
  return found;
}

const bundles = generate(1);

describe('demo data generator', () => {
  it('gives identical data for the same seed, as-of and size, and different data for another seed', () => {
    expect(digest(generate(1))).toBe(digest(bundles));
    expect(digest(generate(2))).not.toBe(digest(bundles));
  });

  it('extends a smaller run: each customer depends only on the seed and its position', () => {
    expect(digest(generate(1, 100))).toBe(digest(bundles.slice(0, 100)));
  });

  it('produces volumes near the reference scale', () => {
    const perCustomer = (key: Exclude<keyof CustomerBundle, 'customer'>) =>
      bundles.reduce((sum, b) => sum + b[key].length, 0) / N;
    expect(perCustomer('events')).toBeGreaterThan(15);
    expect(perCustomer('events')).toBeLessThan(35);
    expect(perCustomer('orders')).toBeGreaterThan(2);
    expect(perCustomer('orders')).toBeLessThan(4);
    for (const key of ['subscriptions', 'tickets', 'feedback', 'activities', 'tasks', 'lifecycleTransitions'] as const)
      expect(perCustomer(key)).toBeGreaterThan(0.5);
    const segments = new Set(bundles.map((b) => b.customer.segment));
    expect([...segments].sort()).toEqual(['b2b_enterprise', 'b2b_smb', 'b2c']);
    const owners = new Map<string, number>();
    for (const b of bundles) owners.set(b.customer.ownerKey, (owners.get(b.customer.ownerKey) ?? 0) + 1);
    expect(owners.size).toBe(4);
    expect(owners.get('csm')! / N).toBeGreaterThan(0.2);
    expect(owners.get('csm')! / N).toBeLessThan(0.3);
  });

  it('keeps every money amount in integer cents and every time before as-of', () => {
    for (const b of bundles) {
      const amounts = [
        b.customer.mrrCents,
        ...b.subscriptions.map((s) => s.mrrCents),
        ...b.orders.map((o) => o.amountCents),
      ];
      for (const amount of amounts) expect(Number.isSafeInteger(amount)).toBe(true);
      for (const e of b.events) expect(ms(e.occurredAt)).toBeLessThan(asOf);
      for (const o of b.orders) expect(ms(o.orderedAt)).toBeLessThan(asOf);
    }
  });

  it('makes customers.mrr_cents the latest MRR row and customer_activity the newest activity', () => {
    for (const b of bundles) {
      expect(b.customer.mrrCents).toBe(b.subscriptions[b.subscriptions.length - 1].mrrCents);
      const newest = Math.max(
        ...b.events.filter((e) => e.type === 'login' || e.type === 'usage').map((e) => ms(e.occurredAt)),
        ...b.orders.map((o) => ms(o.orderedAt)),
        ...b.activities.map((a) => ms(a.occurredAt)),
      );
      expect(b.customerActivity.map((a) => (a.lastActivityAt === null ? null : ms(a.lastActivityAt)))).toEqual([
        Number.isFinite(newest) ? newest : null,
      ]);
      expect(b.customer.lifecycleStage).toBe(b.lifecycleTransitions[b.lifecycleTransitions.length - 1].toStage);
    }
  });

  it('has churners show a risk signal in the 60 days before they leave, and healthy customers show none', () => {
    const churns = bundles.flatMap((b) =>
      b.subscriptions.filter((s) => s.mrrCents === 0).map((s) => ({ b, at: ms(s.effectiveAt) })),
    );
    expect(churns.length).toBeGreaterThan(N * 0.2);
    const signalled = churns.filter(({ b, at }) => signalsBefore(b, at).length > 0);
    expect(signalled.length / churns.length).toBeGreaterThanOrEqual(0.9);

    const healthy = bundles.filter((b) =>
      ['activated', 'adopting', 'loyal', 'won_back'].includes(b.customer.lifecycleStage!),
    );
    const noisy = healthy.filter((b) => signalsBefore(b, asOf).length > 0);
    expect(noisy.length / healthy.length).toBeLessThan(0.05);

    const active = bundles.filter((b) => b.customer.mrrCents! > 0);
    const atRisk = active.filter((b) => b.customer.lifecycleStage === 'at_risk');
    expect(atRisk.length / active.length).toBeGreaterThan(0.07);
    expect(atRisk.length / active.length).toBeLessThan(0.14);
    expect(atRisk.filter((b) => signalsBefore(b, asOf).length > 0).length / atRisk.length).toBeGreaterThanOrEqual(0.9);
  });

  it('records churn reason and type, reactivations and never-activated customers', () => {
    const churned = bundles.filter((b) => b.customer.churnedAt !== null);
    expect(new Set(churned.map((b) => b.customer.churnReason))).toEqual(
      new Set(['low_value', 'support', 'price', 'usability', 'competitor', 'involuntary']),
    );
    for (const b of churned)
      expect(b.customer.churnType).toBe(b.customer.churnReason === 'involuntary' ? 'involuntary' : 'voluntary');
    const reactivated = bundles.filter((b) =>
      b.subscriptions.some((s, i) => i > 0 && s.mrrCents! > 0 && b.subscriptions[i - 1].mrrCents === 0),
    );
    expect(reactivated.length).toBeGreaterThan(N * 0.02);
    expect(bundles.filter((b) => b.customer.activatedAt === null).length).toBeGreaterThan(N * 0.05);
  });

  it('runs its history in before the charted window, so that the window’s first month is a steady state, not a launch', () => {
    // The KPI page charts the 24 complete months before as-of's month: here Jun 2024 to May 2026.
    const monthOf = (ms: number) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();
    const firstCharted = monthOf(asOf) - 24;
    const monthEnd = (m: number) => Date.UTC(Math.floor((m + 1) / 12), (m + 1) % 12, 1);
    const months = Array.from({ length: 30 }, (_, i) => firstCharted - 6 + i);
    const S = months.map(() => 0);
    const N = months.map(() => 0);
    const C = months.map(() => 0);
    for (const b of bundles) {
      const rows = b.subscriptions.map((r) => ({ at: ms(r.effectiveAt as Date), mrr: r.mrrCents! }));
      const paying = (m: number) => (rows.findLast((r) => r.at < monthEnd(m))?.mrr ?? 0) > 0;
      const firstPaid = rows.find((r) => r.mrr > 0);
      months.forEach((m, i) => {
        if (paying(m - 1)) S[i]++;
        if (paying(m - 1) && !paying(m)) C[i]++;
        if (firstPaid && monthOf(firstPaid.at) === m && paying(m)) N[i]++;
      });
    }
    const at = (m: number) => months.indexOf(m);
    const first = at(firstCharted);
    const last = months.length - 1;
    // Customers to lose in the first charted month, a good share of the window's last.
    expect(S[first]).toBeGreaterThan(0.25 * S[last]);
    // Sign-ups as in any month of the window, not a launch wave.
    const windowNew = N.slice(first).sort((a, b) => a - b);
    expect(N[first]).toBeLessThanOrEqual(2 * windowNew[Math.floor(windowNew.length / 2)]);
    // Logo churn at its usual rate in the first charted month and the five before it (what LTV averages).
    for (const i of [first - 5, first - 4, first - 3, first - 2, first - 1, first]) {
      expect({ month: months[i], churn: C[i] / S[i] }).toEqual({
        month: months[i],
        churn: expect.toSatisfy((r: number) => r > 0.01 && r < 0.1),
      });
    }
  });
});
