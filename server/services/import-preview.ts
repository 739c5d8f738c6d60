import 'server-only';
import { detectFileDelimiter } from '@/db/import/read-csv';
import { IMPORT_KINDS, type ImportKind } from '@/lib/import/columns';
import type { Delimiter } from '@/lib/import/delimiter';
import { cellsOf, mapHeaders, normalizeHeader, type HeaderMapping } from '@/lib/import/header-mapping';
import { validateRow } from '@/lib/import/validate-row';
import type { PreviewImportInput } from '@/lib/validation/imports';
import type { ServiceContext } from '../context';
import { importOptionsOf } from '../imports/options';
import { readHead } from '../imports/read-head';
import { openUpload, type UploadDTO } from './import-uploads';

export const PREVIEW_ROWS = 20;

export type PreviewColumn = {
  header: string;
  /** The header as overrides name it (normalised). */
  key: string;
  mappedTo: string | null;
  /** How the mapping was decided; null when the column is not mapped. */
  source: HeaderMapping['sources'][string] | null;
  /** The first non-empty value in the previewed rows, to help recognise the column. */
  sample: string;
};

export type PreviewRow = {
  line: number;
  /** Whether the import would accept the row as far as the file alone tells. */
  valid: boolean;
  cells: string[];
  /** Problems by file column index. */
  cellErrors: Record<number, string[]>;
  /** Problems that belong to no single cell. */
  rowErrors: string[];
};

export type ImportPreview = {
  upload: UploadDTO;
  kind: ImportKind;
  /** The kind the headers fit best, whatever kind was asked for. */
  suggestedKind: ImportKind | null;
  delimiter: { detected: Delimiter; used: Delimiter };
  columns: PreviewColumn[];
  missingRequired: string[];
  rows: PreviewRow[];
  validRows: number;
};

/** The kind whose required columns the headers all have, preferring the one that maps the most columns. */
function suggestKind(headers: string[]): ImportKind | null {
  let best: { kind: ImportKind; mapped: number } | null = null;
  for (const kind of IMPORT_KINDS) {
    const mapping = mapHeaders(kind, headers);
    if (mapping.missingRequired.length) continue;
    const mapped = mapping.columns.filter(Boolean).length;
    if (!best || mapped > best.mapped) best = { kind, mapped };
  }
  return best?.kind ?? null;
}

/**
 * The first rows of an upload as the import would read them: the mapping (detected, with the user's overrides), and
 * every row validated cell by cell. Checks that need the database (unknown customers, duplicates) are the dry run's.
 */
export async function previewImport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PreviewImportInput;
}): Promise<ImportPreview> {
  const upload = await openUpload(ctx, input.uploadId);
  const detected = await detectFileDelimiter(upload.path);
  const used = input.delimiter ?? detected;
  const [header, ...records] = await readHead(upload.path, used, PREVIEW_ROWS + 1);
  const headers = header.cells;
  const suggestedKind = suggestKind(headers);
  const kind = input.kind ?? suggestedKind ?? 'customers';
  const options = importOptionsOf(kind, input);
  const mapping = mapHeaders(kind, headers, options.map);
  const missing = new Set(mapping.missingRequired);

  const rows = records.map((record): PreviewRow => {
    const result = validateRow(kind, cellsOf(record.cells, headers, mapping), options);
    const row: PreviewRow = {
      line: record.line,
      valid: result.ok,
      cells: headers.map((_, i) => record.cells[i] ?? ''),
      cellErrors: {},
      rowErrors: [],
    };
    if (result.ok) return row;
    for (const error of result.errors) {
      const index = mapping.columns.indexOf(error.column);
      if (index >= 0) (row.cellErrors[index] ??= []).push(error.message);
      // A required column the file lacks is reported once, above the preview, not on every row.
      else if (!missing.has(error.column))
        row.rowErrors.push(error.column ? `${error.column}: ${error.message}` : error.message);
    }
    return row;
  });

  return {
    upload: { id: upload.id, filename: upload.filename, size: upload.size },
    kind,
    suggestedKind,
    delimiter: { detected, used },
    columns: headers.map((h, i) => {
      const mappedTo = mapping.columns[i];
      return {
        header: h,
        key: normalizeHeader(h),
        mappedTo,
        source: mappedTo ? mapping.sources[mappedTo] : null,
        sample: records.map((r) => r.cells[i]?.trim() ?? '').find(Boolean) ?? '',
      };
    }),
    missingRequired: mapping.missingRequired,
    rows,
    validRows: rows.filter((r) => r.valid).length,
  };
}
