export async function elapsedMs(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export type Timings = { median: number; p95: number; runs: number };

/** The median and p95 of samples (nearest rank). */
export function summarize(samples: readonly number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

/** Runs `run` once to warm caches, then `runs` times; milliseconds. */
export async function timeRepeated(runs: number, run: () => Promise<unknown>): Promise<Timings> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await elapsedMs(run));
  return summarize(samples);
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
