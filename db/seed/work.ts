import { TTV_TARGET_DAYS } from '@/lib/customers/lifecycle';
import { REASON_COMMENTS, SEGMENTS } from './catalog';
import type { Rng } from './random';
import { establishedFrom, episodeStop, type Decline, type Signal, type Story } from './story';
import { DAY, HOUR } from './time';

type ActivityKind = 'call' | 'email' | 'meeting' | 'note';
type Priority = 'low' | 'normal' | 'high' | 'urgent';

/** A CSM touch on the account, authored by its owner. */
export type Touch = { kind: ActivityKind; subject: string; body: string | null; outcome: string | null; at: number };
/** A task for the account's owner; `createdBy` says who made it (the system for alerts and journeys). */
export type Todo = {
  title: string;
  description: string | null;
  priority: Priority;
  status: 'open' | 'done' | 'cancelled';
  source: 'manual' | 'risk_alert' | 'journey' | 'campaign' | 'playbook';
  createdBy: 'owner' | 'lead' | 'system';
  createdAt: number;
  dueAt: number;
  completedAt: number | null;
  outcome: string | null;
};

const SIGNAL_TASKS: Record<Signal, { title: string; description: string }> = {
  login_gap: {
    title: 'Re-engage: no login for over 45 days',
    description: 'Offer exclusive content to bring them back.',
  },
  usage_drop: {
    title: 'Check in: usage down by more than half',
    description: 'Usage in the last 30 days is less than half of the 30 days before.',
  },
  complaints: { title: 'Proactive support contact', description: 'More than two complaints in the last 30 days.' },
  detractor: {
    title: 'Follow up on negative feedback',
    description: 'Detractor survey answer; offer a personal retention conversation.',
  },
  payment: {
    title: 'Dunning: payment failed',
    description: 'Card expiring or payment failed; help them update the payment method.',
  },
};
const CHECK_IN_OUTCOMES = [
  'Happy with the product',
  'Shared roadmap; no concerns',
  'Asked for training on reports',
  'Interested in more seats',
  'Renewal on track',
];
const LOST_OUTCOMES = [
  'No reply after two attempts',
  'Evaluating alternatives',
  'Budget cut; deciding next month',
  'Frustrated with open tickets',
];
const OPEN_OUTCOMES = [
  'Left voicemail; following up',
  'Agreed to a training session',
  'Asked about a discount',
  'Will update the card this week',
];
const OUTREACH_KINDS = { call: 50, email: 40, meeting: 10 };
const CHECK_IN_KINDS = { call: 45, email: 35, meeting: 20 };

/** Activities and tasks of the account's CSM: onboarding, check-ins, risk follow-ups, cancellations and win-backs. */
export function workOf(rng: Rng, story: Story): { touches: Touch[]; todos: Todo[] } {
  const touches: Touch[] = [];
  const todos: Todo[] = [];
  const { asOf } = story;
  const b2b = story.segment !== 'b2c';
  const checkInEvery = SEGMENTS[story.segment].checkInEveryDays;

  story.episodes.forEach((episode, spell) => {
    const stop = episodeStop(story, episode);
    if (spell === 0) {
      const at = episode.start + rng.between(b2b ? 1 : 0.05, b2b ? 4 : 1) * DAY;
      if (at < stop)
        touches.push(
          b2b
            ? touch('meeting', 'Kickoff call', 'Goals and onboarding plan agreed', at)
            : touch('email', 'Welcome email', null, at),
        );
    } else {
      const at = episode.start - rng.between(1, 5) * DAY;
      touches.push(touch('call', 'Win-back call', 'Agreed to come back', at));
      todos.push(
        done(
          'Win-back offer',
          'campaign',
          'lead',
          episode.start - 20 * DAY,
          episode.start - 5 * DAY,
          at,
          'Won back with 20% off for 3 months',
        ),
      );
    }

    const decline = episode.decline;
    if (checkInEvery !== null) {
      const until = Math.min(stop, decline?.flaggedAt ?? Infinity);
      let n = 0;
      for (
        let at = establishedFrom(story, episode) + checkInEvery * rng.between(0.8, 1.2) * DAY;
        at < until;
        at += checkInEvery * rng.between(0.8, 1.2) * DAY
      ) {
        const qbr = story.segment === 'b2b_enterprise' && n++ % 3 === 2;
        const subject = qbr ? 'Quarterly business review' : 'Check-in';
        const outcome = rng.pick(CHECK_IN_OUTCOMES);
        touches.push(touch(qbr ? 'meeting' : rng.weighted(CHECK_IN_KINDS), subject, outcome, at));
        if (rng.chance(0.3)) todos.push(done(subject, 'manual', 'owner', at - 10 * DAY, at + DAY, at, outcome));
      }
    }
    if (decline !== null && decline.flaggedAt < asOf) followUp(rng, story, decline, touches, todos);
    if (episode.end !== null) {
      const at = episode.end + rng.between(0.1, 2) * DAY;
      if (at < asOf)
        touches.push({
          kind: 'note',
          subject: `Cancelled: ${episode.decline.reason.replace('_', ' ')}`,
          body: REASON_COMMENTS[episode.decline.reason],
          outcome: null,
          at,
        });
    }
  });

  const current = story.episodes[story.episodes.length - 1];
  if (current.end === null && story.activatedAt === null) todos.push(onboardingTask(rng, story));
  if (current.end === null && story.segment === 'b2b_enterprise') {
    const renewal = nextAnniversary(story.acquiredAt, asOf);
    if (renewal - asOf < 45 * DAY) {
      todos.push({
        title: 'Prepare renewal',
        description: 'Renewal in under six weeks: review usage and value delivered.',
        priority: 'normal',
        status: 'open',
        source: 'playbook',
        createdBy: 'lead',
        createdAt: renewal - 45 * DAY,
        dueAt: renewal - 14 * DAY,
        completedAt: null,
        outcome: null,
      });
    }
  }
  return { touches, todos };
}

/**
 * The alert task a risk signal raises and the CSM's reaction: churned customers were mostly contacted in vain; of
 * the customers at risk now, some were contacted (a follow-up is open) and some still wait (the alert is open,
 * overdue or due soon).
 */
function followUp(rng: Rng, story: Story, decline: Decline, touches: Touch[], todos: Todo[]): void {
  const { asOf } = story;
  const { title, description } = SIGNAL_TASKS[decline.signals[0]];
  const alertAt = Math.min(asOf - HOUR, raisedAt(decline.flaggedAt, decline.ongoing, asOf) + rng.between(0, 2) * DAY);
  const touchAt = alertAt + rng.between(1, 8) * DAY;
  const contacted = rng.chance(decline.ongoing ? 0.4 : 0.7) && touchAt < decline.anchor;
  const priority = decline.signals.includes('payment') || decline.signals.includes('complaints') ? 'urgent' : 'high';
  if (contacted) {
    const outcome = rng.pick(decline.ongoing ? OPEN_OUTCOMES : LOST_OUTCOMES);
    touches.push(touch(rng.weighted(OUTREACH_KINDS), title, outcome, touchAt));
    todos.push({
      ...done(title, 'risk_alert', 'system', alertAt, alertAt + 7 * DAY, touchAt, outcome),
      description,
      priority,
    });
  }
  if (decline.ongoing) {
    const createdAt = contacted ? touchAt : alertAt;
    todos.push({
      title: contacted ? `${title} (second contact)` : title,
      description,
      priority,
      status: 'open',
      source: 'risk_alert',
      createdBy: contacted ? 'owner' : 'system',
      createdAt,
      dueAt: createdAt + rng.between(3, 21) * DAY,
      completedAt: null,
      outcome: null,
    });
  } else if (!contacted) {
    todos.push({
      title,
      description,
      priority,
      status: 'cancelled',
      source: 'risk_alert',
      createdBy: 'system',
      createdAt: alertAt,
      dueAt: alertAt + 7 * DAY,
      completedAt: decline.anchor,
      outcome: 'Customer churned before contact',
    });
  }
}

function onboardingTask(rng: Rng, story: Story): Todo {
  const late = story.asOf - story.acquiredAt > TTV_TARGET_DAYS * DAY;
  const createdAt = late
    ? raisedAt(story.acquiredAt + TTV_TARGET_DAYS * DAY, true, story.asOf)
    : story.acquiredAt + DAY;
  return late
    ? {
        title: 'Help with activation',
        description: `Not activated within ${TTV_TARGET_DAYS} days: offer onboarding help.`,
        priority: 'high',
        status: 'open',
        source: 'risk_alert',
        createdBy: 'system',
        createdAt,
        dueAt: createdAt + rng.between(3, 21) * DAY,
        completedAt: null,
        outcome: null,
      }
    : {
        title: 'Schedule onboarding session',
        description: null,
        priority: 'normal',
        status: 'open',
        source: 'journey',
        createdBy: 'system',
        createdAt,
        dueAt: story.acquiredAt + 14 * DAY,
        completedAt: null,
        outcome: null,
      };
}

/**
 * When the alert (and its task) was raised: when the risk score crossed into at risk, which lags the first signal.
 * For customers at risk today that crossing falls within the last two weeks, so open tasks mix overdue and due soon.
 */
function raisedAt(signalAt: number, ongoing: boolean, asOf: number): number {
  return ongoing ? Math.max(signalAt, asOf - 14 * DAY) : signalAt;
}

function touch(kind: ActivityKind, subject: string, outcome: string | null, at: number): Touch {
  return { kind, subject, body: null, outcome, at };
}

function done(
  title: string,
  source: Todo['source'],
  createdBy: Todo['createdBy'],
  createdAt: number,
  dueAt: number,
  completedAt: number,
  outcome: string,
): Todo {
  return {
    title,
    description: null,
    priority: 'normal',
    status: 'done',
    source,
    createdBy,
    createdAt,
    dueAt,
    completedAt,
    outcome,
  };
}

function nextAnniversary(acquiredAt: number, asOf: number): number {
  const date = new Date(acquiredAt);
  for (let years = 1; ; years++) {
    const at = Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate());
    if (at > asOf) return at;
  }
}
