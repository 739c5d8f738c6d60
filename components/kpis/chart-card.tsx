import { KpiLink } from './kpi-link';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import type { FormulaInfo } from './formula-info';
import { FormulaPopover } from './formula-popover';

export type DataColumn = { label: string };
export type DataCell = { text: string; href?: string };

type ChartCardProps = {
  id: string;
  title: string;
  description?: ReactNode;
  formula?: FormulaInfo;
  children: ReactNode;
  /** The numbers behind the chart as a table: what assistive technology reads, and drill-down links for everyone. */
  table?: { caption: string; columns: DataColumn[]; rows: { label: string; cells: DataCell[] }[] };
};

export function ChartCard({ id, title, description, formula, children, table }: ChartCardProps) {
  const headingId = `chart-${id}`;
  return (
    <Card className="flex flex-col">
      <section aria-labelledby={headingId} className="flex flex-1 flex-col px-4 pt-3.5 pb-3">
        <div className="flex items-start justify-between gap-2">
          <div>
            <h3 id={headingId} className="text-sm font-semibold text-zinc-900">
              {title}
            </h3>
            {description && <p className="mt-0.5 text-xs text-zinc-600">{description}</p>}
          </div>
          {formula && <FormulaPopover info={formula} />}
        </div>
        <div className="mt-3 flex-1">{children}</div>
        {table && (
          <details className="mt-2 text-sm">
            <summary className="text-xs font-medium text-accent-800">Show data</summary>
            <div className="relative mt-2 max-h-72 overflow-auto rounded-md border border-zinc-200">
              <table className="w-full text-left text-xs">
                <caption className="sr-only">{table.caption}</caption>
                <thead className="sticky top-0 bg-zinc-50 text-zinc-600">
                  <tr>
                    <th scope="col" className="px-3 py-1.5 font-semibold">
                      Month
                    </th>
                    {table.columns.map((column) => (
                      <th key={column.label} scope="col" className="px-3 py-1.5 text-right font-semibold">
                        {column.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100">
                  {table.rows.map((row) => (
                    <tr key={row.label}>
                      <th scope="row" className="px-3 py-1 font-medium text-zinc-700">
                        {row.label}
                      </th>
                      {row.cells.map((cell, i) => (
                        <td key={i} className="px-3 py-1 text-right text-zinc-800 tabular-nums">
                          {cell.href ? (
                            <KpiLink href={cell.href} className="text-accent-800 hover:underline">
                              {cell.text}
                            </KpiLink>
                          ) : (
                            cell.text
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        )}
      </section>
    </Card>
  );
}
