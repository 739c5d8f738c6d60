export type DiffChange = 'added' | 'removed' | 'changed' | 'unchanged';
export type DiffRow = { key: string; before: string | null; after: string | null; change: DiffChange };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * A field-by-field comparison of an audit entry's before and after snapshots, as JSON text. Snapshots that are not
 * objects are compared as one value.
 */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    const b = hasBefore ? show(before) : null;
    const a = hasAfter ? show(after) : null;
    return [{ key: '(value)', before: b, after: a, change: compare(b, a) }];
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.map((key) => {
    const left = key in b ? show(b[key]) : null;
    const right = key in a ? show(a[key]) : null;
    return { key, before: left, after: right, change: compare(left, right) };
  });
}

function compare(before: string | null, after: string | null): DiffChange {
  if (before === null) return after === null ? 'unchanged' : 'added';
  if (after === null) return 'removed';
  return before === after ? 'unchanged' : 'changed';
}
