import type { Executor } from '@/db/client';
import type { CustomerSort } from '@/lib/customers/list-columns';
import type { CustomerFilter } from '@/lib/validation/customer-filters';
import type { KeysetCursor, ListPage } from '@/lib/validation/customer-list';
import { customerFilterWhere } from '../customer-filters';
import { countMatching, type ListTotal } from './count';
import { keysetPage, type PositionedRow } from './pager';
import { withSideFacts, type ListRow } from './rows';
import { sortParts, type SortContext } from './sorts';

export type { ListTotal } from './count';
export type { ListRow } from './rows';
export type { SortContext } from './sorts';

export type CustomerPageRequest = {
  filter: CustomerFilter;
  sort: CustomerSort;
  page?: ListPage;
  size: number;
  context: SortContext;
};

export type CustomerPage = {
  rows: (Omit<PositionedRow, 'row'> & { row: ListRow })[];
  next: KeysetCursor | null;
  previous: KeysetCursor | null;
  total: ListTotal;
};

/**
 * One page of customers matching the filter in the chosen order, with how many match in all. The count comes first
 * because it decides the plan: an exact total comes with the matching ids, which are sorted outright; anything
 * larger walks the sort's index.
 */
export async function queryCustomerPage(db: Executor, request: CustomerPageRequest): Promise<CustomerPage> {
  const where = customerFilterWhere(request.filter);
  const { total, ids } = await countMatching(db, where);
  const page = await keysetPage(
    sortParts(request.sort.column, request.context),
    { db, where, direction: request.sort.dir, size: request.size, matches: ids },
    request.page,
  );
  return { ...page, rows: await withSideFacts(db, page.rows), total };
}
