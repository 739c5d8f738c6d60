'use client';

import { RotateCcw } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { CANONICAL_COLUMNS, type ImportKind } from '@/lib/import/columns';
import { UNMAPPED } from '@/lib/import/header-mapping';
import type { PreviewColumn } from '@/server/services/import-preview';

type ColumnMappingProps = {
  kind: ImportKind;
  columns: PreviewColumn[];
  /** Overrides the preview has not caught up with yet: shown at once rather than snapping back until it has. */
  pendingMap?: Record<string, string>;
  overridden: boolean;
  /** Sets the column (by normalised header) to a canonical column, or to UNMAPPED. */
  onMap: (key: string, target: string) => void;
  onReset: () => void;
};

const SOURCE_BADGES = {
  override: { label: 'Set by you', tone: 'accent' },
  name: { label: 'Same name', tone: 'neutral' },
  synonym: { label: 'Recognised', tone: 'neutral' },
} as const;

/**
 * Each file column and the canonical column it imports into, as detected, with a select to change it. Picking a
 * column another file column had moves it here; the server works the mapping out again, so the page never guesses.
 */
export function ColumnMapping({ kind, columns, pendingMap, overridden, onMap, onReset }: ColumnMappingProps) {
  const { required, optional } = CANONICAL_COLUMNS[kind];
  // For customers an unmapped column is not lost: it is stored as an attribute of the customer.
  const unmappedLabel = kind === 'customers' ? 'Keep as attribute' : 'Don’t import';
  return (
    <div>
      <Table>
        <caption className="sr-only">Column mapping</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>File column</TableHeaderCell>
            <TableHeaderCell>First value</TableHeaderCell>
            <TableHeaderCell>Imports as</TableHeaderCell>
            <TableHeaderCell>
              <span className="sr-only">How it was decided</span>
            </TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {columns.map((column, index) => {
            const badge = column.source ? SOURCE_BADGES[column.source] : null;
            return (
              <TableRow key={`${index}-${column.header}`} className="align-middle">
                <TableCell className="font-medium whitespace-nowrap text-zinc-900">
                  {column.header || <em className="text-zinc-500">(no header)</em>}
                </TableCell>
                <TableCell className="max-w-48 truncate text-zinc-600" title={column.sample}>
                  {column.sample || <span className="text-zinc-400">empty</span>}
                </TableCell>
                <TableCell className="py-2">
                  <Select
                    aria-label={`Import ${column.header} as`}
                    value={pendingMap?.[column.key] ?? column.mappedTo ?? UNMAPPED}
                    onChange={(e) => onMap(column.key, e.target.value)}
                    className="min-w-48"
                  >
                    <option value={UNMAPPED}>{unmappedLabel}</option>
                    <optgroup label="Required">
                      {required.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </optgroup>
                    {optional.length > 0 && (
                      <optgroup label="Optional">
                        {optional.map((c) => (
                          <option key={c} value={c}>
                            {c}
                          </option>
                        ))}
                      </optgroup>
                    )}
                  </Select>
                </TableCell>
                <TableCell>{badge && <Badge tone={badge.tone}>{badge.label}</Badge>}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {overridden && (
        <div className="border-t border-zinc-200 px-4 py-3">
          <Button variant="ghost" size="sm" onClick={onReset}>
            <RotateCcw aria-hidden /> Back to the detected mapping
          </Button>
        </div>
      )}
    </div>
  );
}
