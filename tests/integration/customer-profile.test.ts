import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  activities,
  events,
  feedback,
  lifecycleTransitions,
  orders,
  outreachMessages,
  riskScoreHistory,
  riskScores,
  subscriptions,
  tickets,
} from '@/db/schema';
import { readTimeline } from '@/db/queries/timeline';
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind } from '@/lib/timeline/items';
import { systemActor, type Actor } from '@/server/context';
import { getCustomerKpis, getCustomerProfile, USAGE_DAYS } from '@/server/queries/customer-profile';
import { getCustomerTimeline } from '@/server/queries/customer-timeline';
import { actorOf, makeUser } from '../helpers/factories';
import { createTestDatabase } from '../helpers/test-db';
import { makeCustomer } from '../helpers/work-factories';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let exec: Actor;
let customerId: number;
let otherId: number;
let ownerName: string;

const NOW = new Date('2025-06-15T12:00:00Z');
const at = (iso: string) => new Date(iso);
const ctx = () => ({ db: handle.db, actor: exec });
const keyOf = (item: TimelineItem) => `${item.kind}:${item.cursor.id}`;

beforeAll(async () => {
  handle = await createTestDatabase();
  const owner = await makeUser(handle.db, 'csm');
  ownerName = owner.name;
  exec = actorOf(await makeUser(handle.db, 'exec'));
  const customer = await makeCustomer(handle.db, owner.id, { acquiredAt: at('2024-01-10T00:00:00Z'), currency: 'USD' });
  customerId = customer.id;
  otherId = (await makeCustomer(handle.db, owner.id)).id;

  // Ties on purpose: several kinds and several rows of one kind share timestamps, so the tie-break order matters.
  const tie = at('2025-06-01T09:00:00Z');
  await handle.db.insert(orders).values([
    { customerId, externalId: 'o1', orderedAt: tie, amountCents: 1_000 },
    { customerId, externalId: 'o2', orderedAt: tie, amountCents: 2_000 },
    { customerId, externalId: 'o3', orderedAt: at('2025-05-01T08:00:00Z'), amountCents: 3_000 },
    { customerId, externalId: 'o4', orderedAt: at('2025-05-01T08:00:00Z'), amountCents: 500, currency: 'EUR' },
    { customerId: otherId, externalId: 'x1', orderedAt: tie, amountCents: 9_999 },
  ]);
  await handle.db.insert(subscriptions).values([
    { customerId, effectiveAt: at('2025-03-15T12:00:00Z'), mrrCents: 10_000 },
    { customerId, effectiveAt: at('2025-05-15T12:00:00Z'), mrrCents: 0 },
  ]);
  await handle.db.insert(events).values([
    { customerId, type: 'login', occurredAt: at('2025-06-14T08:00:00Z') },
    { customerId, type: 'usage', occurredAt: at('2025-06-14T08:02:00Z'), value: 12 },
    { customerId, type: 'feature_use', occurredAt: at('2025-06-14T08:05:00Z'), name: 'reports' },
    { customerId, type: 'usage', occurredAt: at('2025-06-14T15:00:00Z'), value: 3 },
    { customerId, type: 'payment_failed', occurredAt: at('2025-06-10T00:00:00Z'), value: 10_000 },
    { customerId, type: 'login', occurredAt: at('2025-06-01T00:00:00Z') },
    { customerId, type: 'usage', occurredAt: at('2024-12-01T10:00:00Z'), value: 1 },
  ]);
  await handle.db.insert(tickets).values([
    { customerId, externalId: 't1', openedAt: tie, kind: 'complaint', subject: 'Slow', priority: 'high' },
    {
      customerId,
      externalId: 't2',
      openedAt: at('2025-04-01T00:00:00Z'),
      resolvedAt: at('2025-04-02T00:00:00Z'),
      subject: 'How to',
    },
  ]);
  await handle.db.insert(feedback).values([
    { customerId, kind: 'nps', score: 9, submittedAt: at('2025-02-01T00:00:00Z') },
    { customerId, kind: 'nps', score: 4, submittedAt: at('2025-06-02T00:00:00Z'), comment: 'Too slow' },
    { customerId, kind: 'csat', score: 5, submittedAt: at('2025-06-03T00:00:00Z') },
  ]);
  await handle.db.insert(activities).values([
    { customerId, kind: 'call', subject: 'Same-time call', occurredAt: tie, authorId: owner.id },
    { customerId, kind: 'note', subject: 'Older note', occurredAt: at('2025-03-01T00:00:00Z'), authorId: owner.id },
  ]);
  // Two activities within one millisecond: only the cursor's microseconds tell them apart.
  await handle.db.execute(sql`insert into activities (customer_id, kind, subject, occurred_at)
    values (${customerId}, 'email', 'Micro A', '2025-05-20T10:00:00.000100Z'), (${customerId}, 'email', 'Micro B', '2025-05-20T10:00:00.000200Z')`);
  await handle.db
    .insert(outreachMessages)
    .values({ customerId, channel: 'email', subject: 'We miss you', body: 'Hi', status: 'sent', createdAt: tie });
  await handle.db.insert(lifecycleTransitions).values([
    { customerId, fromStage: null, toStage: 'onboarding', changedAt: at('2024-01-10T00:00:00Z') },
    { customerId, fromStage: 'onboarding', toStage: 'at_risk', changedAt: tie, reason: 'usage drop' },
  ]);
  const factors = [
    { key: 'login_gap', label: 'No login for 45 days', contribution: 20 },
    { key: 'complaints', label: 'Complaints', contribution: 35 },
    { key: 'tenure', label: 'Long tenure', contribution: -10 },
    { key: 'usage', label: 'Usage down', contribution: 5 },
    { key: 'nps', label: 'Detractor', contribution: 12 },
  ];
  await handle.db.insert(riskScoreHistory).values([
    { customerId, score: 40, band: 'watch', scoredAt: at('2025-05-01T00:00:00Z'), factors },
    { customerId, score: 72, band: 'at_risk', scoredAt: tie, factors },
  ]);
  await handle.db.insert(riskScores).values({ customerId, score: 72, band: 'at_risk', factors, scoredAt: tie });
});
afterAll(() => handle.dispose());

async function everything(kinds: readonly TimelineKind[] = TIMELINE_KINDS) {
  return readTimeline(handle.db, { customerId, kinds, bound: null, limit: 1_000 });
}

describe('customer timeline', () => {
  it('merges every source newest first in one total order (time, kind rank, id), without other customers', async () => {
    const items = await everything();
    expect(items.map((i) => i.kind).sort()).toEqual(
      [
        'order',
        'order',
        'order',
        'order',
        'usage',
        'usage',
        'usage',
        'usage',
        'ticket',
        'ticket',
        'feedback',
        'feedback',
        'feedback',
        'activity',
        'activity',
        'activity',
        'activity',
        'message',
        'stage',
        'stage',
        'risk',
        'risk',
      ].sort(),
    );
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1].cursor, items[i].cursor];
      expect(
        [a.at > b.at, a.at === b.at && a.rank > b.rank, a.at === b.at && a.rank === b.rank && a.id > b.id].some(
          Boolean,
        ),
      ).toBe(true);
    }
    const tied = items.filter((i) => i.cursor.at === '2025-06-01T09:00:00.000000Z').map((i) => i.kind);
    expect(tied).toEqual(['risk', 'stage', 'message', 'activity', 'ticket', 'order', 'order']);
  });

  it('summarises usage per UTC day with logins, actions, features and billing signals', async () => {
    const days = (await everything(['usage'])).filter(
      (i): i is Extract<TimelineItem, { kind: 'usage' }> => i.kind === 'usage',
    );
    expect(days.map((d) => d.day)).toEqual(['2025-06-14', '2025-06-10', '2025-06-01', '2024-12-01']);
    expect(days[0]).toMatchObject({ events: 4, logins: 1, actions: 15, features: ['reports'], paymentFailures: 0 });
    expect(days[1]).toMatchObject({ events: 1, paymentFailures: 1, actions: null });
    expect(days[0].at.toISOString()).toBe('2025-06-14T00:00:00.000Z');
  });

  it('maps each kind with its details', async () => {
    const items = await everything();
    const find = <K extends TimelineKind>(kind: K, test: (i: Extract<TimelineItem, { kind: K }>) => boolean) =>
      items.find(
        (i): i is Extract<TimelineItem, { kind: K }> =>
          i.kind === kind && test(i as Extract<TimelineItem, { kind: K }>),
      );
    expect(find('ticket', (t) => t.externalId === 't2')).toMatchObject({
      subject: 'How to',
      resolvedAt: at('2025-04-02T00:00:00Z'),
    });
    expect(find('activity', (a) => a.subject === 'Same-time call')).toMatchObject({
      activityKind: 'call',
      authorName: ownerName,
    });
    expect(find('risk', (r) => r.score === 72)).toMatchObject({ band: 'at_risk', topFactor: 'Complaints' });
    expect(find('stage', (s) => s.toStage === 'at_risk')).toMatchObject({
      fromStage: 'onboarding',
      reason: 'usage drop',
    });
    expect(find('feedback', (f) => f.score === 4)).toMatchObject({ surveyKind: 'nps', comment: 'Too slow' });
    expect(find('message', () => true)).toMatchObject({ channel: 'email', subject: 'We miss you', status: 'sent' });
  });

  it('filters by kind', async () => {
    const items = await everything(['order', 'feedback']);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['order', 'feedback']));
    expect(items).toHaveLength(7);
  });

  it.each([1, 2, 3, 5])('pages through everything without gaps or repeats, %i at a time', async (size) => {
    const all = (await everything()).map(keyOf);
    const seen: string[] = [];
    let cursor = null as TimelineItem['cursor'] | null;
    for (let guard = 0; guard < 100; guard++) {
      const page = await readTimeline(handle.db, {
        customerId,
        kinds: TIMELINE_KINDS,
        bound: cursor ? { direction: 'older', cursor } : null,
        limit: size,
      });
      seen.push(...page.map(keyOf));
      if (page.length < size) break;
      cursor = page[page.length - 1].cursor;
    }
    expect(seen).toEqual(all);
  });

  it('loads more through the URL state: everything down to `through`, then the next page, until the end', async () => {
    const all = (await everything(['activity', 'order', 'ticket'])).map(keyOf);
    let through = null as TimelineItem['cursor'] | null;
    let shown: string[] = [];
    for (let guard = 0; guard < 20; guard++) {
      const page = await getCustomerTimeline({
        ctx: ctx(),
        customerId,
        query: { kinds: ['activity', 'order', 'ticket'], through },
        pageSize: 3,
      });
      shown = page.items.map(keyOf);
      expect(shown).toEqual(all.slice(0, shown.length));
      if (!page.more) break;
      expect(page.more).toEqual(page.items[page.items.length - 1].cursor);
      through = page.more;
    }
    expect(shown).toEqual(all);
  });
});

describe('customer profile header and KPIs', () => {
  it('reads the header with the owner and the risk score with its top reasons', async () => {
    const profile = await getCustomerProfile({ ctx: ctx(), customerId });
    expect(profile).toMatchObject({
      id: customerId,
      ownerName,
      segment: 'b2b_smb',
      plan: 'pro',
      risk: { score: 72, band: 'at_risk' },
    });
    expect(profile!.risk!.topFactors.map((f) => f.label)).toEqual(['Complaints', 'No login for 45 days', 'Detractor']);
    expect((await getCustomerProfile({ ctx: ctx(), customerId: otherId }))!.risk).toBeNull();
    expect(await getCustomerProfile({ ctx: ctx(), customerId: 999_999 })).toBeNull();
  });

  it('computes revenue to date, last login, latest NPS, open tickets and 90 days of usage', async () => {
    const kpis = await getCustomerKpis({ ctx: ctx(), customerId, now: NOW });
    // Orders in USD (6,000) plus 10,000/month held for two months (2025-03-15 to 2025-05-15: 61 days).
    const accrued = Math.trunc((10_000 * 61 * 86_400) / 2_629_746);
    expect(kpis.revenueToDateCents).toBe(6_000 + accrued);
    expect(kpis.lastLoginAt?.toISOString()).toBe('2025-06-14T08:00:00.000Z');
    expect(kpis.latestNps).toEqual({ score: 4, submittedAt: at('2025-06-02T00:00:00Z') });
    expect(kpis.openTickets).toBe(1);
    expect(kpis.usage).toHaveLength(USAGE_DAYS);
    expect(kpis.usage.at(-1)).toEqual({ day: '2025-06-15', value: 0 });
    expect(kpis.usage.at(-2)).toEqual({ day: '2025-06-14', value: 4 });
    // The payment failure is a billing signal, not usage; December is outside the 90 days.
    expect(kpis.usageTotal).toBe(5);
  });

  it('runs on the system actor too (CLI, bench)', async () => {
    const kpis = await getCustomerKpis({
      ctx: { db: handle.db, actor: systemActor('test') },
      customerId: otherId,
      now: NOW,
    });
    expect(kpis).toMatchObject({
      revenueToDateCents: 9_999,
      lastLoginAt: null,
      latestNps: null,
      openTickets: 0,
      usageTotal: 0,
    });
  });
});
