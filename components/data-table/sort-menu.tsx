'use client';

import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import Link from 'next/link';
import type { ReactTable, RowData } from '@tanstack/react-table';
import { Button } from '@/components/ui/button';
import { Menu, MenuContent, MenuItem, MenuTrigger } from '@/components/ui/menu';
import type { ServerTableFeatures } from './features';

type SortMenuProps<TData extends RowData> = {
  table: ReactTable<ServerTableFeatures, TData>;
  sortHref: (columnId: string) => string | null;
};

const DIRECTION = { asc: 'ascending', desc: 'descending' } as const;

/** Where there are no column headers to click (the cards of a small screen): the same sort links, in a menu. */
export function SortMenu<TData extends RowData>({ table, sortHref }: SortMenuProps<TData>) {
  const columns = table.getVisibleLeafColumns().filter((column) => column.getCanSort() && sortHref(column.id) !== null);
  const current = columns.find((column) => column.getIsSorted());
  const dir = current?.getIsSorted() || null;
  if (columns.length === 0) return null;
  const label = `Sort: ${current?.columnDef.meta?.label ?? 'none'}`;
  return (
    <Menu>
      <MenuTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={dir ? `${label}, ${DIRECTION[dir]}` : label}>
          {dir === 'asc' ? (
            <ArrowUp aria-hidden />
          ) : dir === 'desc' ? (
            <ArrowDown aria-hidden />
          ) : (
            <ArrowUpDown aria-hidden />
          )}
          {label}
        </Button>
      </MenuTrigger>
      <MenuContent align="end">
        {columns.map((column) => (
          <MenuItem key={column.id} asChild>
            <Link href={sortHref(column.id)!} scroll={false} aria-current={column === current ? 'true' : undefined}>
              {column.columnDef.meta?.label}
              {column === current && dir && (
                <span className="ml-auto text-xs text-zinc-600">
                  reverse ({DIRECTION[dir === 'asc' ? 'desc' : 'asc']})
                </span>
              )}
            </Link>
          </MenuItem>
        ))}
      </MenuContent>
    </Menu>
  );
}
