'use client';

import type { ReactTable, RowData } from '@tanstack/react-table';
import { cn } from '@/lib/cn';
import type { ServerTableFeatures } from './features';
import { SELECT_COLUMN_ID } from './selection-column';
import { SortMenu } from './sort-menu';

/** A card shows the first few columns in the reader's order (the Columns dialog decides which come first). */
const CARD_FIELDS = 6;

type DataCardsProps<TData extends RowData> = {
  table: ReactTable<ServerTableFeatures, TData>;
  /** The list's accessible name (the table's caption). */
  caption: string;
  sortHref: (columnId: string) => string | null;
  className?: string;
};

/**
 * The rows of a server-driven table as cards, for screens too narrow for its columns: the first column (what
 * identifies the row) as the title, the selection checkbox beside it, the next visible columns as labelled fields.
 * Same table instance, so selection, column choice and sort are the table's.
 */
export function DataCards<TData extends RowData>({ table, caption, sortHref, className }: DataCardsProps<TData>) {
  const selectHeader = table.getFlatHeaders().find((header) => header.column.id === SELECT_COLUMN_ID);
  return (
    <div className={className}>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 bg-zinc-50 px-4 py-2.5 text-sm">
        {selectHeader ? (
          <label className="flex items-center gap-2 text-zinc-800">
            <table.FlexRender header={selectHeader} />
            Select all rows on this page
          </label>
        ) : (
          <span />
        )}
        <SortMenu table={table} sortHref={sortHref} />
      </div>
      <ul aria-label={caption} className="divide-y divide-zinc-200">
        {table.getRowModel().rows.map((row) => {
          const cells = row.getVisibleCells();
          const select = cells.find((cell) => cell.column.id === SELECT_COLUMN_ID);
          const [title, ...rest] = cells.filter((cell) => cell !== select);
          const fields = rest.slice(0, CARD_FIELDS);
          return (
            <li
              key={row.id}
              data-selected={row.getIsSelected() || undefined}
              className="flex gap-3 bg-white px-4 py-3 data-selected:bg-accent-50"
            >
              {select && (
                <div className="pt-0.5">
                  <table.FlexRender cell={select} />
                </div>
              )}
              <div className="min-w-0 flex-1">
                {title && <table.FlexRender cell={title} />}
                <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                  {fields.map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return (
                      <div key={cell.id} className="min-w-0">
                        <dt className="text-xs text-zinc-600">{meta?.label}</dt>
                        <dd className={cn('mt-0.5 truncate text-zinc-800', meta?.align === 'end' && 'tabular-nums')}>
                          <table.FlexRender cell={cell} />
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
