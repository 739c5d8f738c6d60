import {
  applyStageMarks,
  firstSpellMarks,
  loyalMark,
  type StageMark,
  type StageTransition,
} from '@/lib/customers/lifecycle';
import type { LifecycleStage } from '@/lib/customers/vocabulary';
import { episodeStop, type Signal, type Story } from './story';
import { DAY } from './time';

export type Stage = LifecycleStage;
export type Transition = StageTransition;

const PAYING: readonly Stage[] = ['onboarding', 'activated', 'adopting', 'loyal', 'won_back'];
const SIGNAL_LABELS: Record<Signal, string> = {
  login_gap: 'no login for over 45 days',
  usage_drop: 'usage down by more than half',
  complaints: 'repeated complaints',
  detractor: 'negative feedback',
  payment: 'failed payment',
};

/**
 * Stage history derived from the customer's story (docs/lifecycle-and-outreach.md): the first spell's steps by time (shared with imports,
 * lib/customers/lifecycle.ts); at_risk when a risk signal shows; churned; won_back on reactivation, adopting 90 days
 * later and loyal after a year.
 */
export function transitionsOf(story: Story): Transition[] {
  const marks: StageMark[] = firstSpellMarks({
    acquiredAt: story.acquiredAt,
    activatedAt: story.activatedAt,
    stop: episodeStop(story, story.episodes[0]),
  });

  story.episodes.forEach((episode, spell) => {
    const stop = episodeStop(story, episode);
    const within: StageMark[] = [];
    if (spell > 0) {
      marks.push({ at: episode.start, to: 'won_back', reason: 'Subscription reactivated', from: ['churned'] });
      within.push(
        { at: episode.start + 90 * DAY, to: 'adopting', reason: 'Settled in after win-back', from: ['won_back'] },
        loyalMark(episode.start),
      );
    }
    const decline = episode.decline;
    if (decline) {
      const labels = decline.signals.map((s) => SIGNAL_LABELS[s]).join(', ');
      within.push({ at: decline.flaggedAt, to: 'at_risk', reason: `Risk signals: ${labels}`, from: PAYING });
    }
    marks.push(...within.filter((mark) => mark.at < stop));
    if (episode.end !== null) {
      marks.push({
        at: episode.end,
        to: 'churned',
        reason: `Cancelled (${episode.decline.reason})`,
        from: [...PAYING, 'at_risk'],
      });
    }
  });
  return applyStageMarks(marks, story.asOf);
}
