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

/** A time figure as the median of repeated runs, against a bare reference query timed the same way. */
export function medianFigure(name: string, t: Timings, reference: { name: string; timings: Timings }, extra: { target?: string; note?: string } = {}): Figure {
  return {
    name,
    value: t.median,
    unit: 'ms',
    reference: { name: reference.name, value: reference.timings.median, unit: 'ms' },
    ratio: reference.timings.median / t.median,
    target: extra.target,
    note: [`median of ${t.runs}, p95 ${t.p95.toFixed(2)} ms`, extra.note].filter(Boolean).join('; '),
  };
}
