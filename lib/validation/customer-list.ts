import { z } from 'zod';
import {
  CUSTOMER_COLUMNS,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  FIXED_COLUMN,
  PAGE_SIZES,
  SORT_DIRECTIONS,
  type CustomerColumn,
  type CustomerSort,
} from '@/lib/customers/list-columns';
import type { AttributeCondition } from './attribute-conditions';
import { customerFilterSchema, type CustomerFilter } from './customer-filters';
import { recordId } from './ids';
import { hasControlCharacters, safeText } from './text';

/**
 * The customer list's state as it lives in the URL: filters, search, sort, visible columns in order, page size and
 * a keyset position. Parsed with zod against the allow-lists; each unreadable parameter is dropped on its own (and
 * reported), so that a stale bookmark or a hand-edited link still opens the list.
 */

/** 'me' and the unset default are resolved against the signed-in user on the server. */
export type OwnerChoice = 'me' | 'any' | 'none' | number;

export type ListFilter = Omit<CustomerFilter, 'owner' | 'ownerEmail' | 'ids'> & { owner?: OwnerChoice };

/** A position in a sort: which part of it (e.g. rows with a value, then rows without) and the sort key there. */
export type KeysetCursor = { part: number; key: string[] };
export type ListPage = { after: KeysetCursor } | { before: KeysetCursor };

export type CustomerListQuery = {
  filter: ListFilter;
  sort: CustomerSort;
  /** Visible columns in order; absent = the defaults. */
  columns?: CustomerColumn[];
  size: number;
  page?: ListPage;
  /** The saved view this state came from, if any. */
  view?: number;
};

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** URL parameter of each filter field (the URL stays short and readable; the filter keeps the service's names). */
const FILTER_PARAMS = {
  q: 'q',
  segment: 'segment',
  plan: 'plan',
  country: 'country',
  stage: 'stage',
  riskBand: 'risk',
  loyaltyTier: 'tier',
  status: 'status',
  mrrMin: 'mrrMin',
  mrrMax: 'mrrMax',
  activeAfter: 'activeAfter',
  activeBefore: 'activeBefore',
  inactiveDays: 'inactiveDays',
} as const satisfies Partial<Record<keyof ListFilter, string>>;
type SimpleFilterField = keyof typeof FILTER_PARAMS;

const MONEY_FIELDS = new Set<SimpleFilterField>(['mrrMin', 'mrrMax']);

/** Major currency units in the URL (what people type), minor units in the filter (what is stored). */
function majorToMinor(text: string): string {
  const value = Number(text);
  return Number.isFinite(value) && /^\d+(\.\d{1,2})?$/.test(text.trim()) ? String(Math.round(value * 100)) : 'invalid';
}

function minorToMajor(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

const ownerSchema = z.union([z.enum(['me', 'any', 'none']), recordId('user', 'int')]);

// base64url of UTF-8 JSON with the platform's btoa/atob: this module also runs in the browser (sort and column links).
function toBase64Url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

function encodeCursor(cursor: KeysetCursor): string {
  return toBase64Url(JSON.stringify([cursor.part, ...cursor.key]));
}

const cursorSchema = z
  .tuple([z.number().int().min(0).max(7)], safeText().max(500))
  .refine((t) => t.length >= 2 && t.length <= 5);

export function decodeCursor(text: string): KeysetCursor | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(fromBase64Url(text)));
    if (!parsed.success) return undefined;
    const [part, ...key] = parsed.data;
    return { part, key };
  } catch {
    return undefined;
  }
}

function parseColumns(text: string | undefined): CustomerColumn[] | undefined {
  if (!text) return undefined;
  const known = new Set<string>(CUSTOMER_COLUMNS);
  const picked = [...new Set(text.split(','))].filter((c): c is CustomerColumn => known.has(c) && c !== FIXED_COLUMN);
  return [FIXED_COLUMN, ...picked];
}

function parseAttributes(params: SearchParams, ignored: string[]): AttributeCondition[] | undefined {
  const keys = all(params.attr);
  const ops = all(params.op);
  const values = all(params.val);
  const conditions: AttributeCondition[] = [];
  keys.forEach((key, i) => {
    if (!key.trim()) return; // an empty row of the filter form
    const parsed = customerFilterSchema.shape.attributes
      .unwrap()
      .element.safeParse({ key, op: ops[i], value: values[i] });
    if (parsed.success) conditions.push(parsed.data);
    // A name with control characters is not repeated: it would not print.
    else
      ignored.push(
        `attribute${hasControlCharacters(key) ? '' : ` ${key}`}: ${parsed.error.issues[0]?.message ?? 'not understood'}`,
      );
  });
  return conditions.length ? conditions.slice(0, 5) : undefined;
}

/** The list state in a URL's search params. `ignored` names what could not be read and was left out. */
export function parseCustomerListQuery(params: SearchParams): { query: CustomerListQuery; ignored: string[] } {
  const ignored: string[] = [];
  const filter: ListFilter = {};
  const shape = customerFilterSchema.shape;
  for (const [field, param] of Object.entries(FILTER_PARAMS) as [SimpleFilterField, string][]) {
    const raw = first(params[param])?.trim();
    if (!raw) continue;
    const parsed = shape[field].safeParse(MONEY_FIELDS.has(field) ? majorToMinor(raw) : raw);
    if (parsed.success && parsed.data !== undefined) Object.assign(filter, { [field]: parsed.data });
    else if (!parsed.success) ignored.push(`${param}: ${parsed.error.issues[0]?.message ?? 'not understood'}`);
  }
  const owner = first(params.owner);
  if (owner) {
    const parsed = ownerSchema.safeParse(owner);
    if (parsed.success) filter.owner = parsed.data;
    else ignored.push('owner: not a known owner');
  }
  const attributes = parseAttributes(params, ignored);
  if (attributes) filter.attributes = attributes;
  // Ranges that cross each other select nothing; drop the lower bound rather than show an empty list.
  if (filter.mrrMin !== undefined && filter.mrrMax !== undefined && filter.mrrMin > filter.mrrMax) {
    delete filter.mrrMin;
    ignored.push('mrrMin: the minimum MRR is above the maximum');
  }
  if (filter.activeAfter && filter.activeBefore && filter.activeAfter > filter.activeBefore) {
    delete filter.activeAfter;
    ignored.push('activeAfter: later than activeBefore');
  }

  const column = z.enum(CUSTOMER_COLUMNS).safeParse(first(params.sort));
  const dir = z.enum(SORT_DIRECTIONS).safeParse(first(params.dir));
  const sort: CustomerSort = column.success
    ? { column: column.data, dir: dir.success ? dir.data : 'asc' }
    : DEFAULT_SORT;
  const size = Number(first(params.size));
  const after = first(params.after);
  const before = first(params.before);
  const cursor = after ? decodeCursor(after) : before ? decodeCursor(before) : undefined;
  const view = recordId('view', 'int').safeParse(first(params.view));

  const query: CustomerListQuery = {
    filter,
    sort,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
  const columns = parseColumns(first(params.cols));
  if (columns) query.columns = columns;
  if (cursor) query.page = after ? { after: cursor } : { before: cursor };
  if (view.success) query.view = view.data;
  return { query, ignored };
}

/** Whether the URL carries any list state besides a saved view's id (a bare `?view=` opens the view as saved). */
export function hasListState(params: SearchParams): boolean {
  return Object.keys(params).some((key) => key !== 'view' && params[key] !== undefined && params[key] !== '');
}

type SearchOverrides = {
  page?: ListPage | null;
  sort?: CustomerSort;
  columns?: CustomerColumn[] | null;
  view?: number | null;
};

/**
 * The search string ("?..." or "") for a list state, in the parameter names the parser reads. Overrides replace a
 * part (e.g. the page when following a pager link); changing the sort or filters always starts from the first page.
 */
export function customerListSearch(query: CustomerListQuery, overrides: SearchOverrides = {}): string {
  const params = new URLSearchParams();
  const { filter } = query;
  for (const [field, param] of Object.entries(FILTER_PARAMS) as [SimpleFilterField, string][]) {
    const value = filter[field];
    if (value === undefined) continue;
    params.set(param, MONEY_FIELDS.has(field) ? minorToMajor(value as number) : String(value));
  }
  if (filter.owner !== undefined) params.set('owner', String(filter.owner));
  for (const condition of filter.attributes ?? []) {
    params.append('attr', condition.key);
    params.append('op', condition.op);
    params.append('val', 'value' in condition ? String(condition.value) : '');
  }
  const sort = overrides.sort ?? query.sort;
  if (sort.column !== DEFAULT_SORT.column || sort.dir !== DEFAULT_SORT.dir) {
    params.set('sort', sort.column);
    params.set('dir', sort.dir);
  }
  const columns = overrides.columns === undefined ? query.columns : overrides.columns;
  // The fixed name column is written too, so that "only the name" is never an empty (dropped) parameter.
  if (columns) params.set('cols', [FIXED_COLUMN, ...columns.filter((c) => c !== FIXED_COLUMN)].join(','));
  if (query.size !== DEFAULT_PAGE_SIZE) params.set('size', String(query.size));
  const view = overrides.view === undefined ? query.view : overrides.view;
  if (view) params.set('view', String(view));
  const page = overrides.page === undefined ? query.page : overrides.page;
  if (page && 'after' in page) params.set('after', encodeCursor(page.after));
  if (page && 'before' in page) params.set('before', encodeCursor(page.before));
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The state a saved view keeps: everything but the page position and the view's own id. */
export function viewStateSearch(query: CustomerListQuery): string {
  return customerListSearch(query, { page: null, view: null });
}

/** A URLSearchParams-like string (with or without "?") as the record the parser reads. */
export function searchParamsOf(search: string): SearchParams {
  const params: SearchParams = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const existing = params[key];
    params[key] = existing === undefined ? value : [...all(existing), value];
  }
  return params;
}
