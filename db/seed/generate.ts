import { Faker, base, en } from '@faker-js/faker';
import type {
  activities,
  customerActivity,
  customers,
  events,
  feedback,
  lifecycleTransitions,
  loyaltyLedger,
  loyaltyTierChanges,
  loyaltyTiers,
  orders,
  subscriptions,
  tasks,
  tickets,
} from '@/db/schema';
import { LOYALTY_TIERS } from './catalog';
import { eventsOf } from './events';
import { transitionsOf } from './lifecycle';
import { loyaltyOf } from './loyalty';
import { profileOf } from './profile';
import { Rng, mixSeed } from './random';
import { mrrHistory, purchases } from './revenue';
import { sessionsOf } from './sessions';
import { buildStory } from './story';
import { surveysOf, ticketsOf } from './support';
import { addUtcMonths } from './time';
import { CSM_KEYS, type DemoUserKey } from './users';
import { workOf } from './work';

export type GenerateOptions = {
  seed: number;
  /** Midnight UTC of the day the data ends; nothing happens at or after it. */
  asOf: number;
  customers: number;
};

/** The months the KPI page charts (24 up to the last complete month). */
export const WINDOW_MONTHS = 24;
/**
 * History before the charted window, so that its first month is a steady state (customers to lose, churn at its
 * usual rate, six months of it behind LTV) instead of a launch: 249 "new" customers, a quick ratio of 1,425.
 */
export const RUN_IN_MONTHS = 6;
/** Everything the seed generates happens in the months before as-of: the run-in, then the window. */
export const HISTORY_MONTHS = WINDOW_MONTHS + RUN_IN_MONTHS;

type Row<T extends { $inferInsert: object }> = Omit<T['$inferInsert'], 'id' | 'customerId'>;

/** Everything about one customer, with references to demo users by key; the writer fills in database ids. */
export type CustomerBundle = {
  customer: Omit<Row<typeof customers>, 'ownerId'> & { ownerKey: DemoUserKey };
  /** The newest login, usage event, order or activity: one row, or none for a customer with none. */
  customerActivity: Row<typeof customerActivity>[];
  subscriptions: Row<typeof subscriptions>[];
  orders: Row<typeof orders>[];
  events: Row<typeof events>[];
  tickets: Row<typeof tickets>[];
  feedback: Row<typeof feedback>[];
  activities: (Omit<Row<typeof activities>, 'authorId'> & { authorKey: DemoUserKey })[];
  tasks: (Omit<Row<typeof tasks>, 'assigneeId' | 'createdById'> & {
    assigneeKey: DemoUserKey;
    createdByKey: DemoUserKey | null;
  })[];
  lifecycleTransitions: Row<typeof lifecycleTransitions>[];
  loyaltyLedger: Row<typeof loyaltyLedger>[];
  loyaltyTierChanges: Row<typeof loyaltyTierChanges>[];
};

export type ChildTable = Exclude<keyof CustomerBundle, 'customer'>;
export const CHILD_TABLES = [
  'customerActivity',
  'subscriptions',
  'orders',
  'events',
  'tickets',
  'feedback',
  'activities',
  'tasks',
  'lifecycleTransitions',
  'loyaltyLedger',
  'loyaltyTierChanges',
] as const satisfies readonly ChildTable[];

// Faker draws from its own stream, seeded apart from the behaviour stream so that neither shifts the other.
const FAKER_STREAM = 0x0fa4e5;

export function loyaltyTierRows(): Omit<typeof loyaltyTiers.$inferInsert, 'id'>[] {
  return LOYALTY_TIERS.map((tier, position) => ({ ...tier, position }));
}

/**
 * Customers one at a time, each depending only on (seed, as-of, index): the same inputs give the same rows, a
 * larger --customers extends a smaller one, and a writer can stream any number through without holding them.
 */
export function* generateCustomers(options: GenerateOptions): Generator<CustomerBundle> {
  const faker = new Faker({ locale: [en, base] });
  for (let index = 0; index < options.customers; index++) yield generateCustomer(options, index, faker);
}

function generateCustomer(options: GenerateOptions, index: number, faker: Faker): CustomerBundle {
  const { asOf } = options;
  const rng = new Rng(mixSeed(options.seed, index));
  faker.seed(mixSeed(options.seed, index, FAKER_STREAM));
  const story = buildStory(rng, addUtcMonths(asOf, -HISTORY_MONTHS), asOf);
  const profile = profileOf(rng, faker, story.segment);
  const ownerKey = rng.pick(CSM_KEYS);
  const sessions = sessionsOf(rng, story);
  const mrr = mrrHistory(rng, story);
  const productEvents = eventsOf(rng, story, sessions, mrr);
  const bought = purchases(rng, story).map((p, n) => ({ ...p, externalId: `ord_${index + 1}_${n + 1}` }));
  const ticketList = ticketsOf(rng, story);
  const surveys = surveysOf(rng, story, ticketList);
  const { touches, todos } = workOf(rng, story);
  const transitions = transitionsOf(story);
  const loyalty = loyaltyOf(bought, asOf);

  const current = story.episodes[story.episodes.length - 1];
  const churn = current.end !== null ? current.decline : null;
  const activityTimes = [
    ...productEvents.filter((e) => e.type === 'login' || e.type === 'usage').map((e) => e.at),
    ...bought.map((o) => o.at),
    ...touches.map((t) => t.at),
  ];
  const stage = transitions[transitions.length - 1];

  return {
    customer: {
      externalId: `cus_${String(index + 1).padStart(7, '0')}`,
      name: profile.name,
      email: profile.email,
      phone: profile.phone,
      company: profile.company,
      segment: story.segment,
      plan: mrr.findLast((m) => m.plan !== null)?.plan ?? null,
      country: profile.country,
      region: profile.region,
      industry: profile.industry,
      ownerKey,
      lifecycleStage: stage.to,
      loyaltyTier: loyalty.tier,
      acquiredAt: date(story.acquiredAt),
      activatedAt: story.activatedAt === null ? null : date(story.activatedAt),
      churnedAt: churn ? date(churn.anchor) : null,
      churnReason: churn?.reason ?? null,
      churnType: churn ? (churn.reason === 'involuntary' ? 'involuntary' : 'voluntary') : null,
      mrrCents: mrr[mrr.length - 1].mrrCents,
      currency: 'USD',
      consentEmail: profile.consentEmail,
      consentSms: profile.consentSms,
      consentPush: profile.consentPush,
      preferredChannel: profile.preferredChannel,
      attributes: profile.attributes,
      createdAt: date(story.acquiredAt),
      updatedAt: date(stage.at),
    },
    // Every customer has a row, empty when never active (see customerActivity); the seed writes them all itself.
    customerActivity: [{ lastActivityAt: activityTimes.length ? date(Math.max(...activityTimes)) : null }],
    subscriptions: mrr.map((m) => ({ effectiveAt: date(m.at), mrrCents: m.mrrCents, currency: 'USD', plan: m.plan })),
    orders: bought.map((o) => ({
      externalId: o.externalId,
      orderedAt: date(o.at),
      amountCents: o.amountCents,
      currency: 'USD',
    })),
    events: productEvents.map((e) => ({ type: e.type, occurredAt: date(e.at), value: e.value, name: e.name })),
    tickets: ticketList.map((t, n) => ({
      externalId: `tkt_${index + 1}_${n + 1}`,
      openedAt: date(t.openedAt),
      resolvedAt: t.resolvedAt === null ? null : date(t.resolvedAt),
      kind: t.kind,
      priority: t.priority,
      subject: t.subject,
    })),
    feedback: surveys.map((s) => ({ kind: s.kind, score: s.score, submittedAt: date(s.at), comment: s.comment })),
    activities: touches.map((t) => ({
      kind: t.kind,
      subject: t.subject,
      body: t.body,
      outcome: t.outcome,
      occurredAt: date(t.at),
      authorKey: ownerKey,
      createdAt: date(t.at),
    })),
    tasks: todos.map((t) => ({
      title: t.title,
      description: t.description,
      assigneeKey: ownerKey,
      createdByKey: t.createdBy === 'system' ? null : t.createdBy === 'lead' ? 'lead' : ownerKey,
      priority: t.priority,
      status: t.status,
      source: t.source,
      dueAt: date(t.dueAt),
      completedAt: t.completedAt === null ? null : date(t.completedAt),
      outcome: t.outcome,
      createdAt: date(t.createdAt),
      updatedAt: date(t.completedAt ?? t.createdAt),
    })),
    lifecycleTransitions: transitions.map((t) => ({
      fromStage: t.from,
      toStage: t.to,
      changedAt: date(t.at),
      reason: t.reason,
    })),
    loyaltyLedger: loyalty.earnings.map((e) => ({
      occurredAt: date(e.at),
      points: e.points,
      reason: 'purchase',
      sourceRef: e.sourceRef,
      expiresAt: date(e.expiresAt),
    })),
    loyaltyTierChanges: loyalty.changes.map((c) => ({ fromTier: c.from, toTier: c.to, changedAt: date(c.at) })),
  };
}

function date(ms: number): Date {
  return new Date(Math.floor(ms));
}
