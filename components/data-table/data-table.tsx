'use client';

import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import Link from 'next/link';
import type { ReactTable } from '@tanstack/react-table';
import type { RowData } from '@tanstack/react-table';
import { cn } from '@/lib/cn';
import type { ServerTableFeatures } from './features';

type DataTableProps<TData extends RowData> = {
  table: ReactTable<ServerTableFeatures, TData>;
  caption: string;
  /** The URL that sorts by a column (the server sorts); null where a column cannot be sorted. */
  sortHref: (columnId: string) => string | null;
  className?: string;
};

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** Sticky cells take their row's background (hover, selected) so that scrolled cells never show through. */
const stickyClasses = (left: string) => cn('sticky z-10', left);

/** Renders a server-driven table: header links sort, cells render through the column factory's definitions. */
export function DataTable<TData extends RowData>({ table, caption, sortHref, className }: DataTableProps<TData>) {
  return (
    // `relative` makes the scroller the containing block of the screen-reader-only (absolute) texts in the cells:
    // otherwise they escape its clipping and widen the whole page to the table's width.
    <div className={cn('relative overflow-x-auto', className)}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="bg-zinc-50">
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sorted = header.column.getIsSorted();
                const href = header.column.getCanSort() ? sortHref(header.column.id) : null;
                const end = meta?.align === 'end';
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
                    className={cn(
                      'bg-inherit px-3 py-2.5 font-semibold whitespace-nowrap first:pl-4 last:pr-4',
                      end && 'text-right',
                      meta?.sticky && stickyClasses(meta.sticky),
                    )}
                  >
                    {href ? (
                      <Link
                        href={href}
                        scroll={false}
                        className={cn(
                          'group inline-flex items-center gap-1 rounded uppercase tracking-wide hover:text-zinc-900',
                          sorted && 'text-zinc-900',
                          end && 'flex-row-reverse',
                        )}
                      >
                        <table.FlexRender header={header} />
                        {sorted === 'asc' ? (
                          <ArrowUp aria-hidden className="size-3.5" />
                        ) : sorted === 'desc' ? (
                          <ArrowDown aria-hidden className="size-3.5" />
                        ) : (
                          <ArrowUpDown
                            aria-hidden
                            className="size-3.5 text-zinc-400 opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"
                          />
                        )}
                        <span className="sr-only">
                          {sorted ? `, sorted ${ARIA_SORT[sorted]}; activate to reverse` : ', activate to sort'}
                        </span>
                      </Link>
                    ) : (
                      <span className="uppercase tracking-wide">
                        {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                      </span>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-zinc-200">
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              data-selected={row.getIsSelected() || undefined}
              className="bg-white align-middle hover:bg-zinc-50 data-selected:bg-accent-50"
            >
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                return (
                  <td
                    key={cell.id}
                    className={cn(
                      'bg-inherit px-3 py-2 whitespace-nowrap text-zinc-800 first:pl-4 last:pr-4',
                      meta?.align === 'end' && 'text-right tabular-nums',
                      meta?.sticky && stickyClasses(meta.sticky),
                    )}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
