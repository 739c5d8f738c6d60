import { CANONICAL_COLUMNS, canonicalColumns, type ImportKind } from './columns';

/** "Customer ID", "customer_id" and "customerId" all normalise to "customerid". */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// Names other tools use for a canonical column (normalised). Conservative on purpose: a wrong automatic match is
// worse than an unmapped column the user maps by hand. A monthly charge is MRR; a total (lifetime) charge is not.
const SYNONYMS: Record<string, string[]> = {
  id: ['customerid', 'customer', 'clientid', 'accountid', 'externalid'],
  customer_id: ['customerid', 'customer', 'clientid', 'accountid', 'customerexternalid'],
  name: ['customername', 'fullname', 'accountname'],
  email: ['emailaddress', 'mail'],
  phone: ['phonenumber', 'telephone', 'mobile'],
  company: ['companyname', 'organization', 'organisation'],
  plan: ['contract', 'planname', 'subscriptionplan'],
  mrr: ['monthlycharges', 'monthlycharge', 'monthlyrevenue', 'monthlyrecurringrevenue'],
  owner_email: ['owner', 'csm', 'csmemail', 'accountowner'],
  acquired_at: ['signupdate', 'signedupat', 'createdat', 'customersince', 'startdate'],
  churned_at: ['churndate', 'canceledat', 'cancelledat'],
  churned: ['churn', 'ischurned', 'exited'],
  tenure_months: ['tenure', 'tenuremonths'],
  order_id: ['orderid', 'ordernumber', 'invoiceid'],
  ordered_at: ['orderdate', 'orderedat', 'date', 'purchasedat'],
  amount: ['total', 'ordertotal', 'value'],
  effective_at: ['effectivedate', 'date', 'startdate'],
  occurred_at: ['timestamp', 'eventtime', 'date', 'time'],
  type: ['event', 'eventtype', 'eventname'],
  ticket_id: ['ticketid', 'ticketnumber', 'caseid'],
  opened_at: ['createdat', 'openedat', 'opendate'],
  resolved_at: ['closedat', 'resolvedat', 'solvedat'],
  submitted_at: ['date', 'submittedat', 'respondedat', 'createdat'],
  kind: ['type', 'surveytype', 'category'],
};

/**
 * An override target that keeps a file column out of the canonical ones even when its name would match one (e.g.
 * `--map Churn=-` keeps a "Churn" column as a customer attribute, or out of other kinds' imports).
 */
export const UNMAPPED = '-';

export type HeaderMapping = {
  /** For each file column (by index): the canonical column, or null when it is not mapped. */
  columns: (string | null)[];
  /** How each mapped column was decided, for the preview and the CLI summary. */
  sources: Record<string, 'override' | 'name' | 'synonym'>;
  missingRequired: string[];
};

/** Parses `--map src=dst,src2=dst2`; file column names compare case-insensitively. */
export function parseMapOption(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (text ?? '').split(',')) {
    const [source, target] = pair.split('=').map((s) => s?.trim());
    if (source && target) out[normalizeHeader(source)] = target.toLowerCase();
  }
  return out;
}

/**
 * Maps file headers to canonical columns: explicit overrides first, then exact names, then synonyms. Each canonical
 * column is taken once; for customers the unmapped columns are kept as attributes by the caller.
 */
export function mapHeaders(kind: ImportKind, headers: string[], overrides: Record<string, string> = {}): HeaderMapping {
  const canonical = canonicalColumns(kind);
  const byNormal = new Map(canonical.map((c) => [normalizeHeader(c), c]));
  const columns: (string | null)[] = headers.map(() => null);
  const sources: HeaderMapping['sources'] = {};
  const taken = new Set<string>();
  const normal = headers.map(normalizeHeader);

  const assign = (index: number, column: string, source: 'override' | 'name' | 'synonym') => {
    if (taken.has(column) || columns[index] !== null) return;
    columns[index] = column;
    sources[column] = source;
    taken.add(column);
  };

  normal.forEach((n, i) => {
    const target = overrides[n];
    if (target && canonical.includes(target)) assign(i, target, 'override');
  });
  const open = (i: number) => columns[i] === null && overrides[normal[i]] !== UNMAPPED;
  normal.forEach((n, i) => {
    const column = byNormal.get(n);
    if (column && open(i)) assign(i, column, 'name');
  });
  for (const column of canonical) {
    const synonyms = SYNONYMS[column] ?? [];
    const index = normal.findIndex((n, i) => open(i) && synonyms.includes(n));
    if (index >= 0) assign(index, column, 'synonym');
  }
  const missingRequired = CANONICAL_COLUMNS[kind].required.filter((c) => !taken.has(c));
  return { columns, sources, missingRequired };
}

/** Overrides naming a column that is not canonical for the kind, for a clear error instead of a silent no-op. */
export function unknownOverrideTargets(kind: ImportKind, overrides: Record<string, string>): string[] {
  const canonical = new Set(canonicalColumns(kind));
  return Object.values(overrides).filter((target) => target !== UNMAPPED && !canonical.has(target));
}

/** One file record as cells by canonical column; unmapped columns by their header (kept as customer attributes). */
export function cellsOf(
  record: string[],
  headers: string[],
  mapping: HeaderMapping,
): { mapped: Record<string, string>; unmapped: Record<string, string> } {
  const mapped: Record<string, string> = {};
  const unmapped: Record<string, string> = {};
  headers.forEach((header, i) => {
    const value = record[i] ?? '';
    const column = mapping.columns[i];
    if (column) mapped[column] = value;
    else if (header.trim()) unmapped[header.trim()] = value;
  });
  return { mapped, unmapped };
}
