import { mrrAt, type MrrChange } from './revenue';
import type { Rng } from './random';
import type { Session } from './sessions';
import { episodeStop, negativeAllowed, type Story } from './story';

export type ProductEvent = { type: string; at: number; value: number | null; name: string | null };

const MINUTE = 60_000;

/**
 * The events table: per session a usage event (value = actions) and, when the user signed in fresh, a login before
 * it and sometimes a feature_use; plus card_expiring / payment_failed (value = the MRR due) ahead of involuntary
 * churn. Some long-standing customers once had a card expire and renewed it in time, far from any churn.
 */
export function eventsOf(
  rng: Rng,
  story: Story,
  sessions: readonly Session[],
  mrr: readonly MrrChange[],
): ProductEvent[] {
  const events: ProductEvent[] = [];
  for (const s of sessions) {
    if (s.login) events.push({ type: 'login', at: s.at, value: null, name: null });
    events.push({ type: 'usage', at: s.at + 2 * MINUTE, value: s.actions, name: null });
    if (s.feature) events.push({ type: 'feature_use', at: s.at + 5 * MINUTE, value: null, name: s.feature });
  }
  for (const episode of story.episodes) {
    const decline = episode.decline;
    if (decline?.cardExpiringAt != null)
      events.push({ type: 'card_expiring', at: decline.cardExpiringAt, value: null, name: null });
    for (const at of decline?.failedPaymentTimes ?? [])
      events.push({ type: 'payment_failed', at, value: mrrAt(mrr, at), name: null });
    if (rng.chance(0.1)) {
      const at = rng.between(episode.start, episodeStop(story, episode));
      if (negativeAllowed(story, episode, at)) events.push({ type: 'card_expiring', at, value: null, name: null });
    }
  }
  return events.sort((a, b) => a.at - b.at);
}
