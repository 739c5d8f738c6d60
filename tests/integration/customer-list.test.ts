import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { customerFilterWhere } from '@/db/queries/customer-filters';
import { countMatching } from '@/db/queries/customer-list/count';
import { listOwners, listTiers, distinctValues } from '@/db/queries/customer-list/options';
import { keysetPage } from '@/db/queries/customer-list/pager';
import { sortParts, type SortContext } from '@/db/queries/customer-list/sorts';
import { customers } from '@/db/schema';
import { CUSTOMER_COLUMNS, type CustomerColumn } from '@/lib/customers/list-columns';
import type { CustomerFilter } from '@/lib/validation/customer-filters';
import { parseCustomerListQuery, type CustomerListQuery, type ListPage } from '@/lib/validation/customer-list';
import { actorOf, makeUser } from '../helpers/factories';
import { allCustomers, seedListWorkspace, type CustomerFacts } from '../helpers/customer-list-data';
import { createTestDatabase } from '../helpers/test-db';
import { listCustomers, loadCustomerListOptions, type CustomerListOptions } from '@/server/services/customer-list';
import type { ServiceContext } from '@/server/context';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let context: SortContext;
let facts: CustomerFacts[];
let lead: ServiceContext;
let options: CustomerListOptions;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedListWorkspace(handle.db);
  const [owners, tiers] = await Promise.all([listOwners(handle.db), listTiers(handle.db)]);
  context = { ownerIdsByName: owners.map((o) => o.id), tierKeysByRank: tiers.map((t) => t.key) };
  facts = await allCustomers(handle.db);
  lead = { db: handle.db, actor: actorOf(await makeUser(handle.db, 'lead')) };
  options = await loadCustomerListOptions({ ctx: lead });
});
afterAll(() => handle.dispose());

/** Each sort's order written plainly with ORDER BY over every row: what keyset pages must reproduce. */
function referenceOrder(column: CustomerColumn, dir: 'asc' | 'desc'): SQL {
  const d = sql.raw(dir);
  const nullable = (expr: string) => sql.raw(`${expr} is null, ${expr} ${dir}, c.id ${dir}`);
  switch (column) {
    case 'name':
      return sql`c.name ${d}, c.id ${d}`;
    case 'stage':
      return sql`c.lifecycle_stage ${d}, c.id ${d}`;
    case 'mrr':
      return sql`c.mrr_cents ${d}, c.id ${d}`;
    case 'company':
    case 'segment':
    case 'plan':
    case 'country':
      return nullable(`c.${column}`);
    case 'lastActivity':
      return nullable('a.last_activity_at');
    case 'acquiredAt':
      return nullable('c.acquired_at');
    case 'owner':
      return sql`c.owner_id is null, u.name ${d}, u.id ${d}, c.name ${d}, c.id ${d}`;
    case 'loyalty':
      // Known tiers by rank, then tiers the tier table does not know (by key), then no tier.
      return sql`c.loyalty_tier is null, coalesce(t.position, 1000) ${d}, c.loyalty_tier ${d}, c.id ${d}`;
    case 'risk':
      return nullable('r.score');
  }
}

async function expectedIds(column: CustomerColumn, dir: 'asc' | 'desc', where: SQL | undefined): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    handle.db,
    sql`select c.id::int as id from ${customers} c
      left join users u on u.id = c.owner_id
      left join loyalty_tiers t on t.key = c.loyalty_tier
      left join risk_scores r on r.customer_id = c.id
      left join customer_activity a on a.customer_id = c.id
      where c.id in (select ${customers.id} from ${customers} where ${where ?? sql`true`})
      order by ${referenceOrder(column, dir)}`,
  );
  return rows.map((r) => r.id);
}

type Walk = { pages: number[][]; previous: (ListPage | null)[] };

/** The matching ids the count hands the pager (sorted outright), or null (the pager walks the sort's index). */
async function matchesOf(where: SQL | undefined, sorted: boolean): Promise<string | null> {
  if (!sorted) return null;
  const [row] = await queryRows<{ ids: string }>(
    handle.db,
    sql`select array(select ${customers.id} from ${customers} where ${where ?? sql`true`})::text as ids`,
  );
  return row.ids;
}

async function walkForwards(
  column: CustomerColumn,
  dir: 'asc' | 'desc',
  where: SQL | undefined,
  smallSet: boolean,
  size: number,
): Promise<Walk> {
  const parts = sortParts(column, context);
  const walk: Walk = { pages: [], previous: [] };
  const matches = await matchesOf(where, smallSet);
  let page: ListPage | undefined;
  for (let i = 0; i < 100; i++) {
    const result = await keysetPage(parts, { db: handle.db, where, direction: dir, size, matches }, page);
    walk.pages.push(result.rows.map((r) => r.row.id));
    walk.previous.push(result.previous ? { before: result.previous } : null);
    if (!result.next) return walk;
    page = { after: result.next };
  }
  throw new Error('paging did not end');
}

const SORTS = CUSTOMER_COLUMNS.flatMap((column) => (['asc', 'desc'] as const).map((dir) => [column, dir] as const));

describe('keyset paging', () => {
  it.each(SORTS)(
    'pages through every customer by %s %s without duplicates or gaps, forwards and back',
    async (column, dir) => {
      const expected = await expectedIds(column, dir, undefined);
      expect(expected).toHaveLength(facts.length);
      // Owner and loyalty read group by group for large results and in one sorted query for small ones: both orders.
      const plans = column === 'owner' || column === 'loyalty' ? [false, true] : [false];
      for (const smallSet of plans) {
        const walk = await walkForwards(column, dir, undefined, smallSet, 37);
        expect(walk.pages.flat()).toEqual(expected);
        expect(walk.pages.slice(0, -1).every((p) => p.length === 37)).toBe(true);
        expect(walk.previous[0]).toBeNull();
        // Back from the last page: each "previous" is exactly the page before it.
        const parts = sortParts(column, context);
        for (let i = walk.pages.length - 1; i > 0; i--) {
          const back = await keysetPage(
            parts,
            {
              db: handle.db,
              where: undefined,
              direction: dir,
              size: 37,
              matches: await matchesOf(undefined, smallSet),
            },
            walk.previous[i]!,
          );
          expect(back.rows.map((r) => r.row.id)).toEqual(walk.pages[i - 1]);
          expect(back.previous === null).toBe(i === 1);
        }
      }
    },
  );

  it('pages a filtered list in order too (owner sort, group by group, with most groups empty)', async () => {
    const filter: CustomerFilter = { country: facts[0].country!, segment: facts[0].segment! };
    const where = customerFilterWhere(filter);
    for (const smallSet of [false, true]) {
      const walk = await walkForwards('owner', 'desc', where, smallSet, 5);
      expect(walk.pages.flat()).toEqual(await expectedIds('owner', 'desc', where));
    }
  });

  it.each(SORTS)(
    'pages a filtered list by %s %s the same way whether it sorts the matches or walks the index',
    async (column, dir) => {
      const where = customerFilterWhere({ status: 'active', riskBand: 'healthy' });
      const expected = await expectedIds(column, dir, where);
      for (const smallSet of [false, true])
        expect((await walkForwards(column, dir, where, smallSet, 7)).pages.flat()).toEqual(expected);
    },
  );

  it('treats a cursor that does not fit the sort as the first page', async () => {
    const parts = sortParts('mrr', context);
    const args = { db: handle.db, where: undefined, direction: 'asc' as const, size: 10, matches: null };
    const first = await keysetPage(parts, args);
    for (const bad of [
      { part: 0, key: ['abc', '1'] },
      { part: 5, key: ['1', '1'] },
      { part: 0, key: ['1'] },
      { part: 1, key: ['x'] },
    ]) {
      expect((await keysetPage(parts, args, { after: bad })).rows.map((r) => r.row.id)).toEqual(
        first.rows.map((r) => r.row.id),
      );
    }
    const timestamps = sortParts('lastActivity', context);
    expect(
      (await keysetPage(timestamps, { ...args }, { after: { part: 0, key: ['2025-13-45T99:00:00.000000Z', '1'] } }))
        .rows,
    ).toHaveLength(10);
  });
});

const at = (d: string) => new Date(`${d}T00:00:00Z`).getTime();
const DAY = 86_400_000;

/** The filters, each with the same meaning written in JavaScript over every customer. */
function filterCases(): [string, CustomerFilter, (c: CustomerFacts) => boolean][] {
  const someone = facts.find((c) => c.owner_id !== null)!.owner_id!;
  const mid = [...facts].sort((a, b) => a.mrr_cents - b.mrr_cents)[Math.floor(facts.length / 2)].mrr_cents;
  const employees = (c: CustomerFacts) => (typeof c.attributes.employees === 'number' ? c.attributes.employees : null);
  const medianEmployees = facts
    .map(employees)
    .filter((e): e is number => e !== null)
    .sort((a, b) => a - b)[20];
  const aCompany = facts.find((c) => c.company && c.company !== 'Tied Co')!.company!;
  const fragment = aCompany.slice(1, 5).toLowerCase();
  return [
    ['segment', { segment: 'b2b_smb' }, (c) => c.segment === 'b2b_smb'],
    ['plan', { plan: 'growth' }, (c) => c.plan === 'growth'],
    ['country', { country: 'Germany' }, (c) => c.country === 'Germany'],
    ['owner', { owner: someone }, (c) => c.owner_id === someone],
    ['no owner', { owner: 'none' }, (c) => c.owner_id === null],
    ['lifecycle stage', { stage: 'at_risk' }, (c) => c.lifecycle_stage === 'at_risk'],
    ['risk band', { riskBand: 'critical' }, (c) => c.band === 'critical'],
    ['loyalty tier', { loyaltyTier: 'silver' }, (c) => c.loyalty_tier === 'silver'],
    ['active', { status: 'active' }, (c) => c.churned_at === null],
    ['churned', { status: 'churned' }, (c) => c.churned_at !== null],
    ['MRR range', { mrrMin: mid, mrrMax: mid * 3 }, (c) => c.mrr_cents >= mid && c.mrr_cents <= mid * 3],
    [
      'active after',
      { activeAfter: '2026-05-01' },
      (c) => c.last_activity_at !== null && c.last_activity_at.getTime() >= at('2026-05-01'),
    ],
    [
      'active before',
      { activeBefore: '2026-03-31' },
      (c) => c.last_activity_at !== null && c.last_activity_at.getTime() < at('2026-04-01'),
    ],
    [
      'no activity in N days',
      { inactiveDays: 60 },
      (c) => c.last_activity_at === null || c.last_activity_at.getTime() < Date.now() - 60 * DAY,
    ],
    [
      'attribute number ≥',
      { attributes: [{ key: 'employees', op: 'gte', value: medianEmployees }] },
      (c) => (employees(c) ?? -Infinity) >= medianEmployees,
    ],
    [
      'attribute number =',
      { attributes: [{ key: 'employees', op: 'eq', value: medianEmployees }] },
      (c) => employees(c) === medianEmployees,
    ],
    [
      'attribute number ≠',
      { attributes: [{ key: 'employees', op: 'ne', value: medianEmployees }] },
      (c) => employees(c) !== null && employees(c) !== medianEmployees,
    ],
    [
      'attribute number <',
      { attributes: [{ key: 'employees', op: 'lt', value: 100 }] },
      (c) => employees(c) !== null && employees(c)! < 100,
    ],
    [
      'attribute text is',
      { attributes: [{ key: 'acquisition_channel', op: 'is', value: 'referral' }] },
      (c) => c.attributes.acquisition_channel === 'referral',
    ],
    [
      'attribute text is not',
      { attributes: [{ key: 'acquisition_channel', op: 'isNot', value: 'referral' }] },
      (c) => c.attributes.acquisition_channel !== 'referral',
    ],
    [
      'attribute text contains',
      { attributes: [{ key: 'acquisition_channel', op: 'contains', value: 'SEARCH' }] },
      (c) => String(c.attributes.acquisition_channel ?? '').includes('search'),
    ],
    ['attribute is true', { attributes: [{ key: 'vip', op: 'isTrue' }] }, (c) => c.attributes.vip === true],
    ['attribute is false', { attributes: [{ key: 'vip', op: 'isFalse' }] }, (c) => c.attributes.vip === false],
    ['attribute has a value', { attributes: [{ key: 'vip', op: 'exists' }] }, (c) => c.attributes.vip !== undefined],
    ['attribute null has no value', { attributes: [{ key: 'region_code', op: 'missing' }] }, () => true],
    [
      'attribute numbers compared on text',
      { attributes: [{ key: 'acquisition_channel', op: 'gt', value: 0 }] },
      () => false,
    ],
    [
      'search by company fragment',
      { q: fragment.toUpperCase() },
      (c) => [c.name, c.email, c.company].some((v) => v?.toLowerCase().includes(fragment)),
    ],
    [
      'search by external id',
      { q: 'cus_0000042' },
      (c) =>
        c.external_id === 'cus_0000042' ||
        [c.name, c.email, c.company].some((v) => v?.toLowerCase().includes('cus_0000042')),
    ],
    [
      'search with a LIKE wildcard',
      { q: '50%' },
      (c) => [c.name, c.email, c.company].some((v) => v?.toLowerCase().includes('50%')),
    ],
    [
      'combined',
      { segment: 'b2c', status: 'active', riskBand: 'healthy' },
      (c) => c.segment === 'b2c' && c.churned_at === null && c.band === 'healthy',
    ],
  ];
}

async function listAll(ctx: ServiceContext, query: Omit<CustomerListQuery, 'size'>): Promise<number[]> {
  const ids: number[] = [];
  let page: ListPage | undefined;
  for (;;) {
    const result = await listCustomers({ ctx, query: { ...query, size: 100, page }, options });
    ids.push(...result.rows.map((r) => r.id));
    if (!result.next) return ids;
    page = { after: result.next };
  }
}

describe('filters', () => {
  it('each filter selects exactly the customers it describes', async () => {
    for (const [name, filter, matches] of filterCases()) {
      const expected = facts.filter(matches).map((c) => c.id);
      const ids = await listAll(lead, { filter: { owner: 'any', ...filter }, sort: { column: 'name', dir: 'asc' } });
      expect(
        [...ids].sort((a, b) => a - b),
        name,
      ).toEqual(expected);
      if (name !== 'attribute numbers compared on text')
        expect(expected.length, `${name} matches someone`).toBeGreaterThan(0);
    }
  });

  it('sorts a filtered list by every column', async () => {
    const filter: CustomerFilter = { status: 'active' };
    for (const [column, dir] of SORTS) {
      const ids = await listAll(lead, { filter, sort: { column, dir } });
      expect(ids, `${column} ${dir}`).toEqual(await expectedIds(column, dir, customerFilterWhere(filter)));
    }
  });

  it('counts exactly below the estimate threshold', async () => {
    const result = await listCustomers({
      ctx: lead,
      query: { filter: { owner: 'any', segment: 'b2c' }, sort: { column: 'name', dir: 'asc' }, size: 25 },
      options,
    });
    expect(result.total).toEqual({ value: facts.filter((c) => c.segment === 'b2c').length, exact: true });
    expect(result.rows).toHaveLength(25);
  });

  it('counts a search from one read of its matches, and pages read from those matches are the sorted matches', async () => {
    const fragment = 'e';
    const expected = facts
      .filter((c) => [c.name, c.email, c.company].some((v) => v?.toLowerCase().includes(fragment)))
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThan(7);
    const where = customerFilterWhere({ q: fragment });
    const { total, ids } = await countMatching(handle.db, where);
    expect(total).toEqual({ value: expected.length, exact: true });
    expect(
      ids!
        .slice(1, -1)
        .split(',')
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(expected);
    for (const [column, dir] of SORTS) {
      const parts = sortParts(column, context);
      const pages: number[] = [];
      let page: ListPage | undefined;
      for (;;) {
        const result = await keysetPage(parts, { db: handle.db, where, direction: dir, size: 7, matches: ids }, page);
        pages.push(...result.rows.map((r) => r.row.id));
        if (!result.next) break;
        page = { after: result.next };
      }
      expect(pages, `${column} ${dir}`).toEqual(await expectedIds(column, dir, where));
    }
  });

  it("shows each row's owner and tier by name and its current risk score", async () => {
    const result = await listCustomers({
      ctx: lead,
      query: { filter: { owner: 'any' }, sort: { column: 'risk', dir: 'desc' }, size: 100 },
      options,
    });
    const byId = new Map(facts.map((c) => [c.id, c]));
    for (const row of result.rows) {
      const fact = byId.get(row.id)!;
      expect(row.risk?.band ?? null).toBe(fact.band);
      expect(row.owner?.id ?? null).toBe(fact.owner_id);
      if (row.owner) expect(row.owner.name).toBe(options.owners.find((o) => o.id === fact.owner_id)!.name);
      expect(row.loyaltyTier?.key ?? null).toBe(fact.loyalty_tier);
    }
    expect(result.rows[0].risk).toEqual({ score: 99, band: 'critical' });
    expect(result.rows.some((r) => r.loyaltyTier?.name === 'Gold')).toBe(true);
  });

  it('opens on "My accounts" for a CSM, and "any" shows everyone', async () => {
    const csmId = facts.find((c) => c.owner_id !== null)!.owner_id!;
    const [csm] = await queryRows<{ id: number; email: string; name: string; role: 'csm' }>(
      handle.db,
      sql`select id, email, name, role from users where id = ${csmId}`,
    );
    const ctx = { db: handle.db, actor: actorOf(csm) };
    const mine = facts.filter((c) => c.owner_id === csmId).map((c) => c.id);
    expect((await listAll(ctx, { filter: {}, sort: { column: 'mrr', dir: 'desc' } })).sort((a, b) => a - b)).toEqual(
      mine,
    );
    expect(await listAll(ctx, { filter: { owner: 'any' }, sort: { column: 'name', dir: 'asc' } })).toHaveLength(
      facts.length,
    );
    expect(await listAll(lead, { filter: {}, sort: { column: 'name', dir: 'asc' } })).toHaveLength(facts.length);
  });

  it('reads the URL, drops what it cannot read and keeps the rest', () => {
    const { query, ignored } = parseCustomerListQuery({
      segment: 'b2c',
      mrrMin: '12.5',
      mrrMax: 'lots',
      stage: 'zombie',
      sort: 'risk',
      dir: 'desc',
      cols: 'mrr,bogus,name,owner',
      attr: ['employees', 'vip', ''],
      op: ['gte', 'isTrue', 'is'],
      val: ['100', '', ''],
      inactiveDays: '0',
      after: 'not-a-cursor',
    });
    expect(query.filter).toEqual({
      segment: 'b2c',
      mrrMin: 1250,
      attributes: [
        { key: 'employees', op: 'gte', value: 100 },
        { key: 'vip', op: 'isTrue' },
      ],
    });
    expect(query.sort).toEqual({ column: 'risk', dir: 'desc' });
    expect(query.columns).toEqual(['name', 'mrr', 'owner']);
    expect(query.page).toBeUndefined();
    expect(ignored.map((i) => i.split(':')[0]).sort()).toEqual(['inactiveDays', 'mrrMax', 'stage']);
  });

  it('offers filter values from the data', async () => {
    expect(await distinctValues(handle.db, customers.segment)).toEqual(['b2b_enterprise', 'b2b_smb', 'b2c']);
    expect(options.tiers.map((t) => t.key)).toEqual(['bronze', 'silver', 'gold', 'platinum', 'diamond']);
    expect(options.attributeKeys).toEqual(
      expect.arrayContaining([
        { key: 'employees', type: 'number' },
        { key: 'vip', type: 'boolean' },
      ]),
    );
    expect(options.hasRiskScores).toBe(true);
  });
});
