import { AT_RISK_NOW_SHARE, SEGMENTS, type ChurnReason, type SegmentKey } from './catalog';
import type { Rng } from './random';
import { DAY, MONTH } from './time';

/** The risk indicators (docs/risk.md) a customer shows before leaving. */
export type Signal = 'login_gap' | 'usage_drop' | 'complaints' | 'detractor' | 'payment';

/**
 * The run-up to a churn, or (ongoing) to today for a customer at risk now. Every row generator reads the same
 * plan, so that sessions, tickets, feedback and payment events tell one consistent story.
 */
export type Decline = {
  /** Churn time, or `asOf` when ongoing. */
  anchor: number;
  reason: ChurnReason;
  ongoing: boolean;
  signals: readonly Signal[];
  /** No sessions from here to the anchor (login gap). */
  silentFrom: number | null;
  /** From here to the anchor sessions thin out to under a third of the 30 days before (usage drop). */
  thinFrom: number | null;
  complaintTimes: readonly number[];
  detractorAt: number | null;
  cardExpiringAt: number | null;
  failedPaymentTimes: readonly number[];
  /** When the first signal became visible; the lifecycle stage turns at_risk here. */
  flaggedAt: number;
};

/** A paying spell: from sign-up or reactivation to a churn (with its run-up), or still running. */
export type Episode =
  { start: number; end: number; decline: Decline } | { start: number; end: null; decline: Decline | null };

export type Story = {
  segment: SegmentKey;
  asOf: number;
  acquiredAt: number;
  activatedAt: number | null;
  sessionEveryDays: number;
  actionsPerSession: number;
  episodes: readonly Episode[];
};

/** Time before an episode's end (or today) in which a healthy customer shows no negative signal at all. */
const QUIET_BEFORE_ANCHOR = 120 * DAY;
/** Days of history a usage or login signal needs to be measurable (a normal 30-day window before the drop). */
const HISTORY_FOR_USAGE_SIGNALS = 90 * DAY;
/** Never-activated customers use the product only in their first days. */
export const NEVER_ACTIVATED_USE_DAYS = 10;

export function buildStory(rng: Rng, historyStart: number, asOf: number): Story {
  const segment = rng.weighted({
    b2b_enterprise: SEGMENTS.b2b_enterprise.share,
    b2b_smb: SEGMENTS.b2b_smb.share,
    b2c: SEGMENTS.b2c.share,
  });
  const profile = SEGMENTS[segment];
  const { acquiredAt, base } = sampleAcquisition(rng, historyStart, asOf);
  const activates = base || rng.chance(profile.activationRate);
  const ttv = Math.min(45, Math.max(1, rng.logNormal(profile.ttvMedianDays, 0.6))) * DAY;
  const activatedAt = activates && acquiredAt + ttv < asOf ? acquiredAt + ttv : null;
  const episodes = activates
    ? payingEpisodes(rng, segment, acquiredAt, ttv, asOf, base)
    : [neverActivatedEpisode(rng, acquiredAt, asOf)];

  const last = episodes[episodes.length - 1];
  const establishedSince = Math.max(last.start, activatedAt ?? Infinity);
  if (last.end === null && asOf - establishedSince >= HISTORY_FOR_USAGE_SIGNALS && rng.chance(AT_RISK_NOW_SHARE)) {
    last.decline = planDecline(rng, asOf, rng.weighted(profile.reasonWeights), true, establishedSince);
  }

  return {
    segment,
    asOf,
    acquiredAt,
    activatedAt,
    sessionEveryDays: rng.pick(profile.sessionEveryDays),
    actionsPerSession: rng.int(profile.actionsPerSession[0], profile.actionsPerSession[1]),
    episodes,
  };
}

/**
 * Sign-ups grow over the history (doubling from its first to its last month), plus a launch base of established
 * accounts that all activate, spread over the first weeks so that early months have customers to lose. The launch
 * falls in the run-in before the charted window (generate.ts RUN_IN_MONTHS).
 */
function sampleAcquisition(rng: Rng, historyStart: number, asOf: number): { acquiredAt: number; base: boolean } {
  if (rng.chance(0.15)) return { acquiredAt: historyStart + rng.float() * 45 * DAY, base: true };
  const span = asOf - 3 * DAY - historyStart;
  const growth = Math.LN2 / span;
  return { acquiredAt: historyStart + Math.log(1 + rng.float()) / growth, base: false };
}

/**
 * New customers leave no sooner than 45 days after first value; the launch base (`established`, customers before the
 * data begins) is past that and may leave from first value on, so that the run-in's churn is at its usual rate soon.
 */
function payingEpisodes(
  rng: Rng,
  segment: SegmentKey,
  acquiredAt: number,
  ttv: number,
  asOf: number,
  established: boolean,
): Episode[] {
  const profile = SEGMENTS[segment];
  const episodes: Episode[] = [];
  let start = acquiredAt;
  // Up to two win-backs; won-back customers leave again more readily.
  for (let spell = 0; spell < 3; spell++) {
    const monthly = Math.min(0.5, profile.monthlyChurn * (spell === 0 ? 1 : 1.5));
    const hazard = -Math.log(1 - monthly) / MONTH;
    const settling = spell > 0 ? 45 * DAY : established ? ttv : ttv + 45 * DAY;
    const end = start + settling + rng.exponential(hazard);
    if (end >= asOf) {
      episodes.push({ start, end: null, decline: null });
      break;
    }
    const reason = rng.weighted(profile.reasonWeights);
    episodes.push({ start, end, decline: planDecline(rng, end, reason, false, spell === 0 ? start + ttv : start) });
    if (!rng.chance(profile.reactivationRate)) break;
    start = end + rng.between(30, 240) * DAY;
    if (start >= asOf - 2 * DAY) break;
  }
  return episodes;
}

/** Most customers who never reach first value give up after two to four months; they stopped logging in long before. */
function neverActivatedEpisode(rng: Rng, acquiredAt: number, asOf: number): Episode {
  const end = acquiredAt + rng.between(60, 110) * DAY;
  if (!rng.chance(0.8) || end >= asOf) return { start: acquiredAt, end: null, decline: null };
  const reason = rng.chance(0.6) ? 'low_value' : 'usability';
  const silentFrom = acquiredAt + (NEVER_ACTIVATED_USE_DAYS + 1) * DAY;
  const detractorAt = rng.chance(0.4) ? end - rng.between(8, 30) * DAY : null;
  return {
    start: acquiredAt,
    end,
    decline: {
      anchor: end,
      reason,
      ongoing: false,
      signals: detractorAt === null ? ['login_gap'] : ['login_gap', 'detractor'],
      silentFrom,
      thinFrom: null,
      complaintTimes: [],
      detractorAt,
      cardExpiringAt: null,
      failedPaymentTimes: [],
      flaggedAt: silentFrom + 46 * DAY,
    },
  };
}

/** Which signals a churn reason shows, and when; usage-based signals only where there is history to compare. */
function planDecline(rng: Rng, anchor: number, reason: ChurnReason, ongoing: boolean, historyStart: number): Decline {
  const history = anchor - historyStart;
  const rich = history >= HISTORY_FOR_USAGE_SIGNALS;
  const signals = new Set<Signal>();
  switch (reason) {
    case 'involuntary':
      signals.add('payment');
      break;
    case 'support':
      signals.add('complaints');
      if (rng.chance(0.5)) signals.add('detractor');
      break;
    case 'low_value':
      signals.add(rich ? (rng.chance(0.6) ? 'login_gap' : 'usage_drop') : 'detractor');
      if (rng.chance(0.4)) signals.add('detractor');
      break;
    case 'price':
      signals.add('detractor');
      if (rich && rng.chance(0.5)) signals.add('usage_drop');
      break;
    case 'usability':
    case 'competitor':
      signals.add(rich ? 'usage_drop' : 'detractor');
      if (rng.chance(0.5)) signals.add('detractor');
      break;
  }

  const days = (n: number) => n * DAY;
  const silentFrom = signals.has('login_gap')
    ? anchor - days(rng.int(50, Math.min(80, Math.floor(history / DAY) - 30)))
    : null;
  const thinFrom = signals.has('usage_drop') ? anchor - days(30) : null;
  const complaintTimes = signals.has('complaints')
    ? Array.from({ length: rng.int(3, 4) }, () => anchor - days(rng.between(1, 27))).sort((a, b) => a - b)
    : [];
  const detractorAt = signals.has('detractor') ? anchor - days(rng.between(8, 50)) : null;
  const payment = signals.has('payment');
  const cardExpiringAt = payment ? anchor - days(rng.between(25, 40)) : null;
  const failedPaymentTimes = payment
    ? [
        anchor - days(rng.between(12, 16)),
        anchor - days(rng.between(5, 8)),
        ...(rng.chance(0.6) ? [anchor - days(rng.between(0.5, 2))] : []),
      ]
    : [];

  const visibleAt = [
    silentFrom === null ? Infinity : silentFrom + days(46),
    thinFrom === null ? Infinity : thinFrom + days(12),
    complaintTimes.length ? complaintTimes[2] : Infinity,
    detractorAt ?? Infinity,
    cardExpiringAt ?? Infinity,
  ];
  return {
    anchor,
    reason,
    ongoing,
    signals: [...signals],
    silentFrom,
    thinFrom,
    complaintTimes,
    detractorAt,
    cardExpiringAt,
    failedPaymentTimes,
    flaggedAt: Math.min(...visibleAt),
  };
}

/** The end of the episode holding `at`, or today: negative noise must stay clear of the time before it. */
export function negativeAllowed(story: Story, episode: Episode, at: number): boolean {
  return at < (episode.end ?? story.asOf) - QUIET_BEFORE_ANCHOR;
}

/** The episode in which an activated customer is established (past onboarding) from this time on. */
export function establishedFrom(story: Story, episode: Episode): number {
  return episode === story.episodes[0] ? (story.activatedAt ?? Infinity) : episode.start;
}

/** Episode end, or today for a running episode. */
export function episodeStop(story: Story, episode: Episode): number {
  return episode.end ?? story.asOf;
}
