import 'server-only';
import { readCsv, type CsvRecord } from '@/db/import/read-csv';
import type { Delimiter } from '@/lib/import/delimiter';
import { RuleError } from '../errors';

/** csv-parse's errors are about the user's file (a stray quote on line 12), so they are worth showing; others are not. */
function isCsvError(error: unknown): error is Error {
  const code = (error as { code?: unknown })?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('CSV_');
}

/**
 * The first `count` records of a file (the header is the first), read with the same reader as the import so that
 * line numbers and cells agree with what the import will report.
 */
export async function readHead(filePath: string, delimiter: Delimiter, count: number): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  try {
    for await (const record of readCsv(filePath, { delimiter })) {
      records.push(record);
      if (records.length >= count) break;
    }
  } catch (error) {
    if (isCsvError(error)) throw new RuleError(`The file could not be read as CSV: ${error.message}`, 'file');
    throw error;
  }
  if (records.length === 0) throw new RuleError('The file is empty: it needs a header line and at least one row.', 'file');
  return records;
}
