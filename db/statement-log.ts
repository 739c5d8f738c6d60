import fs from 'node:fs';
import type pg from 'pg';

/** One SQL statement as the driver sent it. */
export type Statement = { text: string; values: unknown[] };

export type StatementSink = (statement: Statement) => void;

/**
 * A pg Client class that hands every statement it sends to `sink` before sending it. COPY streams and other
 * submittables carry no text and are not reported.
 */
export function recordingClient(Client: typeof pg.Client, sink: StatementSink): typeof pg.Client {
  class RecordingClient extends Client {}
  const send = Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  RecordingClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [string | { text?: string; values?: unknown[] } | null, unknown];
    const text = typeof config === 'string' ? config : config?.text;
    if (typeof text === 'string') {
      const params = Array.isArray(values)
        ? values
        : typeof config === 'object' && Array.isArray(config?.values)
          ? config.values
          : [];
      sink({ text, values: params });
    }
    return send.apply(this, args);
  } as pg.Client['query'];
  return RecordingClient;
}

/**
 * With HOLDFAST_SQL_LOG=FILE, every statement is appended to FILE as one JSON line: what a slow page really runs,
 * and what the bench replays on a bare connection to find a page's SQL floor.
 */
export function statementLogFromEnv(env: NodeJS.ProcessEnv = process.env): StatementSink | undefined {
  const file = env.HOLDFAST_SQL_LOG;
  if (!file) return undefined;
  return (statement) => fs.appendFileSync(file, `${JSON.stringify(statement)}\n`);
}
