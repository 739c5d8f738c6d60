import { TTV_TARGET_DAYS } from './catalog';
import { establishedFrom, episodeStop, type Signal, type Story } from './story';
import { DAY } from './time';

export type Stage = 'onboarding' | 'activated' | 'adopting' | 'loyal' | 'at_risk' | 'churned' | 'won_back';
export type Transition = { at: number; from: Stage | null; to: Stage; reason: string };

/** A candidate stage change: applies only if the stage at that time is one of `from`. */
type Mark = { at: number; to: Stage; reason: string; from: readonly (Stage | null)[] };

const PAYING: readonly Stage[] = ['onboarding', 'activated', 'adopting', 'loyal', 'won_back'];
const SIGNAL_LABELS: Record<Signal, string> = {
  login_gap: 'no login for over 45 days',
  usage_drop: 'usage down by more than half',
  complaints: 'repeated complaints',
  detractor: 'negative feedback',
  payment: 'failed payment',
};

/**
 * Stage history derived from the customer's story (docs/lifecycle-and-outreach.md): onboarding -> activated ->
 * adopting (60 days of use) -> loyal (a year); at_risk when a risk signal shows or activation is late; churned;
 * won_back on reactivation.
 */
export function transitionsOf(story: Story): Transition[] {
  const marks: Mark[] = [{ at: story.acquiredAt, to: 'onboarding', reason: 'Signed up', from: [null] }];
  const first = story.episodes[0];
  const lateFrom = story.acquiredAt + TTV_TARGET_DAYS * DAY;
  if ((story.activatedAt ?? Infinity) > lateFrom && lateFrom < episodeStop(story, first)) {
    marks.push({ at: lateFrom, to: 'at_risk', reason: `Not activated within ${TTV_TARGET_DAYS} days`, from: ['onboarding'] });
  }
  if (story.activatedAt !== null) marks.push({ at: story.activatedAt, to: 'activated', reason: 'Reached first value', from: ['onboarding', 'at_risk'] });

  story.episodes.forEach((episode, spell) => {
    const stop = episodeStop(story, episode);
    const established = establishedFrom(story, episode);
    const within: Mark[] = [];
    if (spell > 0) {
      marks.push({ at: episode.start, to: 'won_back', reason: 'Subscription reactivated', from: ['churned'] });
      within.push({ at: episode.start + 90 * DAY, to: 'adopting', reason: 'Settled in after win-back', from: ['won_back'] });
    } else {
      within.push({ at: established + 60 * DAY, to: 'adopting', reason: 'Steady use for 60 days', from: ['activated'] });
    }
    within.push({ at: established + 365 * DAY, to: 'loyal', reason: 'A year of healthy use', from: ['adopting'] });
    const decline = episode.decline;
    if (decline) {
      const labels = decline.signals.map((s) => SIGNAL_LABELS[s]).join(', ');
      within.push({ at: decline.flaggedAt, to: 'at_risk', reason: `Risk signals: ${labels}`, from: PAYING });
    }
    marks.push(...within.filter((mark) => mark.at < stop));
    if (episode.end !== null) {
      marks.push({ at: episode.end, to: 'churned', reason: `Cancelled (${episode.decline.reason})`, from: [...PAYING, 'at_risk'] });
    }
  });

  const transitions: Transition[] = [];
  let stage: Stage | null = null;
  for (const mark of marks.filter((m) => m.at <= story.asOf).sort((a, b) => a.at - b.at)) {
    if (!mark.from.includes(stage)) continue;
    transitions.push({ at: mark.at, from: stage, to: mark.to, reason: mark.reason });
    stage = mark.to;
  }
  return transitions;
}
