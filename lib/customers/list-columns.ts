/**
 * The customer list's columns: the one allow-list that the URL parser, the list query (sorts) and the table
 * (rendering, visibility, order) share. Every column shown can be sorted, and each sort has a matching index.
 */
export const CUSTOMER_COLUMNS = [
  'name',
  'company',
  'segment',
  'plan',
  'country',
  'owner',
  'stage',
  'mrr',
  'lastActivity',
  'acquiredAt',
  'risk',
  'loyalty',
] as const;
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];

export const CUSTOMER_COLUMN_LABELS: Record<CustomerColumn, string> = {
  name: 'Name',
  company: 'Company',
  segment: 'Segment',
  plan: 'Plan',
  country: 'Country',
  owner: 'Owner',
  stage: 'Stage',
  mrr: 'MRR',
  lastActivity: 'Last activity',
  acquiredAt: 'Acquired',
  risk: 'Risk',
  loyalty: 'Loyalty tier',
};

/** The name identifies the row (and carries the link and email): always shown, always first. */
export const FIXED_COLUMN: CustomerColumn = 'name';

/** Columns that can be hidden or moved, in their default order. */
export const MOVABLE_COLUMNS = CUSTOMER_COLUMNS.filter((c) => c !== FIXED_COLUMN);

/** What a CSM scans first (who, whose, how healthy, how much) before the descriptive columns. */
const DEFAULT_ORDER: CustomerColumn[] = [
  'name',
  'company',
  'owner',
  'stage',
  'mrr',
  'risk',
  'lastActivity',
  'segment',
  'plan',
  'country',
  'loyalty',
];

/**
 * The columns a list shows when its URL names none. Risk only once the workspace has scores: until then the column
 * would be empty on every row.
 */
export function defaultColumns({ hasRiskScores }: { hasRiskScores: boolean }): CustomerColumn[] {
  return DEFAULT_ORDER.filter((c) => c !== 'risk' || hasRiskScores);
}

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export type CustomerSort = { column: CustomerColumn; dir: SortDirection };

export const DEFAULT_SORT: CustomerSort = { column: 'name', dir: 'asc' };

/** Numbers and dates read best largest/newest first; text A to Z. */
export function firstDirection(column: CustomerColumn): SortDirection {
  return column === 'mrr' || column === 'lastActivity' || column === 'acquiredAt' || column === 'risk' ? 'desc' : 'asc';
}

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
