import { SEGMENTS, type Plan } from './catalog';
import type { Rng } from './random';
import { episodeStop, negativeAllowed, type Story } from './story';
import { DAY, MONTH } from './time';

export type MrrChange = { at: number; mrrCents: number; plan: string | null };
export type Purchase = { at: number; amountCents: number };

/** Reasons whose customers downgrade on the way out, and whose order values drop (the "value down" rule). */
const SHRINKING_REASONS = new Set(['price', 'low_value']);
const RUN_UP = 60 * DAY;

/**
 * MRR history: the plan at sign-up, expansions and contractions on monthly billing dates, a row of 0 at each churn,
 * and a new paid row at each reactivation.
 */
export function mrrHistory(rng: Rng, story: Story): MrrChange[] {
  const profile = SEGMENTS[story.segment];
  const plans = profile.plans;
  let planIndex = rng.index(profile.planWeights);
  let units = rng.int(plans[planIndex].units[0], plans[planIndex].units[1]);
  const changes: MrrChange[] = [];
  const push = (at: number) =>
    changes.push({ at, mrrCents: plans[planIndex].unitCents * units, plan: plans[planIndex].key });

  story.episodes.forEach((episode, spell) => {
    if (spell > 0 && planIndex > 0 && rng.chance(0.4)) planIndex--;
    units = clampUnits(plans[planIndex], units);
    push(episode.start);
    const stop = episodeStop(story, episode);
    const decline = episode.decline;
    let shrunkOnTheWayOut = false;
    for (let at = episode.start + MONTH; at < stop - DAY; at += MONTH) {
      let next: [number, number] | null = null;
      if (decline !== null && at >= decline.anchor - RUN_UP) {
        if (!shrunkOnTheWayOut && SHRINKING_REASONS.has(decline.reason) && rng.chance(0.5)) {
          next = contract(rng, plans, planIndex, units);
          shrunkOnTheWayOut = true;
        }
      } else if (rng.chance(profile.expansionPerMonth)) {
        next = expand(rng, plans, planIndex, units);
      } else if (negativeAllowed(story, episode, at) && rng.chance(profile.contractionPerMonth)) {
        next = contract(rng, plans, planIndex, units);
      }
      if (next) {
        [planIndex, units] = next;
        push(at);
      }
    }
    if (episode.end !== null) changes.push({ at: episode.end, mrrCents: 0, plan: null });
  });
  return changes;
}

function clampUnits(plan: Plan, units: number): number {
  return Math.min(plan.units[1], Math.max(plan.units[0], units));
}

/** More seats on the same plan, or the next plan up when the seats are maxed; null when nothing is bigger. */
function expand(rng: Rng, plans: readonly Plan[], planIndex: number, units: number): [number, number] | null {
  const plan = plans[planIndex];
  if (units < plan.units[1] && rng.chance(0.7))
    return [planIndex, clampUnits(plan, Math.max(units + 1, Math.round(units * rng.between(1.1, 1.5))))];
  if (planIndex + 1 < plans.length) return [planIndex + 1, clampUnits(plans[planIndex + 1], units)];
  return null;
}

function contract(rng: Rng, plans: readonly Plan[], planIndex: number, units: number): [number, number] | null {
  const plan = plans[planIndex];
  if (units > plan.units[0] && rng.chance(0.7))
    return [planIndex, clampUnits(plan, Math.min(units - 1, Math.round(units * rng.between(0.6, 0.9))))];
  if (planIndex > 0) return [planIndex - 1, clampUnits(plans[planIndex - 1], units)];
  return null;
}

/** MRR in effect at a time (0 before the first row). */
export function mrrAt(history: readonly MrrChange[], at: number): number {
  let mrr = 0;
  for (const change of history) {
    if (change.at > at) break;
    mrr = change.mrrCents;
  }
  return mrr;
}

/**
 * One-off purchases while the customer is paying: most B2C customers buy regularly (and often at sign-up),
 * business customers now and then buy an add-on. Each customer has a typical basket within +-15%, so that a real
 * drop in order value stands out.
 */
export function purchases(rng: Rng, story: Story): Purchase[] {
  const profile = SEGMENTS[story.segment];
  const basket = rng.logNormal(profile.orderMedianCents, 0.5);
  const rate = (profile.ordersPerMonth * rng.logNormal(1, 0.5)) / MONTH;
  const b2c = story.segment === 'b2c';
  const out: Purchase[] = [];
  for (const episode of story.episodes) {
    const stop = episodeStop(story, episode);
    const decline = episode.decline;
    let at = episode.start + (b2c && rng.chance(0.5) ? rng.between(0.01, 0.2) * DAY : rng.exponential(rate));
    for (; at < stop; at += rng.exponential(rate)) {
      if (decline?.silentFrom != null && at >= decline.silentFrom && at < decline.anchor) continue;
      const shrinking = decline !== null && SHRINKING_REASONS.has(decline.reason) && at >= decline.anchor - RUN_UP;
      const amount = basket * rng.between(0.85, 1.15) * (shrinking ? 0.45 : 1);
      // Consumer prices end in .99; business add-ons are quoted in whole currency units.
      out.push({
        at,
        amountCents: b2c
          ? Math.max(99, Math.round(amount / 100) * 100 - 1)
          : Math.max(100, Math.round(amount / 100) * 100),
      });
    }
  }
  return out;
}
