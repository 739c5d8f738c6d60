import { describe, expect, it } from 'vitest';
import { defaultColumns } from '@/lib/customers/list-columns';
import { humanizeKey } from '@/lib/customers/vocabulary';
import { formatApproximateCount } from '@/lib/format';
import { attributeConditionSchema, describeAttributeCondition } from '@/lib/validation/attribute-conditions';
import {
  customerListSearch,
  decodeCursor,
  parseCustomerListQuery,
  searchParamsOf,
  viewStateSearch,
  type CustomerListQuery,
} from '@/lib/validation/customer-list';

const FULL: CustomerListQuery = {
  filter: {
    q: 'Ünïcode & co',
    segment: 'b2b_smb',
    owner: 'me',
    riskBand: 'at_risk',
    loyaltyTier: 'gold',
    status: 'active',
    mrrMin: 12_345,
    mrrMax: 50_000,
    activeAfter: '2026-01-01',
    activeBefore: '2026-02-28',
    inactiveDays: 30,
    attributes: [
      { key: 'Internet Service', op: 'is', value: 'Fiber optic' },
      { key: 'tenure', op: 'lt', value: 3.5 },
      { key: 'senior', op: 'isTrue' },
    ],
  },
  sort: { column: 'lastActivity', dir: 'desc' },
  columns: ['name', 'mrr', 'owner'],
  size: 100,
  page: { after: { part: 1, key: ['Zoë “quoted”, with commas', '42'] } },
  view: 7,
};

describe('customer list URL state', () => {
  it('round-trips every part of the state through the URL', () => {
    const search = customerListSearch(FULL);
    expect(parseCustomerListQuery(searchParamsOf(search))).toEqual({ query: FULL, ignored: [] });
  });

  it('leaves defaults out of the URL and starts a changed sort from the first page', () => {
    expect(customerListSearch({ filter: {}, sort: { column: 'name', dir: 'asc' }, size: 50 })).toBe('');
    const search = customerListSearch(FULL, { sort: { column: 'mrr', dir: 'asc' }, page: null, view: null });
    expect(search).toContain('sort=mrr&dir=asc');
    expect(search).not.toMatch(/after=|view=/);
    expect(viewStateSearch(FULL)).not.toMatch(/after=|view=/);
  });

  it('reads a missing owner as "the role default" and keeps "me" relative to the viewer', () => {
    expect(parseCustomerListQuery({}).query.filter.owner).toBeUndefined();
    expect(parseCustomerListQuery({ owner: 'me' }).query.filter.owner).toBe('me');
    expect(parseCustomerListQuery({ owner: '12' }).query.filter.owner).toBe(12);
    expect(parseCustomerListQuery({ owner: '12 or 1=1' }).ignored).toEqual(['owner: not a known owner']);
  });

  it('rejects cursors that are not its own encoding', () => {
    expect(decodeCursor('')).toBeUndefined();
    expect(decodeCursor('not base64 at all!')).toBeUndefined();
    expect(decodeCursor(btoa('[9,"a"]'))).toBeUndefined();
    expect(decodeCursor(btoa('{"part":0}'))).toBeUndefined();
    expect(decodeCursor(btoa('[0]'))).toBeUndefined();
  });

  it('keeps the name first and drops unknown or repeated columns', () => {
    expect(parseCustomerListQuery({ cols: 'mrr,mrr,name,<script>,risk' }).query.columns).toEqual([
      'name',
      'mrr',
      'risk',
    ]);
    const onlyName = customerListSearch({
      filter: {},
      sort: { column: 'name', dir: 'asc' },
      size: 50,
      columns: ['name'],
    });
    expect(parseCustomerListQuery(searchParamsOf(onlyName)).query.columns).toEqual(['name']);
    expect(defaultColumns({ hasRiskScores: false })).not.toContain('risk');
    expect(defaultColumns({ hasRiskScores: true })[0]).toBe('name');
  });

  it('drops crossed ranges rather than show an empty list', () => {
    const { query, ignored } = parseCustomerListQuery({
      mrrMin: '500',
      mrrMax: '100',
      activeAfter: '2026-03-01',
      activeBefore: '2026-01-01',
    });
    expect(query.filter).toEqual({ mrrMax: 10_000, activeBefore: '2026-01-01' });
    expect(ignored).toHaveLength(2);
  });
});

describe('attribute conditions', () => {
  it('reads the value by the operator: numbers, text, none', () => {
    expect(attributeConditionSchema.parse({ key: ' employees ', op: 'gte', value: '1e3' })).toEqual({
      key: 'employees',
      op: 'gte',
      value: 1000,
    });
    expect(attributeConditionSchema.parse({ key: 'plan code', op: 'is', value: ' 100 ' })).toEqual({
      key: 'plan code',
      op: 'is',
      value: '100',
    });
    expect(attributeConditionSchema.parse({ key: 'vip', op: 'isTrue', value: 'ignored' })).toEqual({
      key: 'vip',
      op: 'isTrue',
    });
    expect(
      attributeConditionSchema.safeParse({ key: 'employees', op: 'gt', value: 'many' }).error?.issues[0].message,
    ).toBe('Give a number to compare employees with.');
    expect(attributeConditionSchema.safeParse({ key: 'x', op: 'contains', value: '' }).success).toBe(false);
    expect(attributeConditionSchema.safeParse({ key: 'x', op: 'drop table', value: '1' }).success).toBe(false);
    expect(describeAttributeCondition({ key: 'tenure', op: 'lte', value: 3 })).toBe('tenure ≤ 3');
  });
});

describe('display helpers', () => {
  it('rounds an estimate to what it can claim and prints exact counts as they are', () => {
    expect(formatApproximateCount(1_003_512, false)).toBe('about 1,000,000');
    expect(formatApproximateCount(48_760, false)).toBe('about 49,000');
    expect(formatApproximateCount(48_760, true)).toBe('48,760');
    expect(formatApproximateCount(7, false)).toBe('about 7');
  });

  it('shows keys as words', () => {
    expect(humanizeKey('b2b_smb')).toBe('B2B SMB');
    expect(humanizeKey('paid_search')).toBe('Paid Search');
  });
});
