import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { queryCustomerPage, type CustomerPageRequest } from '@/db/queries/customer-list';
import { customerFilterWhere } from '@/db/queries/customer-filters';
import { distinctValues, listOwners, listTiers, sampleAttributeKeys } from '@/db/queries/customer-list/options';
import { keysetPage } from '@/db/queries/customer-list/pager';
import { sortParts, type SortContext } from '@/db/queries/customer-list/sorts';
import { customers } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { CUSTOMER_COLUMNS, type CustomerSort } from '@/lib/customers/list-columns';
import type { CustomerFilter } from '@/lib/validation/customer-filters';
import type { KeysetCursor } from '@/lib/validation/customer-list';
import type { BenchSection } from '../context';
import { againstFloor } from '../floor';
import { verdict, type Figure, type Target } from '../report';

const RUNS = 20;
const PAGE = 50;
/** How deep a "deep page" starts: the middle of the result, at most 500,000 rows in (where OFFSET would cost ~450 ms). */
const MAX_DEPTH = 500_000;
const JUMP = 100_000;

const TARGET: Target = { label: 'p95 <= 50 ms', of: 'value', max: 50 };

/**
 * A cursor `depth` rows into the result, reached by walking keyset pages of up to 100,000 rows: the way a user would
 * get there, without an OFFSET the list itself never uses.
 */
async function cursorAt(db: Database, request: CustomerPageRequest, depth: number): Promise<KeysetCursor | null> {
  const parts = sortParts(request.sort.column, request.context);
  const args = { db, where: customerFilterWhere(request.filter), direction: request.sort.dir, matches: null };
  let cursor: KeysetCursor | null = null;
  for (let walked = 0; walked < depth;) {
    const size = Math.min(JUMP, depth - walked);
    const page = await keysetPage(parts, { ...args, size }, cursor ? { after: cursor } : undefined);
    if (!page.next) return cursor;
    cursor = page.next;
    walked += size;
  }
  return cursor;
}

/** Representative values of each filter, taken from the data so that every filter selects something. */
async function filterCases(db: Database, context: SortContext): Promise<[string, CustomerFilter][]> {
  const [segments, plans, countries] = await Promise.all([
    distinctValues(db, customers.segment),
    distinctValues(db, customers.plan),
    distinctValues(db, customers.country),
  ]);
  const [attribute] = await sampleAttributeKeys(db, 50).then((keys) => keys.filter((k) => k.type === 'number'));
  const [{ mrr }] = await queryRows<{ mrr: number }>(
    db,
    sql`select percentile_disc(0.9) within group (order by mrr_cents)::int as mrr from customers tablesample system (1)`,
  );
  const cases: [string, CustomerFilter][] = [
    [`segment = ${segments.at(-1)}`, { segment: segments.at(-1) }],
    [`plan = ${plans[0]}`, { plan: plans[0] }],
    [`country = ${countries.at(-1)}`, { country: countries.at(-1) }],
    ['owner = one CSM (My accounts)', { owner: context.ownerIdsByName.at(-1) }],
    ['owner = nobody', { owner: 'none' }],
    ['lifecycle stage = at_risk', { stage: 'at_risk' }],
    ['risk band = critical', { riskBand: 'critical' }],
    [
      `loyalty tier = ${context.tierKeysByRank.at(-1) ?? 'gold'}`,
      { loyaltyTier: context.tierKeysByRank.at(-1) ?? 'gold' },
    ],
    ['churned', { status: 'churned' }],
    ['active', { status: 'active' }],
    ['MRR >= 90th percentile', { mrrMin: mrr ?? 0 }],
    ['MRR range', { mrrMin: 1_000, mrrMax: 10_000 }],
    [
      'last activity in the last 30 days',
      { activeAfter: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) },
    ],
    ['no activity in 90 days', { inactiveDays: 90 }],
    [
      'attribute text is (acquisition_channel = referral)',
      { attributes: [{ key: 'acquisition_channel', op: 'is', value: 'referral' }] },
    ],
    ['search "smith" (name, email, company)', { q: 'smith' }],
    ['search a rare word', { q: 'zzqx' }],
  ];
  if (attribute)
    cases.push([
      `attribute number >= (${attribute.key} >= 100)`,
      { attributes: [{ key: attribute.key, op: 'gte', value: 100 }] },
    ]);
  return cases;
}

/**
 * Every customer-list query (each offered sort and filter, first and deep pages) p95 <= 50 ms at the reference
 * volume. Timed: one page plus its total (the page's query work), through the app's own query code, against the same
 * statements run bare.
 */
export const customerListSection: BenchSection = {
  title: 'Customer list (keyset pages, p95)',
  run: async (ctx, out) => {
    const db = ctx.reference.db;
    const [owners, tiers] = await Promise.all([listOwners(db), listTiers(db)]);
    const context: SortContext = { ownerIdsByName: owners.map((o) => o.id), tierKeysByRank: tiers.map((t) => t.key) };
    const [{ n, scored }] = await queryRows<{ n: number; scored: number }>(
      db,
      sql`select (select count(*) from customers)::int as n, (select count(*) from risk_scores)::int as scored`,
    );
    out.notes.push(
      `${n.toLocaleString('en-US')} customers, ${scored.toLocaleString('en-US')} with a risk score. Each figure is the p95 of ${RUNS} runs after one warm-up (warm cache), timing one page of ${PAGE} plus its total through the app's query code; its floor is the statements that code sent, replayed on a bare connection in the same order, interleaved run for run.`,
      'Deep pages start from a keyset cursor in the middle of the result (at most 500,000 rows in), reached by walking pages as a user would.',
    );
    const figures = out.figures;
    const timed = (name: string, run: () => Promise<unknown>, trivial?: string) =>
      againstFloor(ctx.floor, name, run, { runs: RUNS, stat: 'p95', target: TARGET, trivial }).then((f) =>
        figures.push(f),
      );

    async function measureAt(label: string, request: CustomerPageRequest, depth: number) {
      const cursor = await cursorAt(db, request, depth);
      if (!cursor) return;
      const page = { ...request, page: { after: cursor } };
      await timed(`${label}, page ${depth.toLocaleString('en-US')} rows deep`, () => queryCustomerPage(db, page));
    }

    /** The first page and one in the middle; with `lastPage`, also the last, where a sort's last part must end. */
    async function measure(
      label: string,
      filter: CustomerFilter,
      sort: CustomerSort,
      expected: number,
      { lastPage = false, trivial }: { lastPage?: boolean; trivial?: string } = {},
    ) {
      const request: CustomerPageRequest = { filter, sort, size: PAGE, context };
      await timed(
        `${label}, first page`,
        () => queryCustomerPage(db, request),
        trivial ?? (expected === 0 ? '0 rows match: nothing to sort' : undefined),
      );
      const depth = Math.min(MAX_DEPTH, Math.floor(expected / 2));
      if (depth < PAGE * 2) return;
      await measureAt(label, request, depth);
      if (lastPage) await measureAt(`${label} (the last page)`, request, expected - PAGE);
    }

    ctx.log('Customer list: sorts ...');
    for (const column of CUSTOMER_COLUMNS) {
      // A sort by risk over no scores orders nothing: reported, but it is no pass.
      const trivial = column === 'risk' && scored === 0 ? 'no customer has a risk score: nothing to sort' : undefined;
      // The tail of the last-activity sort is the customers never active, read from their own index (migration 0009).
      for (const dir of ['asc', 'desc'] as const)
        await measure(`sort ${column} ${dir}`, {}, { column, dir }, n, {
          lastPage: column === 'lastActivity',
          trivial,
        });
    }
    // A CSM's default view: their own accounts, most or least recently active first.
    const mine: CustomerFilter = { owner: context.ownerIdsByName.at(-1) };
    const mineTotal = await exactCount(db, mine);
    for (const dir of ['asc', 'desc'] as const)
      await measure(
        `My accounts (${mineTotal.toLocaleString('en-US')} rows), sort lastActivity ${dir}`,
        mine,
        { column: 'lastActivity', dir },
        mineTotal,
        { lastPage: true },
      );
    ctx.log('Customer list: filters ...');
    for (const [label, filter] of await filterCases(db, context)) {
      const total = await exactCount(db, filter);
      await measure(
        `filter ${label} (${total.toLocaleString('en-US')} rows), by name`,
        filter,
        { column: 'name', dir: 'asc' },
        total,
      );
    }
    const options = () =>
      Promise.all([
        listOwners(db),
        listTiers(db),
        distinctValues(db, customers.segment),
        distinctValues(db, customers.plan),
        distinctValues(db, customers.country),
        sampleAttributeKeys(db),
      ]);
    figures.push(
      await againstFloor(
        ctx.floor,
        'filter options (owners, tiers, distinct segments/plans/countries, attribute names)',
        options,
        { runs: RUNS, stat: 'p95' },
      ),
    );

    const judged = figures.filter((f) => verdict(f) === 'pass' || verdict(f) === 'FAIL');
    const worst = judged.reduce<Figure | null>((w, f) => (!w || (f.value ?? 0) > (w.value ?? 0) ? f : w), null);
    const failing = judged.filter((f) => verdict(f) === 'FAIL').length;
    const trivial = figures.filter((f) => f.trivial).length;
    if (worst)
      out.notes.push(
        `Slowest list query: ${worst.name}, p95 ${worst.value!.toFixed(1)} ms (target <= 50 ms); ${failing} of ${judged.length} measured figures miss the target; ${trivial} not measured (nothing to sort).`,
      );
  },
};

/** The exact number of matches, for labels and depths (not timed). */
async function exactCount(db: Database, filter: CustomerFilter): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${customers} where ${customerFilterWhere(filter) ?? sql`true`}`,
  );
  return row.n;
}
