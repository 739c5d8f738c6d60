import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { readKpiInputs } from '@/db/queries/metrics/read';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { queryRows } from '@/db/rows';
import { monthOf } from '@/lib/metrics/months';
import { parseKpiPageState } from '@/lib/validation/kpi-page';
import { systemActor } from '@/server/context';
import { getKpiDashboard } from '@/server/services/kpi-dashboard';
import type { BenchSection } from '../context';
import type { Figure } from '../report';
import { elapsedMs, timedFigure, timeRepeated, type Timings } from '../timing';

const RUNS = 15;
/** Customers an edit touches in the incremental refresh figure: a busy day of account work. */
const EDITED = 200;

function timeFigure(name: string, t: Timings, bare: Timings, target?: string): Figure {
  return timedFigure(name, t, { name: 'select count(*) from customer_months', timings: bare }, { target });
}

/**
 * An edit of EDITED customers, different ones each round: half get a new MRR this month (a subscription row), half a
 * new owner. Returns its undo.
 */
async function editCustomers(db: Database, round: number): Promise<() => Promise<void>> {
  const picked = await queryRows<{ id: number; owner_id: number | null; mrr_cents: number }>(
    db,
    sql`select id, owner_id, mrr_cents from customers where mrr_cents > 0 order by id offset ${round * EDITED * 97} limit ${EDITED}`,
  );
  const [subscribers, moved] = [picked.slice(0, EDITED / 2), picked.slice(EDITED / 2)];
  const [owner] = await queryRows<{ id: number }>(db, sql`select id from users where role = 'csm' order by id limit 1`);
  const at = new Date();
  await db.transaction(async (tx) => {
    for (const c of subscribers) await tx.execute(sql`insert into subscriptions (customer_id, effective_at, mrr_cents) values (${c.id}, ${at}, ${Number(c.mrr_cents) + 1_000})`);
    await tx.execute(sql`update customers set owner_id = ${owner.id} where id in ${sql`(${sql.join(moved.map((c) => sql`${c.id}`), sql`, `)})`}`);
  });
  return async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from subscriptions where effective_at = ${at} and customer_id in (${sql.join(subscribers.map((c) => sql`${c.id}`), sql`, `)})`);
      for (const c of moved) await tx.execute(sql`update customers set owner_id = ${c.owner_id} where id = ${c.id}`);
    });
    await refreshRollups(db);
  };
}

/** docs/speed-targets.md: the KPI page for 24 months reads monthly rollups; <= 200 ms of queries at 1M customers. */
export const kpiSection: BenchSection = {
  title: 'KPI page (24 months)',
  run: async (ctx) => {
    const db = ctx.reference.db;
    const to = monthOf(Date.now());
    const from = to - 23;
    const actor = systemActor('bench');
    ctx.log('KPI queries ...');
    await refreshRollups(db);
    const bare = await timeRepeated(RUNS, () => queryRows(db, sql`select count(*) from customer_months`));
    const page = (params: Record<string, string>) => () => getKpiDashboard({ ctx: { db, actor }, state: parseKpiPageState(params) });
    const figures = [
      timeFigure('KPI inputs, whole workspace', await timeRepeated(RUNS, () => readKpiInputs(db, { from, to, dimensions: {} })), bare, '<= 200 ms'),
      timeFigure('KPI inputs, one segment (dimension rollup)', await timeRepeated(RUNS, () => readKpiInputs(db, { from, to, dimensions: { segment: 'b2b_smb' } })), bare, '<= 200 ms'),
      timeFigure(
        'KPI inputs, segment + plan + country (sum of metric cells)',
        await timeRepeated(RUNS, () => readKpiInputs(db, { from, to, dimensions: { segment: 'b2b_smb', plan: 'starter', country: 'Brazil' } })),
        bare,
        '<= 200 ms',
      ),
      timeFigure('KPI page, whole workspace (every service call the page makes)', await timeRepeated(RUNS, page({})), bare, '<= 200 ms'),
      timeFigure('KPI page, segment + plan (pair rollup)', await timeRepeated(RUNS, page({ segment: 'b2b_smb', plan: 'starter' })), bare, '<= 200 ms'),
      timeFigure(
        'KPI page, segment + plan + country (sum of metric cells)',
        await timeRepeated(RUNS, page({ segment: 'b2b_smb', plan: 'starter', country: 'Brazil' })),
        bare,
        '<= 200 ms',
      ),
    ];

    ctx.log('KPI refresh after edits ...');
    const refreshes: number[] = [];
    for (let round = 0; round < 3; round++) {
      const undo = await editCustomers(db, round);
      refreshes.push(await elapsedMs(() => refreshRollups(db)));
      await undo();
    }
    refreshes.sort((a, b) => a - b);
    figures.push(
      timeFigure(`refresh after an edit of ${EDITED} customers (change log)`, { median: refreshes[1], p95: refreshes[2], runs: 3 }, bare),
    );
    ctx.log('KPI month rollover ...');
    const rollover = await elapsedMs(() => refreshRollups(db, { from: to }));
    figures.push({
      name: 'month rollover: every customer\'s newest month recomputed (runs after the response)',
      value: rollover / 1000,
      unit: 's',
      note: 'once a month, in the background; pages show the months computed so far meanwhile',
    });
    return {
      title: kpiSection.title,
      notes: [
        'Warm cache; each figure is the median of repeated runs after one warm-up run.',
        'The page figures time the whole KPI dashboard service (filter options, three KPI documents, churn breakdowns).',
      ],
      figures,
    };
  },
};
