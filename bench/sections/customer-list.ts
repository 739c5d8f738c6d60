import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { queryCustomerPage, type CustomerPageRequest } from '@/db/queries/customer-list';
import { countMatching } from '@/db/queries/customer-list/count';
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
import type { Figure } from '../report';
import { timedFigure, timeRepeated, type Timings } from '../timing';

const RUNS = 20;
const PAGE = 50;
/** How deep a "deep page" starts: the middle of the result, at most 500,000 rows in (docs/speed-targets.md). */
const MAX_DEPTH = 500_000;
const JUMP = 100_000;

type Reference = { name: string; timings: Timings };

function figure(name: string, t: Timings, reference: Reference): Figure {
  return timedFigure(name, t, reference, { stat: 'p95', target: 'p95 <= 50 ms' });
}

/**
 * A cursor `depth` rows into the result, reached by walking keyset pages of up to 100,000 rows: the way a user would
 * get there, without an OFFSET the list itself never uses.
 */
async function cursorAt(db: Database, request: CustomerPageRequest, depth: number): Promise<KeysetCursor | null> {
  const parts = sortParts(request.sort.column, request.context);
  const args = { db, where: customerFilterWhere(request.filter), direction: request.sort.dir, smallSet: false };
  let cursor: KeysetCursor | null = null;
  for (let walked = 0; walked < depth; ) {
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
  const [{ mrr }] = await queryRows<{ mrr: number }>(db, sql`select percentile_disc(0.9) within group (order by mrr_cents)::int as mrr from customers tablesample system (1)`);
  const cases: [string, CustomerFilter][] = [
    [`segment = ${segments.at(-1)}`, { segment: segments.at(-1) }],
    [`plan = ${plans[0]}`, { plan: plans[0] }],
    [`country = ${countries.at(-1)}`, { country: countries.at(-1) }],
    ['owner = one CSM (My accounts)', { owner: context.ownerIdsByName.at(-1) }],
    ['owner = nobody', { owner: 'none' }],
    ['lifecycle stage = at_risk', { stage: 'at_risk' }],
    ['risk band = critical', { riskBand: 'critical' }],
    [`loyalty tier = ${context.tierKeysByRank.at(-1) ?? 'gold'}`, { loyaltyTier: context.tierKeysByRank.at(-1) ?? 'gold' }],
    ['churned', { status: 'churned' }],
    ['active', { status: 'active' }],
    ['MRR >= 90th percentile', { mrrMin: mrr ?? 0 }],
    ['MRR range', { mrrMin: 1_000, mrrMax: 10_000 }],
    ['last activity in the last 30 days', { activeAfter: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) }],
    ['no activity in 90 days', { inactiveDays: 90 }],
    ['attribute text is (acquisition_channel = referral)', { attributes: [{ key: 'acquisition_channel', op: 'is', value: 'referral' }] }],
    ['search "smith" (name, email, company)', { q: 'smith' }],
    ['search a rare word', { q: 'zzqx' }],
  ];
  if (attribute) cases.push([`attribute number >= (${attribute.key} >= 100)`, { attributes: [{ key: attribute.key, op: 'gte', value: 100 }] }]);
  return cases;
}

/**
 * docs/speed-targets.md: every customer-list query (each offered sort and filter, first and deep pages) p95 <= 50 ms
 * at the reference volume. Timed: one page plus its total (the page's query work), through the app's own query code.
 */
export const customerListSection: BenchSection = {
  title: 'Customer list (keyset pages, p95)',
  run: async (ctx) => {
    const db = ctx.reference.db;
    const [owners, tiers] = await Promise.all([listOwners(db), listTiers(db)]);
    const context: SortContext = { ownerIdsByName: owners.map((o) => o.id), tierKeysByRank: tiers.map((t) => t.key) };
    const [{ id: someId, n }] = await queryRows<{ id: number; n: number }>(db, sql`select (select id from customers order by id offset 7 limit 1)::int as id, (select count(*) from customers)::int as n`);
    const [{ scored }] = await queryRows<{ scored: number }>(db, sql`select count(*)::int as scored from risk_scores`);
    const lookup: Reference = { name: 'one customer by primary key', timings: await timeRepeated(RUNS, () => db.select().from(customers).where(eq(customers.id, someId))) };
    const scan = await timeRepeated(3, () => queryRows(db, sql`select count(*) from customers`));
    const figures: Figure[] = [];

    async function measureAt(label: string, request: CustomerPageRequest, depth: number) {
      const cursor = await cursorAt(db, request, depth);
      if (!cursor) return;
      const page = { ...request, page: { after: cursor } };
      figures.push(figure(`${label}, page ${depth.toLocaleString('en-US')} rows deep`, await timeRepeated(RUNS, () => queryCustomerPage(db, page)), lookup));
    }

    /** The first page and one in the middle; with `lastPage`, also the last, where a sort's last part must end. */
    async function measure(label: string, filter: CustomerFilter, sort: CustomerSort, expected: number, lastPage = false) {
      const request: CustomerPageRequest = { filter, sort, size: PAGE, context };
      figures.push(figure(`${label}, first page`, await timeRepeated(RUNS, () => queryCustomerPage(db, request)), lookup));
      const depth = Math.min(MAX_DEPTH, Math.floor(expected / 2));
      if (depth < PAGE * 2) return;
      await measureAt(label, request, depth);
      if (lastPage) await measureAt(`${label} (the last page)`, request, expected - PAGE);
    }

    ctx.log('Customer list: sorts ...');
    for (const column of CUSTOMER_COLUMNS) {
      // The tail of the last-activity sort is the customers never active, read from their own index (migration 0009).
      for (const dir of ['asc', 'desc'] as const) await measure(`sort ${column} ${dir}`, {}, { column, dir }, n, column === 'lastActivity');
    }
    // A CSM's default view: their own accounts, most or least recently active first.
    const mine: CustomerFilter = { owner: context.ownerIdsByName.at(-1) };
    const mineTotal = await countMatching(db, customerFilterWhere(mine));
    for (const dir of ['asc', 'desc'] as const) await measure(`My accounts (${mineTotal.value.toLocaleString('en-US')} rows), sort lastActivity ${dir}`, mine, { column: 'lastActivity', dir }, mineTotal.value, true);
    ctx.log('Customer list: filters ...');
    for (const [label, filter] of await filterCases(db, context)) {
      const total = await countMatching(db, customerFilterWhere(filter));
      await measure(`filter ${label} (${total.exact ? '' : '~'}${total.value.toLocaleString('en-US')} rows), by name`, filter, { column: 'name', dir: 'asc' }, total.value);
    }
    const options = await timeRepeated(RUNS, () =>
      Promise.all([listOwners(db), listTiers(db), distinctValues(db, customers.segment), distinctValues(db, customers.plan), distinctValues(db, customers.country), sampleAttributeKeys(db)]),
    );
    figures.push({ ...figure('filter options (owners, tiers, distinct segments/plans/countries, attribute names)', options, lookup), target: undefined });

    const worst = Math.max(...figures.filter((f) => f.target).map((f) => f.value ?? 0));
    return {
      title: customerListSection.title,
      notes: [
        `${n.toLocaleString('en-US')} customers, ${scored.toLocaleString('en-US')} with a risk score. Each figure is the p95 of ${RUNS} runs after one warm-up run (warm cache), timing one page of ${PAGE} plus its total through the app's query code.`,
        `Reference: one customer by primary key, p95 ${lookup.timings.p95.toFixed(2)} ms (the cheapest indexed query, so ratios are below 1); a bare \`select count(*) from customers\` takes median ${scan.median.toFixed(1)} ms.`,
        'Deep pages start from a keyset cursor in the middle of the result (at most 500,000 rows in), reached by walking pages as a user would.',
        `Slowest list query: p95 ${worst.toFixed(1)} ms (target <= 50 ms).`,
      ],
      figures,
    };
  },
};
