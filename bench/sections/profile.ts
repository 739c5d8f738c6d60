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
import { againstFloor } from '../floor';
import type { Target } from '../report';

const SAMPLE = 25;
const RUNS = 50;
const ALL_KINDS = { kinds: [...TIMELINE_KINDS], through: null };

/** Customers spread evenly over the id range, so that figures are not one customer's. */
async function sampleCustomers(db: Database): Promise<number[]> {
  const [range] = await queryRows<{ lo: string; hi: string }>(
    db,
    sql`select min(id)::text as lo, max(id)::text as hi from customers`,
  );
  const lo = Number(range.lo);
  const hi = Number(range.hi);
  const ids: number[] = [];
  for (let i = 0; i < SAMPLE; i++) {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`select id::text from customers where id >= ${Math.round(lo + ((hi - lo) * i) / SAMPLE)} order by id limit 1`,
    );
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

/** Every statement the profile page runs, one after another (their sum is its "ms of queries"). */
async function profileQueries(ctx: ServiceContext, customerId: number, through: TimelineCursor | null = null) {
  await getCustomerProfile({ ctx, customerId });
  await getCustomerKpis({ ctx, customerId });
  await getCustomerTimeline({ ctx, customerId, query: { kinds: [...TIMELINE_KINDS], through } });
  await listCustomerTasks({ ctx, customerId });
}

const QUERIES: Target = { label: '<= 50 ms of queries', of: 'value', max: 50 };

/**
 * One customer's profile: <= 50 ms of queries at the reference volume (aim <= 10 ms), against the same statements
 * run bare; plus the work queues (My work, Team) that share its tables (their pages are timed in the HTTP section).
 */
export const profileSection: BenchSection = {
  title: 'Customer profile and work queues',
  run: async (bench, out) => {
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
    out.notes.push(
      `Warm cache; each figure is the median of ${RUNS} runs after one warm-up, rotating over ${ids.length} customers sampled evenly across the id range, interleaved with its floor (each customer's statements replayed on a bare connection).`,
      `Busiest sampled customer: id ${heavy}.`,
    );
    const each = (run: (id: number) => Promise<unknown>) => ids.map((id) => () => run(id));
    const measure = async (
      name: string,
      run: Parameters<typeof againstFloor>[2],
      { target, note, runs = RUNS }: { target?: Target; note?: string; runs?: number } = {},
    ) => out.figures.push(await againstFloor(bench.floor, name, run, { runs, target, note }));

    await measure(
      'profile page, all queries in sequence',
      each((id) => profileQueries(ctx, id)),
      { target: QUERIES },
    );
    await measure('profile page, all queries, busiest sampled customer', () => profileQueries(ctx, heavy), {
      target: QUERIES,
    });
    await measure(
      'profile page after four "Load more"',
      each((id) => profileQueries(ctx, id, deep.get(id) ?? null)),
      { target: QUERIES, note: '125 timeline items' },
    );
    await measure(
      'header (customer, owner, risk)',
      each((id) => getCustomerProfile({ ctx, customerId: id })),
    );
    await measure(
      'KPI strip (revenue, last login, NPS, tickets, 90-day usage)',
      each((id) => getCustomerKpis({ ctx, customerId: id })),
    );
    await measure(
      'timeline, first page of 25',
      each((id) => getCustomerTimeline({ ctx, customerId: id, query: ALL_KINDS })),
    );
    await measure('timeline, first page, busiest sampled customer', () =>
      getCustomerTimeline({ ctx, customerId: heavy, query: ALL_KINDS }),
    );
    await measure(
      'tasks of the customer',
      each((id) => listCustomerTasks({ ctx, customerId: id })),
    );

    const [csm] = await db.select().from(users).where(eq(users.email, 'csm@holdfast.demo'));
    if (csm) {
      const csmCtx: ServiceContext = {
        db,
        actor: { kind: 'user', id: csm.id, role: csm.role, email: csm.email, name: csm.name },
      };
      await measure('My work of a seeded CSM (200 most urgent, with SLA)', () => listMyOpenTasks({ ctx: csmCtx }), {
        runs: 15,
      });
    }
    await measure('Team load (open, overdue, due today per person)', () => getTeamLoad({ ctx }), { runs: 15 });
  },
};
