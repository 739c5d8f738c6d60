import type { Executor } from '@/db/client';
import type { CustomerSort } from '@/lib/customers/list-columns';
import type { CustomerFilter } from '@/lib/validation/customer-filters';
import type { ListPage } from '@/lib/validation/customer-list';
import { customerFilterWhere } from '../customer-filters';
import { countMatching, type ListTotal } from './count';
import { keysetPage, type KeysetPageResult } from './pager';
import { sortParts, type SortContext } from './sorts';

export type { ListTotal } from './count';
export type { PositionedRow } from './pager';
export type { ListRow } from './rows';
export type { SortContext } from './sorts';

export type CustomerPageRequest = { filter: CustomerFilter; sort: CustomerSort; page?: ListPage; size: number; context: SortContext };

/** One page of customers matching the filter in the chosen order, with how many match in all. */
export async function queryCustomerPage(db: Executor, request: CustomerPageRequest): Promise<KeysetPageResult & { total: ListTotal }> {
  const where = customerFilterWhere(request.filter);
  const parts = sortParts(request.sort.column, request.context);
  const args = { db, where, direction: request.sort.dir, size: request.size };
  // Only the owner and loyalty sorts choose their plan by the size of the result; the others run beside the count.
  if (request.sort.column === 'owner' || request.sort.column === 'loyalty') {
    const total = await countMatching(db, where);
    const smallSet = total.exact; // exact means at most EXACT_COUNT_LIMIT rows
    return { ...(await keysetPage(parts, { ...args, smallSet }, request.page)), total };
  }
  const [total, page] = await Promise.all([countMatching(db, where), keysetPage(parts, { ...args, smallSet: false }, request.page)]);
  return { ...page, total };
}
