import type { Figure } from './report';

export async function elapsedMs(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export type Timings = { median: number; p95: number; runs: number };

/** Runs `run` once to warm caches, then `runs` times; milliseconds. */
export async function timeRepeated(runs: number, run: () => Promise<unknown>): Promise<Timings> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await elapsedMs(run));
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { median: at(0.5), p95: at(0.95), runs };
}

/** Peak resident memory while `run` runs, sampled every 50 ms; bytes. */
export async function peakRss<T>(run: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await run();
    return { result, peakRss: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * A time figure as one statistic (median or p95) of repeated runs, against a bare reference query timed the same way;
 * the other statistic goes in the note.
 */
export function timedFigure(
  name: string,
  t: Timings,
  reference: { name: string; timings: Timings },
  { stat = 'median', target, note }: { stat?: 'median' | 'p95'; target?: string; note?: string } = {},
): Figure {
  const other = stat === 'median' ? 'p95' : 'median';
  return {
    name,
    value: t[stat],
    unit: 'ms',
    reference: { name: reference.name, value: reference.timings[stat], unit: 'ms' },
    ratio: reference.timings[stat] / t[stat],
    target,
    note: [`${stat} of ${t.runs} runs, ${other} ${t[other].toFixed(2)} ms`, note].filter(Boolean).join('; '),
  };
}
