'use client';

import { createColumnHelper, type RowData } from '@tanstack/react-table';
import { Checkbox } from './checkbox';
import type { ServerTableFeatures } from './features';

/** The selection column's id: tables keep it shown whatever the column choice, cards put it beside the title. */
export const SELECT_COLUMN_ID = 'select';

/** The leading checkbox column: one per row, and one in the header for the whole page. */
export function selectionColumn<TData extends RowData>(rowLabel: (row: TData) => string) {
  const helper = createColumnHelper<ServerTableFeatures, TData>();
  return helper.display({
    id: SELECT_COLUMN_ID,
    enableSorting: false,
    enableHiding: false,
    meta: { label: 'Select', sticky: 'left-0 w-11 min-w-11' },
    header: ({ table }) => (
      <Checkbox
        aria-label="Select all rows on this page"
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={table.getIsSomePageRowsSelected()}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    // The handler gets the click event, which carries Shift for range selection.
    cell: ({ row }) => (
      <Checkbox
        aria-label={`Select ${rowLabel(row.original)}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  });
}
