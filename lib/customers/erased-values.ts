/**
 * A customer's own values (name, email, phone, company) repeated in what users typed: a list search saved as a view,
 * the filter of an export. Erasure replaces each occurrence, whatever its case, with the customer's neutral label, so
 * that a saved search for "Maria Souza" becomes one for "Erased customer 42" (which still finds the same record).
 * Values shorter than three characters are not looked for: they do not identify anyone and would match everywhere.
 */
const MIN_LENGTH = 3;

/** The values worth looking for, trimmed, without repeats (case-insensitive), longest first. */
export function erasableValues(values: readonly (string | null | undefined)[]): string[] {
  const byKey = new Map<string, string>();
  for (const value of values) {
    const text = value?.trim();
    if (text && text.length >= MIN_LENGTH && !byKey.has(text.toLowerCase())) byKey.set(text.toLowerCase(), text);
  }
  // Longest first, so that "Maria Souza" is replaced whole before "Maria" could be.
  return [...byKey.values()].sort((a, b) => b.length - a.length);
}

/** How a value appears inside a list's search string, e.g. "?q=Maria+Souza". */
export function searchParamForm(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

function replaceValues(text: string, values: readonly string[], label: string): string {
  if (values.length === 0) return text;
  const pattern = new RegExp(values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  return text.replace(pattern, () => label);
}

/** The text with the values replaced; a list search string ("?q=...") is read parameter by parameter. */
export function scrubText(text: string, values: readonly string[], label: string): string {
  if (!text.startsWith('?')) return replaceValues(text, values, label);
  const params = new URLSearchParams(text);
  const scrubbed = new URLSearchParams();
  for (const [key, value] of params)
    scrubbed.append(replaceValues(key, values, label), replaceValues(value, values, label));
  const search = `?${scrubbed}`;
  return search === `?${params}` ? text : search;
}

/** Every string of a JSON value (an audit snapshot, a view's state) scrubbed; other values as they are. */
export function scrubJson(value: unknown, values: readonly string[], label: string): unknown {
  if (typeof value === 'string') return scrubText(value, values, label);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, values, label));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubJson(item, values, label)]));
  }
  return value;
}
