import { readKpiInputs } from '@/db/queries/metrics/read';
import { refreshRollups } from '@/db/queries/metrics/refresh';
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
    const page = (params: Record<string, string>) => () => getKpiDashboard({ ctx: { db, actor }, state: parseKpiPageState(params) });
    const measure = async (name: string, run: () => Promise<unknown>) => out.figures.push(await againstFloor(ctx.floor, name, run, { runs: RUNS, target: QUERIES }));
    await measure('KPI inputs, whole workspace', () => readKpiInputs(db, { from, to, dimensions: {} }));
    await measure('KPI inputs, one segment (dimension rollup)', () => readKpiInputs(db, { from, to, dimensions: { segment: 'b2b_smb' } }));
    await measure('KPI inputs, segment + plan + country (sum of metric cells)', () => readKpiInputs(db, { from, to, dimensions: { segment: 'b2b_smb', plan: 'starter', country: 'Brazil' } }));
    await measure('KPI page service, whole workspace', page({}));
    await measure('KPI page service, segment + plan (pair rollup)', page({ segment: 'b2b_smb', plan: 'starter' }));
    await measure('KPI page service, segment + plan + country (sum of metric cells)', page({ segment: 'b2b_smb', plan: 'starter', country: 'Brazil' }));

    ctx.log('KPI refresh after edits ...');
    const refreshes: number[] = [];
    let edited = 0;
    for (let round = 0; round < 3; round++) {
      const edit = await editCustomers(db, round, EDITED);
      edited = edit.edited;
      refreshes.push(await elapsedMs(() => refreshRollups(db)));
      await edit.undo();
    }
    const t = summarize(refreshes);
    out.figures.push({
      name: `refresh after an edit of ${edited.toLocaleString('en-US')} customers (change log; runs after the response)`,
      value: t.median,
      unit: 'ms',
      note: `median of 3 edits, slowest ${t.p95.toFixed(0)} ms; no bare equivalent: the refresh is the app's own SQL over its own tables`,
    });
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
