import { sql } from 'drizzle-orm';
import { readKpiInputs } from '@/db/queries/metrics/read';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { queryRows } from '@/db/rows';
import { monthOf } from '@/lib/metrics/months';
import { systemActor } from '@/server/context';
import { getKpis } from '@/server/services/kpis';
import type { BenchSection } from '../context';
import type { Figure } from '../report';
import { timeRepeated, type Timings } from '../timing';

const RUNS = 15;

function timeFigure(name: string, t: Timings, bare: Timings, target?: string): Figure {
  return {
    name,
    value: t.median,
    unit: 'ms',
    reference: { name: 'select count(*) from customer_months', value: bare.median, unit: 'ms' },
    ratio: bare.median / t.median,
    target,
    note: `median of ${t.runs}, p95 ${t.p95.toFixed(1)} ms`,
  };
}

/** DESIGN §8: the KPI page for 24 months reads monthly rollups; <= 200 ms of queries at the reference volume. */
export const kpiSection: BenchSection = {
  title: 'KPI page (24 months)',
  run: async (ctx) => {
    const db = ctx.reference.db;
    const to = monthOf(Date.now());
    const from = to - 23;
    const actor = systemActor('bench');
    ctx.log('KPI queries ...');
    const bare = await timeRepeated(RUNS, () => queryRows(db, sql`select count(*) from customer_months`));
    const figures = [
      timeFigure('KPI queries, whole workspace', await timeRepeated(RUNS, () => readKpiInputs(db, { from, to, dimensions: {} })), bare, '<= 200 ms'),
      timeFigure('KPI queries, one segment', await timeRepeated(RUNS, () => readKpiInputs(db, { from, to, dimensions: { segment: 'b2b_smb' } })), bare, '<= 200 ms'),
      timeFigure('getKpis (queries + document), whole workspace', await timeRepeated(RUNS, () => getKpis({ ctx: { db, actor }, input: {} })), bare, '<= 200 ms'),
      timeFigure(
        'getKpis, segment + plan (no rollup of its own)',
        await timeRepeated(5, () => getKpis({ ctx: { db, actor }, input: { filters: { segment: 'b2b_smb', plan: 'starter' } } })),
        bare,
      ),
      timeFigure('refresh of the newest month (after an import or edit)', await timeRepeated(3, () => refreshRollups(db, { from: to })), bare),
    ];
    return {
      title: kpiSection.title,
      notes: ['Warm cache; each figure is the median of repeated runs after one warm-up run.'],
      figures,
    };
  },
};
