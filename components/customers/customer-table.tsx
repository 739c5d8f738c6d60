'use client';

import { Download } from 'lucide-react';
import { useState } from 'react';
import { DataCards } from '@/components/data-table/data-cards';
import { DataTable } from '@/components/data-table/data-table';
import { SELECT_COLUMN_ID } from '@/components/data-table/selection-column';
import { useServerTable } from '@/components/data-table/use-server-table';
import { Alert } from '@/components/ui/alert';
import { Button, buttonVariants } from '@/components/ui/button';
import { LiveStatus } from '@/components/ui/live-status';
import { firstDirection, type CustomerColumn } from '@/lib/customers/list-columns';
import { formatApproximateCount, formatCount } from '@/lib/format';
import { customerListSearch, viewStateSearch, type CustomerListQuery } from '@/lib/validation/customer-list';
import type { ListTotal } from '@/db/queries/customer-list';
import type { CustomerListItem } from '@/server/services/customer-list';
import { AssignOwnerDialog } from './assign-owner-dialog';
import type { BulkSelection } from './bulk-target-fields';
import { CreateTasksDialog } from './create-tasks-dialog';
import { CUSTOMER_TABLE_COLUMNS } from './customer-columns';

type Person = { id: number; name: string; email: string };

type CustomerTableProps = {
  rows: CustomerListItem[];
  query: CustomerListQuery;
  visible: CustomerColumn[];
  total: ListTotal;
  can: { assignOwner: boolean; createTasks: boolean; assignTasks: boolean };
  /** Who may own accounts or be given tasks: active users other than executives. */
  people: Person[];
  /** Bulk writes on "all matching" stop at this many customers (the server refuses more). */
  bulkLimit: number;
};

const SELECT_COLUMN = [SELECT_COLUMN_ID];

/** The customer list: sortable headers, row selection, and the bulk actions the signed-in user may take. */
export function CustomerTable({ rows, query, visible, total, can, people, bulkLimit }: CustomerTableProps) {
  // Another list (sorted, searched, paged) starts with nothing selected. Reset in place rather than by remounting the
  // table, which would take the focus away from the sort header or link the user just pressed.
  const listKey = customerListSearch(query);
  const table = useServerTable({
    listKey,
    columns: CUSTOMER_TABLE_COLUMNS,
    data: rows,
    getRowId: (row) => String(row.id),
    sort: query.sort,
    visible,
    alwaysVisible: SELECT_COLUMN,
    selectable: true,
  });
  const [allMatching, setAllMatching] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [shownList, setShownList] = useState(listKey);
  if (shownList !== listKey) {
    setShownList(listKey);
    setAllMatching(false);
    setMessage(null);
  }
  const selected = table.getSelectedRowModel().rows.map((row) => row.original);
  const listSearch = viewStateSearch(query);
  const pageSelected = rows.length > 0 && selected.length === rows.length;
  const moreThanPage = !total.exact || total.value > rows.length;
  const matching = formatApproximateCount(total.value, total.exact);

  const selection: BulkSelection = allMatching
    ? { mode: 'filter', search: listSearch, count: matching }
    : { mode: 'ids', rows: selected.map((c) => ({ id: c.id, version: c.version })) };
  const exportHref = allMatching
    ? `/customers/export${listSearch}`
    : `/customers/export${listSearch}${listSearch ? '&' : '?'}ids=${selected.map((c) => c.id).join(',')}`;
  const tooManyForBulk = allMatching && (!total.exact || total.value > bulkLimit);
  const selectedText = allMatching
    ? `All ${matching} matching customers are selected.`
    : selected.length === 1
      ? '1 customer selected'
      : selected.length > 1
        ? `${formatCount(selected.length)} customers selected`
        : '';

  function sortHref(columnId: string): string {
    const column = columnId as CustomerColumn;
    const dir = query.sort.column === column ? (query.sort.dir === 'asc' ? 'desc' : 'asc') : firstDirection(column);
    return `/customers${customerListSearch(query, { sort: { column, dir }, page: null })}`;
  }

  function done(text: string) {
    setMessage(text);
    setAllMatching(false);
    table.resetRowSelection(true);
  }

  return (
    <>
      <LiveStatus>{selectedText}</LiveStatus>
      {message && (
        <Alert tone="success" className="mx-4 mt-4">
          {message}
        </Alert>
      )}
      {selected.length > 0 && (
        <div
          role="region"
          aria-label="Bulk actions"
          className="flex flex-wrap items-center justify-between gap-3 border-b border-accent-200 bg-accent-50 px-4 py-2.5 text-sm"
        >
          <p className="text-zinc-800">
            <strong>{selectedText}</strong>{' '}
            {pageSelected && moreThanPage && !allMatching && (
              <Button variant="ghost" size="sm" className="text-accent-800" onClick={() => setAllMatching(true)}>
                Select all {matching} matching
              </Button>
            )}
            <Button variant="ghost" size="sm" onClick={() => (setAllMatching(false), table.resetRowSelection(true))}>
              Clear selection
            </Button>
          </p>
          <div className="flex flex-wrap items-center gap-2">
            {tooManyForBulk ? (
              <span className="text-zinc-700">
                Narrow the filters to {formatCount(bulkLimit)} customers or fewer to change them all at once.
              </span>
            ) : (
              <>
                {can.assignOwner && <AssignOwnerDialog selection={selection} owners={people} onDone={done} />}
                {can.createTasks && (
                  <CreateTasksDialog selection={selection} assignees={can.assignTasks ? people : []} onDone={done} />
                )}
              </>
            )}
            <a href={exportHref} className={buttonVariants({ variant: 'secondary', size: 'sm' })} download>
              <Download aria-hidden /> Export CSV
            </a>
          </div>
        </div>
      )}
      {/* Cards below the md breakpoint, where a dozen columns would leave a sliver of table. */}
      <DataTable table={table} caption="Customers" sortHref={sortHref} className="hidden md:block" />
      <DataCards table={table} caption="Customers" sortHref={sortHref} className="md:hidden" />
    </>
  );
}
