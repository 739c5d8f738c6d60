import { csvLine, csvRecords } from './csv';

/** Serialisers for streamed exports: each turns rows into text chunks without holding the whole result. */
export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type Serializer = {
  start: () => string;
  rows: (rows: Record<string, unknown>[], first: boolean) => string;
  end: () => string;
};

export function serializer(format: ExportFormat, columns: readonly string[]): Serializer {
  switch (format) {
    case 'csv':
      return {
        start: () => csvLine(columns),
        rows: (rows) => csvRecords(columns, rows),
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
