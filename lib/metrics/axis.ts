/**
 * Chart axis ticks people can read: round steps (1, 2, 2.5 or 5 times a power of ten) and labels with just enough
 * digits that no two ticks read the same ("$2.1M, $2.1M, $2M" said nothing).
 */

const STEPS = [1, 2, 2.5, 5, 10];

/** About `count` evenly spaced round ticks covering low..high, the first at or below low and the last at or above high. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [];
  if (high <= low) return [low];
  const rough = (high - low) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = STEPS.map((s) => s * power).find((s) => s >= rough) ?? 10 * power;
  // The nudge keeps 0.9 / 0.05 = 17.999… from starting a step early.
  const first = Math.floor(low / step + 1e-9) * step;
  const ticks: number[] = [];
  // Rounded to the step's own precision, so that 0.1 + 0.2 does not print as 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let tick = first; tick < high + step / 2; tick += step) ticks.push(Number(tick.toFixed(digits)));
  if (ticks.at(-1)! < high) ticks.push(Number((ticks.at(-1)! + step).toFixed(digits)));
  return ticks;
}

/**
 * The first of `format(value, 0)`, `format(value, 1)`, ... `format(value, maxDigits)` (fraction digits) under which the
 * ticks all read differently; the most precise one when none does.
 */
export function distinctTickFormat(
  ticks: readonly number[],
  format: (value: number, digits: number) => string,
  maxDigits = 3,
): (value: number) => string {
  for (let digits = 0; digits < maxDigits; digits++) {
    const labels = ticks.map((t) => format(t, digits));
    if (new Set(labels).size === labels.length) return (value) => format(value, digits);
  }
  return (value) => format(value, maxDigits);
}
