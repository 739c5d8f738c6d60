import { FEATURES } from './catalog';
import type { Rng } from './random';
import { NEVER_ACTIVATED_USE_DAYS, establishedFrom, episodeStop, type Decline, type Story } from './story';
import { DAY, HOUR, startOfUtcDay } from './time';

export type Session = { at: number; actions: number; login: boolean; feature: string | null };

/** Days between fresh logins: at most 30, so that a healthy customer never shows a 45-day login gap. */
const LOGIN_EVERY_DAYS = 30;
const FEATURE_USE_CHANCE = 0.1;

/**
 * Product sessions on a steady per-customer cadence (whole days, varying only the time of day), so that any two
 * consecutive 30-day windows of a healthy customer hold the same count and the usage-drop rule stays quiet. Before
 * first value the same cadence carries lighter sessions; customers who never activate stop after their first days.
 */
export function sessionsOf(rng: Rng, story: Story): Session[] {
  const features = shuffled(rng, FEATURES).slice(0, rng.int(2, 6));
  const loginEvery = Math.max(1, Math.floor(LOGIN_EVERY_DAYS / story.sessionEveryDays));
  const sessions: Session[] = [];

  for (const episode of story.episodes) {
    const established = establishedFrom(story, episode);
    const stop = Math.min(
      episodeStop(story, episode),
      story.activatedAt === null ? episode.start + NEVER_ACTIVATED_USE_DAYS * DAY : Infinity,
    );
    const planned: Planned[] = [];
    for (let day = startOfUtcDay(episode.start); day < stop; day += story.sessionEveryDays * DAY) {
      const at = Math.max(episode.start, day + rng.between(7, 21) * HOUR);
      planned.push({
        at,
        actions: Math.round(story.actionsPerSession * rng.between(0.9, 1.1) * (at < established ? 0.4 : 1)),
      });
    }
    const kept = (episode.decline ? applyDecline(planned, episode.decline) : planned).filter((s) => s.at < stop);
    kept.forEach(({ at, actions }, n) => {
      sessions.push({
        at,
        actions,
        login: n % loginEvery === 0,
        feature: rng.chance(FEATURE_USE_CHANCE) ? rng.pick(features) : null,
      });
    });
  }
  return sessions;
}

type Planned = { at: number; actions: number };

/** Silence from `silentFrom`; from `thinFrom` keep under a third of the sessions of the 30 days before, at half the actions. */
function applyDecline(planned: Planned[], decline: Decline): Planned[] {
  const { silentFrom, thinFrom, anchor } = decline;
  const inRunUp = (from: number | null, at: number) => from !== null && at >= from && at < anchor;
  const audible = planned.filter((s) => !inRunUp(silentFrom, s.at));
  if (thinFrom === null) return audible;
  const before = audible.filter((s) => s.at >= thinFrom - 30 * DAY && s.at < thinFrom).length;
  let allowed = Math.floor(before * 0.3);
  const out: Planned[] = [];
  for (const s of audible) {
    if (!inRunUp(thinFrom, s.at)) out.push(s);
    else if (allowed-- > 0) out.push({ at: s.at, actions: Math.ceil(s.actions / 2) });
  }
  return out;
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
