/** Serialisers for streamed exports: each turns rows into text chunks without holding the whole result. */
export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type Serializer = { start: () => string; rows: (rows: Record<string, unknown>[], first: boolean) => string; end: () => string };

export function serializer(format: ExportFormat, columns: readonly string[]): Serializer {
  switch (format) {
    case 'csv':
      return {
        start: () => `${columns.join(',')}\n`,
        rows: (rows) => rows.map((row) => `${columns.map((c) => csvCell(row[c])).join(',')}\n`).join(''),
        end: () => '',
      };
    case 'ndjson':
      return { start: () => '', rows: (rows) => rows.map((row) => `${JSON.stringify(row)}\n`).join(''), end: () => '' };
    case 'json':
      return {
        start: () => '[',
        rows: (rows, first) => rows.map((row, i) => `${first && i === 0 ? '' : ','}\n${JSON.stringify(row)}`).join(''),
        end: () => '\n]\n',
      };
  }
}
