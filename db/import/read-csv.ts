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

/**
 * Streams a CSV file record by record (never loading it whole): UTF-8 with or without BOM, delimiter detected from
 * the first 64 KB unless given, blank lines skipped. The first record is the header.
 */
export async function* readCsv(
  filePath: string,
  { delimiter, onProgress }: { delimiter?: Delimiter; onProgress?: (progress: CsvProgress) => void } = {},
): AsyncGenerator<CsvRecord> {
  const totalBytes = (await fs.promises.stat(filePath)).size;
  const chosen = delimiter ?? detectDelimiter(await sniff(filePath));
  const source = fs.createReadStream(filePath);
  let bytesRead = 0;
  source.on('data', (chunk) => {
    bytesRead += chunk.length;
    onProgress?.({ bytesRead, totalBytes });
  });
  const parser = source.pipe(
    parse({ delimiter: chosen, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }),
  );
  // csv-parse's info.lines is where a record ends, but it counts a CRLF inside a quoted cell as two lines; the
  // surplus accumulates, so it is tracked and taken off. Line breaks inside the record say how far back it started.
  let crlfSurplus = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    let breaks = 0;
    for (const cell of record) {
      crlfSurplus += cell.match(/\r\n/g)?.length ?? 0;
      breaks += cell.match(/\r\n|\n|\r/g)?.length ?? 0;
    }
    yield { line: info.lines - crlfSurplus - breaks, cells: record };
  }
}
