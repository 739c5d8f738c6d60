import { CircleAlert, CircleCheck } from 'lucide-react';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/cn';
import type { ImportKind } from '@/lib/import/columns';
import type { PreviewColumn, PreviewRow } from '@/server/services/import-preview';

type PreviewTableProps = { kind: ImportKind; columns: PreviewColumn[]; rows: PreviewRow[] };

/** The first rows as the import reads them: each cell under its mapped column, problems on the cells that have them. */
export function PreviewTable({ kind, columns, rows }: PreviewTableProps) {
  const unmapped = kind === 'customers' ? 'attribute' : 'not imported';
  return (
    <Table className="text-xs">
      <caption className="sr-only">Preview of the first rows</caption>
      <TableHead className="normal-case">
        <TableRow>
          <TableHeaderCell className="px-3">Line</TableHeaderCell>
          {columns.map((column, i) => (
            <TableHeaderCell key={i} className="px-3 whitespace-nowrap">
              <span className="block text-zinc-900">{column.header}</span>
              <span
                className={cn('block font-mono font-normal', column.mappedTo ? 'text-accent-800' : 'text-zinc-500')}
              >
                {column.mappedTo ?? unmapped}
              </span>
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.line} data-valid={row.valid}>
            <TableCell className="px-3 whitespace-nowrap text-zinc-600 tabular-nums">
              <span className="inline-flex items-center gap-1.5">
                {row.valid ? (
                  <CircleCheck aria-label="Valid" className="size-3.5 text-emerald-600" />
                ) : (
                  <CircleAlert aria-label="Has problems" className="size-3.5 text-red-600" />
                )}
                {row.line}
              </span>
              {row.rowErrors.map((message) => (
                <span key={message} className="mt-1 block max-w-56 whitespace-normal text-red-700">
                  {message}
                </span>
              ))}
            </TableCell>
            {row.cells.map((value, i) => {
              const errors = row.cellErrors[i];
              return (
                <TableCell
                  key={i}
                  data-invalid={errors ? true : undefined}
                  className={cn(
                    'px-3',
                    errors ? 'min-w-44 bg-red-50 ring-1 ring-red-300 ring-inset' : 'whitespace-nowrap',
                  )}
                >
                  <span className={cn('block max-w-56 truncate', !value && 'text-zinc-400')} title={value}>
                    {value || '—'}
                  </span>
                  {errors?.map((message) => (
                    <span key={message} className="mt-0.5 block max-w-56 text-red-700">
                      {message}
                    </span>
                  ))}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
