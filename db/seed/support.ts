import { REASON_COMMENTS, SEGMENTS, TICKET_KINDS, TICKET_SUBJECTS, type TicketKind } from './catalog';
import type { Rng } from './random';
import { establishedFrom, episodeStop, negativeAllowed, type Episode, type Story } from './story';
import { DAY, HOUR, MONTH } from './time';

type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type Ticket = {
  openedAt: number;
  resolvedAt: number | null;
  kind: TicketKind;
  priority: Priority;
  subject: string;
};
export type Survey = { kind: 'nps' | 'csat' | 'ces'; score: number; at: number; comment: string | null };

const PRIORITIES: Record<Priority, number> = { low: 20, normal: 55, high: 20, urgent: 5 };
const RESOLUTION_MEDIAN_HOURS: Record<Priority, number> = { low: 72, normal: 30, high: 10, urgent: 4 };

/** Tickets at the segment's rate; complaints only away from a churn or today, plus the run-up's planned complaints. */
export function ticketsOf(rng: Rng, story: Story): Ticket[] {
  const profile = SEGMENTS[story.segment];
  const rate = profile.ticketsPerMonth / MONTH;
  const tickets: Ticket[] = [];
  for (const episode of story.episodes) {
    const stop = episodeStop(story, episode);
    for (let at = episode.start + rng.exponential(rate); at < stop; at += rng.exponential(rate)) {
      const drawn = rng.weighted(TICKET_KINDS);
      const kind = drawn === 'complaint' && !negativeAllowed(story, episode, at) ? 'question' : drawn;
      tickets.push(ticket(rng, story, at, kind, rng.weighted(PRIORITIES)));
    }
    for (const at of episode.decline?.complaintTimes ?? []) {
      tickets.push(ticket(rng, story, at, 'complaint', rng.chance(0.6) ? 'high' : 'urgent', 4));
    }
  }
  return tickets.sort((a, b) => a.openedAt - b.openedAt);
}

function ticket(rng: Rng, story: Story, openedAt: number, kind: TicketKind, priority: Priority, slowdown = 1): Ticket {
  const resolvedAt = openedAt + rng.logNormal(RESOLUTION_MEDIAN_HOURS[priority] * slowdown, 0.8) * HOUR;
  return {
    openedAt,
    resolvedAt: resolvedAt < story.asOf ? resolvedAt : null,
    kind,
    priority,
    subject: rng.pick(TICKET_SUBJECTS[kind]),
  };
}

// Score distributions, indexed by score minus the scale's minimum.
const NPS_ANY = [1, 1, 1, 2, 3, 4, 6, 14, 18, 25, 25];
const NPS_HAPPY = [0, 0, 0, 0, 0, 0, 0, 18, 22, 30, 30];
const CSAT_ANY = [4, 6, 12, 28, 50];
const CSAT_HAPPY = [0, 0, 13, 32, 55];
const CES_HAPPY = [0, 0, 0, 10, 25, 35, 30];
const NPS_EVERY = 90 * DAY;

/**
 * NPS every quarter (some answer), CSAT after some resolved tickets, CES after onboarding (7 = very easy). Detractor
 * scores and CSAT <= 2 appear only in a churn run-up or long before one, so that healthy customers look healthy now.
 */
export function surveysOf(rng: Rng, story: Story, tickets: readonly Ticket[]): Survey[] {
  const answerRate = story.segment === 'b2b_enterprise' ? 0.5 : 0.35;
  const surveys: Survey[] = [];
  for (const episode of story.episodes) {
    const stop = episodeStop(story, episode);
    const decline = episode.decline;
    const quietFrom = decline ? decline.anchor - 60 * DAY : Infinity;
    const established = establishedFrom(story, episode);
    for (let at = established + 30 * DAY + rng.between(0, 10) * DAY; at < Math.min(stop, quietFrom); at += NPS_EVERY) {
      if (!rng.chance(answerRate)) continue;
      surveys.push({
        kind: 'nps',
        score: rng.index(negativeAllowed(story, episode, at) ? NPS_ANY : NPS_HAPPY),
        at,
        comment: null,
      });
    }
    if (decline?.detractorAt != null) {
      surveys.push({
        kind: 'nps',
        score: rng.int(decline.reason === 'price' ? 2 : 0, 6),
        at: decline.detractorAt,
        comment: REASON_COMMENTS[decline.reason],
      });
    }
    if (episode === story.episodes[0] && story.activatedAt !== null && rng.chance(0.5)) {
      const at = story.activatedAt + rng.between(3, 10) * DAY;
      if (at < stop) surveys.push({ kind: 'ces', score: 1 + rng.index(CES_HAPPY), at, comment: null });
    }
    for (const t of tickets) {
      if (t.resolvedAt === null || t.openedAt < episode.start || t.openedAt >= stop || !rng.chance(0.4)) continue;
      const at = t.resolvedAt + rng.between(1, 24) * HOUR;
      if (at >= story.asOf) continue;
      surveys.push({ kind: 'csat', score: csatFor(rng, story, episode, t, at), at, comment: null });
    }
  }
  return unique(surveys.sort((a, b) => a.at - b.at));
}

function csatFor(rng: Rng, story: Story, episode: Episode, t: Ticket, at: number): number {
  if (episode.decline?.complaintTimes.includes(t.openedAt)) return rng.int(1, 2);
  return 1 + rng.index(negativeAllowed(story, episode, at) ? CSAT_ANY : CSAT_HAPPY);
}

/** (customer, kind, submitted_at) is unique: nudge a rare exact collision by a second. */
function unique(surveys: Survey[]): Survey[] {
  const seen = new Set<string>();
  for (const s of surveys) {
    s.at = Math.floor(s.at);
    while (seen.has(`${s.kind}:${s.at}`)) s.at += 1000;
    seen.add(`${s.kind}:${s.at}`);
  }
  return surveys;
}
