import type { LifecycleStage } from './vocabulary';

const DAY_MS = 86_400_000;

/** Days a new customer has to reach first value before the "not activated" risk rule fires (docs/risk.md). */
export const TTV_TARGET_DAYS = 30;
/** Days of steady use after first value (or after a win-back's settling in) before a customer is adopting. */
export const ADOPTING_AFTER_DAYS = 60;
/** Days of healthy use before an adopting customer is loyal. */
export const LOYAL_AFTER_DAYS = 365;

export type StageTransition = { at: number; from: LifecycleStage | null; to: LifecycleStage; reason: string };

/** A candidate stage change: it applies only if the stage at that time is one of `from`. */
export type StageMark = { at: number; to: LifecycleStage; reason: string; from: readonly (LifecycleStage | null)[] };

/**
 * The stage steps that time alone drives in a customer's first paying spell (docs/lifecycle-and-outreach.md): onboarding from sign-up,
 * at risk when first value comes later than the TTV target, activated at first value, adopting after 60 days of use,
 * loyal after a year. Steps from `stop` on (the spell's end, or today) are left out. Times are epoch milliseconds.
 */
export function firstSpellMarks({
  acquiredAt,
  activatedAt,
  stop,
}: {
  acquiredAt: number;
  activatedAt: number | null;
  stop: number;
}): StageMark[] {
  const marks: StageMark[] = [{ at: acquiredAt, to: 'onboarding', reason: 'Signed up', from: [null] }];
  const lateFrom = acquiredAt + TTV_TARGET_DAYS * DAY_MS;
  if ((activatedAt ?? Infinity) > lateFrom && lateFrom < stop) {
    marks.push({
      at: lateFrom,
      to: 'at_risk',
      reason: `Not activated within ${TTV_TARGET_DAYS} days`,
      from: ['onboarding'],
    });
  }
  if (activatedAt === null) return marks;
  marks.push({ at: activatedAt, to: 'activated', reason: 'Reached first value', from: ['onboarding', 'at_risk'] });
  const use: StageMark[] = [
    {
      at: activatedAt + ADOPTING_AFTER_DAYS * DAY_MS,
      to: 'adopting',
      reason: `Steady use for ${ADOPTING_AFTER_DAYS} days`,
      from: ['activated'],
    },
    loyalMark(activatedAt),
  ];
  return [...marks, ...use.filter((mark) => mark.at < stop)];
}

/** A year after a spell's use became established, an adopting customer is loyal. */
export function loyalMark(establishedAt: number): StageMark {
  return {
    at: establishedAt + LOYAL_AFTER_DAYS * DAY_MS,
    to: 'loyal',
    reason: 'A year of healthy use',
    from: ['adopting'],
  };
}

/** The stage changes the marks make up to `asOf`, in time order: a mark whose `from` is not the stage then is skipped. */
export function applyStageMarks(marks: readonly StageMark[], asOf: number): StageTransition[] {
  const transitions: StageTransition[] = [];
  let stage: LifecycleStage | null = null;
  for (const mark of marks.filter((m) => m.at <= asOf).sort((a, b) => a.at - b.at)) {
    if (!mark.from.includes(stage)) continue;
    transitions.push({ at: mark.at, from: stage, to: mark.to, reason: mark.reason });
    stage = mark.to;
  }
  return transitions;
}

/**
 * The stage of an imported customer as of the import's date, by the same rules as the demo data: churned when the
 * file says so, otherwise where the first spell's steps have got to. Without an acquisition date nothing has
 * happened yet (onboarding).
 */
export function importedStage({
  acquiredAt,
  activatedAt,
  churnedAt,
  asOf,
}: {
  acquiredAt: Date | null;
  activatedAt: Date | null;
  churnedAt: Date | null;
  asOf: Date;
}): LifecycleStage {
  if (churnedAt) return 'churned';
  if (!acquiredAt) return activatedAt ? 'activated' : 'onboarding';
  const transitions = applyStageMarks(
    firstSpellMarks({
      acquiredAt: acquiredAt.getTime(),
      activatedAt: activatedAt?.getTime() ?? null,
      stop: asOf.getTime(),
    }),
    asOf.getTime(),
  );
  return transitions.at(-1)?.to ?? 'onboarding';
}
