import { sql } from 'drizzle-orm';
import { readKpiInputs } from '@/db/queries/metrics/read';
import { refreshRollups, rollupsBehind } from '@/db/queries/metrics/refresh';
import { queryRows } from '@/db/rows';
import { monthOf } from '@/lib/metrics/months';
import { parseKpiPageState } from '@/lib/validation/kpi-page';
import { systemActor } from '@/server/context';
import { getKpiDashboard } from '@/server/services/kpi-dashboard';
import type { BenchSection } from '../context';
import { againstFloor } from '../floor';
import type { Target } from '../report';
import { elapsedMs, summarize } from '../timing';
import { editCustomers } from './kpi-edits';

const RUNS = 15;
/** Customers an edit touches in the incremental refresh figure: a busy day of account work. */
const EDITED = 200;
const QUERIES: Target = { label: '<= 200 ms of queries', of: 'value', max: 200 };
/** Deleted rows the lag check is timed over: about what months of edits leave where autovacuum is off. */
const DEAD_ROWS = 1_000_000;

/** The KPI page for 24 months reads monthly rollups: <= 200 ms of queries at the reference volume. */
export const kpiSection: BenchSection = {
  title: 'KPI page (24 months)',
  run: async (ctx, out) => {
    const db = ctx.reference.db;
    const to = monthOf(Date.now());
    const from = to - 23;
    const actor = systemActor('bench');
    out.notes.push(
      `Warm cache; each figure is the median of ${RUNS} runs after one warm-up, interleaved with its floor (the statements the code sent on its first run, replayed on a bare connection).`,
      'The page figures time the whole KPI dashboard service (filter options, three KPI documents, churn breakdowns), not the rendering: the HTTP section times pages.',
    );
    ctx.log('KPI queries ...');
    await refreshRollups(db);
    const page = (params: Record<string, string>) => () =>
      getKpiDashboard({ ctx: { db, actor }, state: parseKpiPageState(params) });
    const measure = async (name: string, run: () => Promise<unknown>, target: Target | undefined = QUERIES) =>
      out.figures.push(await againstFloor(ctx.floor, name, run, { runs: RUNS, target }));
    await measure('KPI inputs, whole workspace', () => readKpiInputs(db, { from, to, dimensions: {} }));
    await measure('KPI inputs, one segment (dimension rollup)', () =>
      readKpiInputs(db, { from, to, dimensions: { segment: 'b2b_smb' } }),
    );
    await measure('KPI inputs, segment + plan + country (sum of metric cells)', () =>
      readKpiInputs(db, { from, to, dimensions: { segment: 'b2b_smb', plan: 'starter', country: 'Brazil' } }),
    );
    await measure('KPI page service, whole workspace', page({}));
    await measure('KPI page service, segment + plan (pair rollup)', page({ segment: 'b2b_smb', plan: 'starter' }));
    await measure(
      'KPI page service, segment + plan + country (sum of metric cells)',
      page({ segment: 'b2b_smb', plan: 'starter', country: 'Brazil' }),
    );

    ctx.log('KPI refresh after edits ...');
    const [views, refreshes]: [number[], number[]] = [[], []];
    let edited = 0;
    for (let round = 0; round < 3; round++) {
      const edit = await editCustomers(db, round, EDITED);
      edited = edit.edited;
      // A page's read right after the edit: it schedules the refresh for after its response instead of running it.
      const scheduled: (() => Promise<unknown>)[] = [];
      views.push(
        await elapsedMs(() =>
          getKpiDashboard({
            ctx: { db, actor, background: (task) => scheduled.push(task) },
            state: parseKpiPageState({}),
          }),
        ),
      );
      refreshes.push(await elapsedMs(() => Promise.all(scheduled.map((task) => task()))));
      await edit.undo();
    }
    const [view, refresh] = [summarize(views), summarize(refreshes)];
    out.figures.push(
      {
        name: `KPI page service, first view after an edit of ${edited.toLocaleString('en-US')} customers`,
        value: view.median,
        unit: 'ms',
        target: QUERIES,
        note: `median of 3 edits, slowest ${view.p95.toFixed(0)} ms; the page does not wait for the refresh below`,
      },
      {
        name: `refresh after that edit (change log; runs after the response)`,
        value: refresh.median,
        unit: 'ms',
        note: `median of 3 edits, slowest ${refresh.p95.toFixed(0)} ms; no bare equivalent: the refresh is the app's own SQL over its own tables`,
      },
    );

    ctx.log('KPI lag check ...');
    await measure(
      'KPI lag check (state row + change-log sequence), every KPI read',
      () => rollupsBehind(db),
      undefined,
    );
    // The check must cost the same when the change log's table is full of deleted rows, as it is on a server
    // without autovacuum between compactions.
    await db.execute(
      sql`insert into metric_changes (customer_id, from_month) select g, 0 from generate_series(1, ${DEAD_ROWS}) as g`,
    );
    await db.execute(sql`delete from metric_changes`);
    const [{ bytes }] = await queryRows<{ bytes: number }>(
      db,
      sql`select pg_relation_size('metric_changes')::float8 as bytes`,
    );
    const withDead = `${DEAD_ROWS.toLocaleString('en-US')} deleted rows (${(bytes / 2 ** 20).toFixed(0)} MB) in the change log`;
    await measure(`the same lag check, ${withDead}`, () => rollupsBehind(db), undefined);
    out.figures.push(
      await againstFloor(
        ctx.floor,
        `for comparison: a scan for pending rows (the check before migration 0012), ${withDead}`,
        () => queryRows(db, sql`select exists (select 1 from metric_changes) as any`),
        { runs: RUNS },
      ),
    );
    await refreshRollups(db);
    const [{ after }] = await queryRows<{ after: number }>(
      db,
      sql`select pg_relation_size('metric_changes')::float8 as after`,
    );
    out.notes.push(
      `After the next refresh the change log's table holds ${(after / 2 ** 20).toFixed(1)} MB (it is truncated once every row is taken).`,
    );

    ctx.log('KPI month rollover ...');
    const rollover = await elapsedMs(() => refreshRollups(db, { from: to }));
    out.figures.push({
      name: "month rollover: every customer's newest month recomputed (runs after the response)",
      value: rollover / 1000,
      unit: 's',
      note: 'once a month, in the background; pages show the months computed so far meanwhile',
    });
  },
};
