import autocannon from 'autocannon';
import { summarize } from '../timing';
import { cpuSeconds } from './server';

export type LoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  median: number;
  p95: number;
  failed: number;
  serverCores: number | null;
};

/**
 * `connections` clients requesting `path` back to back for `seconds`: throughput, and the latency every response
 * took (p95 from each response's own time), with how much CPU the server process used meanwhile.
 */
export async function loadTest({
  base,
  path,
  cookie,
  connections,
  seconds,
  serverPid,
}: {
  base: string;
  path: string;
  cookie: string;
  connections: number;
  seconds: number;
  serverPid: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  const cpuBefore = cpuSeconds(serverPid);
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${base}${path}`, connections, duration: seconds, headers: { cookie } },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else failed++;
    });
  });
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds(serverPid);
  const t = summarize(latencies.length ? latencies : [NaN]);
  return {
    connections,
    seconds: wall,
    requests: latencies.length,
    perSecond: latencies.length / wall,
    median: t.median,
    p95: t.p95,
    failed: failed + result.errors + result.timeouts,
    serverCores: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / wall,
  };
}
