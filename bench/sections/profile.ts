import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { queryRows } from '@/db/rows';
import { users } from '@/db/schema';
import { TIMELINE_KINDS, type TimelineCursor } from '@/lib/timeline/items';
import { systemActor, type ServiceContext } from '@/server/context';
import { getCustomerKpis, getCustomerProfile } from '@/server/queries/customer-profile';
import { getCustomerTimeline } from '@/server/queries/customer-timeline';
import { getTeamLoad, listCustomerTasks, listMyOpenTasks } from '@/server/queries/tasks';
import type { BenchSection } from '../context';
import type { Figure } from '../report';
import { timedFigure, timeRepeated, type Timings } from '../timing';

const SAMPLE = 25;
const RUNS = 50;
const ALL_KINDS = { kinds: [...TIMELINE_KINDS], through: null };

/** Customers spread evenly over the id range, so that figures are not one customer's. */
async function sampleCustomers(db: Database): Promise<number[]> {
  const [range] = await queryRows<{ lo: string; hi: string }>(db, sql`select min(id)::text as lo, max(id)::text as hi from customers`);
  const lo = Number(range.lo);
  const hi = Number(range.hi);
  const ids: number[] = [];
  for (let i = 0; i < SAMPLE; i++) {
    const [row] = await queryRows<{ id: string }>(db, sql`select id::text from customers where id >= ${Math.round(lo + ((hi - lo) * i) / SAMPLE)} order by id limit 1`);
    if (row) ids.push(Number(row.id));
  }
  return ids;
}

/** The sampled customer with the most events: the longest timeline and the largest usage aggregation. */
async function busiest(db: Database, ids: number[]): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select c.id::text from unnest(${`{${ids.join(',')}}`}::bigint[]) as c(id)
        order by (select count(*) from events e where e.customer_id = c.id) desc limit 1`,
  );
  return Number(rows[0].id);
}

/** Runs `run` on the sample's customers in turn. */
function rotating(ids: number[], run: (customerId: number) => Promise<unknown>): () => Promise<unknown> {
  let next = 0;
  return () => run(ids[next++ % ids.length]);
}

function figure(name: string, t: Timings, bare: Timings, target?: string, note?: string): Figure {
  return timedFigure(name, t, { name: 'primary-key lookup of a customer', timings: bare }, { target, note });
}

/** Every statement the profile page runs, one after another (their sum is the target's "ms of queries"). */
async function profileQueries(ctx: ServiceContext, customerId: number, through: TimelineCursor | null = null) {
  await getCustomerProfile({ ctx, customerId });
  await getCustomerKpis({ ctx, customerId });
  await getCustomerTimeline({ ctx, customerId, query: { kinds: [...TIMELINE_KINDS], through } });
  await listCustomerTasks({ ctx, customerId });
}

/**
 * docs/speed-targets.md: one customer's profile <= 50 ms of queries at the reference volume (aim <= 10 ms), judged
 * against a bare primary-key lookup on the same data; plus the work queues (My work, Team) that share its tables.
 */
export const profileSection: BenchSection = {
  title: 'Customer profile and work queues',
  run: async (bench) => {
    const db = bench.reference.db;
    const ctx: ServiceContext = { db, actor: systemActor('bench') };
    bench.log('Profile queries ...');
    const ids = await sampleCustomers(db);
    const heavy = await busiest(db, ids);
    // A reader four pages down: the timeline re-reads what is shown (keyset range) and the next page.
    const deep = new Map<number, TimelineCursor | null>();
    for (const id of [...ids, heavy]) {
      let through: TimelineCursor | null = null;
      for (let page = 0; page < 4; page++) {
        const result = await getCustomerTimeline({ ctx, customerId: id, query: { ...ALL_KINDS, through } });
        if (!result.more) break;
        through = result.more;
      }
      deep.set(id, through);
    }

    const bare = await timeRepeated(RUNS, rotating(ids, (id) => queryRows(db, sql`select * from customers where id = ${id}`)));
    const figures = [
      figure('profile page, all queries in sequence', await timeRepeated(RUNS, rotating(ids, (id) => profileQueries(ctx, id))), bare, '<= 50 ms', `${ids.length} customers across the id range`),
      figure('profile page, all queries, busiest sampled customer', await timeRepeated(RUNS, () => profileQueries(ctx, heavy)), bare, '<= 50 ms'),
      figure('profile page after four "Load more"', await timeRepeated(RUNS, rotating(ids, (id) => profileQueries(ctx, id, deep.get(id) ?? null))), bare, '<= 50 ms', '125 timeline items'),
      figure('header (customer, owner, risk)', await timeRepeated(RUNS, rotating(ids, (id) => getCustomerProfile({ ctx, customerId: id }))), bare),
      figure('KPI strip (revenue, last login, NPS, tickets, 90-day usage)', await timeRepeated(RUNS, rotating(ids, (id) => getCustomerKpis({ ctx, customerId: id }))), bare),
      figure('timeline, first page of 25', await timeRepeated(RUNS, rotating(ids, (id) => getCustomerTimeline({ ctx, customerId: id, query: ALL_KINDS }))), bare),
      figure('timeline, first page, busiest sampled customer', await timeRepeated(RUNS, () => getCustomerTimeline({ ctx, customerId: heavy, query: ALL_KINDS })), bare),
      figure('tasks of the customer', await timeRepeated(RUNS, rotating(ids, (id) => listCustomerTasks({ ctx, customerId: id }))), bare),
    ];

    const [csm] = await db.select().from(users).where(eq(users.email, 'csm@holdfast.demo'));
    if (csm) {
      const csmCtx: ServiceContext = { db, actor: { kind: 'user', id: csm.id, role: csm.role, email: csm.email, name: csm.name } };
      figures.push(figure('My work of a seeded CSM (200 most urgent, with SLA)', await timeRepeated(15, () => listMyOpenTasks({ ctx: csmCtx })), bare, '<= 300 ms page'));
    }
    figures.push(figure('Team load (open, overdue, due today per person)', await timeRepeated(15, () => getTeamLoad({ ctx })), bare, '<= 300 ms page'));

    return {
      title: profileSection.title,
      notes: [
        'Warm cache; each figure is the median of repeated runs after one warm-up run, rotating over customers sampled evenly across the id range.',
        `Busiest sampled customer: id ${heavy}.`,
      ],
      figures,
    };
  },
};
