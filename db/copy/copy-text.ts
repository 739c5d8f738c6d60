/**
 * PostgreSQL COPY text format (tab-separated, `\N` for null): the cheapest encoding to produce and for the server to
 * read. Values are data on the COPY stream, never part of a statement.
 */
function escape(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : text;
}

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escape(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return escape(JSON.stringify(value));
}

/** One row as a COPY text line, newline included. */
export function copyLine(values: readonly unknown[]): string {
  let line = copyValue(values[0]);
  for (let i = 1; i < values.length; i++) line += `\t${copyValue(values[i])}`;
  return `${line}\n`;
}

/** A record's values under `names`, in that order, as a COPY text line. */
export function copyRecordLine(record: Readonly<Record<string, unknown>>, names: readonly string[]): string {
  let line = copyValue(record[names[0]]);
  for (let i = 1; i < names.length; i++) line += `\t${copyValue(record[names[i]])}`;
  return `${line}\n`;
}
