import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { detectDelimiter, type Delimiter } from '@/lib/import/delimiter';
import { CsvContentCheck, EMPTY_FILE } from '@/lib/import/upload-check';

const SNIFF_BYTES = 64 * 1024;

export type CsvRecord = {
  /** Physical line where the record starts (the header is line 1), right even after quoted multi-line cells. */
  line: number;
  cells: string[];
};

export type CsvProgress = { bytesRead: number; totalBytes: number };

/** The file is not CSV text (a workbook, a PDF, UTF-16 or Latin-1 text): the message says what to do instead. */
export class NotCsvError extends Error {}

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
  // The checks an upload gets on the Imports page, for every file however it came: the parser would otherwise read
  // a workbook's bytes as cells.
  async function* checked(chunks: AsyncIterable<Buffer>) {
    const check = new CsvContentCheck();
    let bytesRead = 0;
    for await (const chunk of chunks) {
      const refusal = check.push(chunk);
      if (refusal) throw new NotCsvError(refusal);
      bytesRead += chunk.length;
      onProgress?.({ bytesRead, totalBytes });
      yield chunk;
    }
    const refusal = check.finish();
    // An empty file is the caller's to report (it has no header).
    if (refusal && refusal !== EMPTY_FILE) throw new NotCsvError(refusal);
  }
  // Blank lines come through as one empty cell and are skipped here, so that every physical line is counted: the
  // parser's own line info counts a CRLF inside a quoted cell twice and costs an object per record.
  const parser = parse({ delimiter: chosen, bom: true, relax_column_count: true, relax_quotes: true });
  // A failure anywhere destroys the parser with it, so that it surfaces from the loop below.
  pipeline(Readable.from(checked(source)), parser).catch(() => {});
  let line = 1;
  for await (const cells of parser as AsyncIterable<string[]>) {
    const start = line;
    line += 1 + breaksIn(cells);
    if (cells.length === 1 && cells[0] === '') continue;
    yield { line: start, cells };
  }
}
