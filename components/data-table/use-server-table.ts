'use client';

import { useMemo, useState } from 'react';
import { useTable, type ColumnDef, type RowData, type RowSelectionState } from '@tanstack/react-table';
import { serverTableFeatures, type ServerTableFeatures } from './features';

type ServerTableOptions<TData extends RowData> = {
  /** Stable (module level): a new array each render would rebuild the column model. */
  columns: ColumnDef<ServerTableFeatures, TData, unknown>[];
  data: TData[];
  getRowId: (row: TData) => string;
  /** The sort the server applied. */
  sort: { column: string; dir: 'asc' | 'desc' };
  /** Visible column ids in display order (others are hidden); ids not in `columns` are ignored. */
  visible: string[];
  /** Columns shown whatever `visible` says (e.g. the selection checkbox). */
  alwaysVisible?: string[];
  selectable: boolean;
  /** Which list the rows are (e.g. its URL search): the selection is cleared when it changes. */
  listKey?: string;
};

const NONE: string[] = [];

/** The id TanStack gives a column: its `id`, else its accessor key (a column made from a key has no `id` of its own). */
function columnIdOf<TData extends RowData>(column: ColumnDef<ServerTableFeatures, TData, unknown>): string {
  if (column.id) return column.id;
  if ('accessorKey' in column && column.accessorKey !== undefined)
    return String(column.accessorKey).replaceAll('.', '_');
  throw new Error('A server table column needs an id or an accessor key.');
}

/** A TanStack table whose sort, visible columns and column order come from the URL; row selection is local. */
export function useServerTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  sort,
  visible,
  alwaysVisible = NONE,
  selectable,
  listKey,
}: ServerTableOptions<TData>) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [selectionList, setSelectionList] = useState(listKey);
  if (selectionList !== listKey) {
    setSelectionList(listKey);
    setRowSelection({});
  }
  const sorting = useMemo(() => [{ id: sort.column, desc: sort.dir === 'desc' }], [sort.column, sort.dir]);
  const columnOrder = useMemo(() => [...alwaysVisible, ...visible], [alwaysVisible, visible]);
  const columnVisibility = useMemo(() => {
    const shown = new Set(columnOrder);
    return Object.fromEntries(columns.map((c) => [columnIdOf(c), shown.has(columnIdOf(c))]));
  }, [columns, columnOrder]);
  return useTable({
    features: serverTableFeatures,
    columns,
    data,
    getRowId,
    manualSorting: true,
    enableMultiSort: false,
    enableRowSelection: selectable,
    state: { sorting, columnVisibility, columnOrder, rowSelection },
    onRowSelectionChange: setRowSelection,
  });
}
