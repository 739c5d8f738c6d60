import { selectedRowsField } from '@/lib/validation/customer-bulk';

export type BulkSelection =
  { mode: 'ids'; rows: { id: number; version: number }[] } | { mode: 'filter'; search: string; count: string };

/** The hidden fields that tell a bulk action which customers it applies to (lib/validation/customer-bulk reads them). */
export function BulkTargetFields({ selection }: { selection: BulkSelection }) {
  return (
    <>
      <input type="hidden" name="targetMode" value={selection.mode} />
      {selection.mode === 'ids' ? (
        <input type="hidden" name="targetIds" value={selectedRowsField(selection.rows)} />
      ) : (
        <input type="hidden" name="targetSearch" value={selection.search} />
      )}
    </>
  );
}

export function selectionLabel(selection: BulkSelection): string {
  if (selection.mode === 'filter') return `all ${selection.count} matching customers`;
  return selection.rows.length === 1 ? '1 selected customer' : `${selection.rows.length} selected customers`;
}
