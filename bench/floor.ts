import pg from 'pg';
import { POSTGRES_SESSION_OPTIONS } from '@/db/client';
import type { Statement } from '@/db/statement-log';
import type { Figure, Target } from './report';
import { elapsedMs, summarize, type Timings } from './timing';

/**
 * Collects the statements the reference database's pool sends while `capture` runs: the SQL a page's own code
 * issues, which the floor then runs bare.
 */
export class StatementRecorder {
  private recording: Statement[] | null = null;

  readonly sink = (statement: Statement) => {
    this.recording?.push(statement);
  };

  async capture(run: () => Promise<unknown>): Promise<Statement[]> {
    const statements: Statement[] = [];
    this.recording = statements;
    try {
      await run();
    } finally {
      this.recording = null;
    }
    return statements;
  }
}

/** A plain connection with the app's session settings and nothing else: no ORM, no pool, no result mapping. */
export async function openBareClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, options: POSTGRES_SESSION_OPTIONS });
  await client.connect();
  return client;
}

const CANCELLED = '57014';

/**
 * Sends `statements` one after another, transactions included as the app sent them. A statement cancelled by its
 * own timeout (the list's capped count) is cancelled here too and the next captured statement, a rollback, follows.
 */
export async function replay(client: pg.Client, statements: readonly Statement[]): Promise<void> {
  for (const { text, values } of statements) {
    try {
      await client.query({ text, values });
    } catch (error) {
      if ((error as { code?: string }).code !== CANCELLED) throw error;
    }
  }
}

/** Runs `a` and `b` alternately, `runs` times each after one warm-up of each: load that comes and goes hits both. */
export async function timePaired(
  runs: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[Timings, Timings]> {
  await a();
  await b();
  const [as, bs]: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    as.push(await elapsedMs(a));
    bs.push(await elapsedMs(b));
  }
  return [summarize(as), summarize(bs)];
}

type Run = () => Promise<unknown>;

export type FloorTools = { recorder: StatementRecorder; bare: pg.Client };

export type AgainstFloor = { runs: number; stat?: 'median' | 'p95'; target?: Target; note?: string; trivial?: string };

/**
 * Times app code on the reference database against its floor: the statements it sent on its first run, replayed on
 * a bare connection, timed the same way and interleaved with it. Several variants (e.g. one per sampled customer)
 * are run in turn, each against its own statements.
 */
export async function againstFloor(
  tools: FloorTools,
  name: string,
  run: Run | Run[],
  options: AgainstFloor,
): Promise<Figure> {
  const variants = Array.isArray(run) ? run : [run];
  const captured: Statement[][] = [];
  for (const variant of variants) captured.push(await tools.recorder.capture(variant));
  let [a, b] = [0, 0];
  const [app, floor] = await timePaired(
    options.runs,
    () => variants[a++ % variants.length](),
    () => replay(tools.bare, captured[b++ % captured.length]),
  );
  const counts = [...new Set(captured.map((c) => c.length))].sort((x, y) => x - y);
  const statements = counts.length === 1 ? `${counts[0]}` : `${counts[0]}-${counts.at(-1)}`;
  return timeFigure(name, app, { name: `its ${statements} SQL statements, bare`, timings: floor }, options);
}

/** A time figure as one statistic (median or p95) of its runs beside the floor's; the other statistic goes in the note. */
export function timeFigure(
  name: string,
  t: Timings,
  floor: { name: string; timings: Timings },
  options: Omit<AgainstFloor, 'runs'> = {},
): Figure {
  const stat = options.stat ?? 'median';
  const other = stat === 'median' ? 'p95' : 'median';
  return {
    name,
    value: t[stat],
    unit: 'ms',
    reference: { name: floor.name, value: floor.timings[stat], unit: 'ms' },
    ratio: t[stat] / floor.timings[stat],
    target: options.target,
    trivial: options.trivial,
    note: [
      `${stat} of ${t.runs} runs, ${other} ${t[other].toFixed(2)} ms (floor ${floor.timings[other].toFixed(2)} ms)`,
      options.note,
    ]
      .filter(Boolean)
      .join('; '),
  };
}
