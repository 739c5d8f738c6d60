import 'server-only';
import { NotCsvError, readCsv, type CsvRecord } from '@/db/import/read-csv';
import type { Delimiter } from '@/lib/import/delimiter';
import { EMPTY_FILE } from '@/lib/import/upload-check';
import { RuleError } from '../errors';

/**
 * An error about the user's file as the message to show them, or null for any other error (not to be shown): bytes
 * that are not CSV text, and csv-parse's errors (a stray quote on line 12).
 */
export function fileRefusal(error: unknown): RuleError | null {
  if (error instanceof NotCsvError) return new RuleError(error.message, 'file');
  const code = (error as { code?: unknown })?.code;
  if (error instanceof Error && typeof code === 'string' && code.startsWith('CSV_'))
    return new RuleError(`The file could not be read as CSV: ${error.message}`, 'file');
  return null;
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
    throw fileRefusal(error) ?? error;
  }
  if (records.length === 0) throw new RuleError(EMPTY_FILE, 'file');
  return records;
}
