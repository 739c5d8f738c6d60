import fs from 'node:fs';
import { parse } from 'csv-parse';
import { detectDelimiter, type Delimiter } from '@/lib/import/delimiter';

const SNIFF_BYTES = 64 * 1024;

export type CsvRecord = {
  /** Physical line where the record starts (the header is line 1), right even after quoted multi-line cells. */
  line: number;
  cells: string[];
};

export type CsvProgress = { bytesRead: number; totalBytes: number };

async function sniff(filePath: string): Promise<string> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The delimiter of a file, detected from its first 64 KB (what `readCsv` uses when none is given). */
export async function detectFileDelimiter(filePath: string): Promise<Delimiter> {
  return detectDelimiter(await sniff(filePath));
}

/** Line breaks inside a record's cells (a quoted CRLF is one): how many physical lines the record spans beyond one. */
function breaksIn(cells: string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) breaks += cell.match(/\r\n|\n|\r/g)!.length;
  }
  return breaks;
}

/**
 * Streams a CSV file record by record (never loading it whole): UTF-8 with or without BOM, delimiter detected from
 * the first 64 KB unless given, blank lines skipped. The first record is the header.
 */
export async function* readCsv(
  filePath: string,
  { delimiter, onProgress }: { delimiter?: Delimiter; onProgress?: (progress: CsvProgress) => void } = {},
): AsyncGenerator<CsvRecord> {
  const totalBytes = (await fs.promises.stat(filePath)).size;
  const chosen = delimiter ?? (await detectFileDelimiter(filePath));
  const source = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  let bytesRead = 0;
  source.on('data', (chunk) => {
    bytesRead += chunk.length;
    onProgress?.({ bytesRead, totalBytes });
  });
  // Blank lines come through as one empty cell and are skipped here, so that every physical line is counted: the
  // parser's own line info counts a CRLF inside a quoted cell twice and costs an object per record.
  const parser = source.pipe(parse({ delimiter: chosen, bom: true, relax_column_count: true, relax_quotes: true }));
  let line = 1;
  for await (const cells of parser as AsyncIterable<string[]>) {
    const start = line;
    line += 1 + breaksIn(cells);
    if (cells.length === 1 && cells[0] === '') continue;
    yield { line: start, cells };
  }
}
