/** Canonical columns per import kind (README, "Import files"); `required` ones must be mapped to accept a file. */
export const IMPORT_KINDS = ['customers', 'orders', 'subscriptions', 'events', 'tickets', 'feedback'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

type ColumnSpec = { required: readonly string[]; optional: readonly string[] };

export const CANONICAL_COLUMNS: Record<ImportKind, ColumnSpec> = {
  customers: {
    required: ['id'],
    optional: [
      'name',
      'email',
      'phone',
      'company',
      'segment',
      'plan',
      'country',
      'region',
      'industry',
      'owner_email',
      'acquired_at',
      'activated_at',
      'churned_at',
      'churn_reason',
      'churn_type',
      'mrr',
      'currency',
      'churned',
      'tenure_months',
    ],
  },
  orders: { required: ['order_id', 'customer_id', 'ordered_at', 'amount'], optional: ['currency'] },
  subscriptions: { required: ['customer_id', 'effective_at', 'mrr'], optional: ['plan', 'currency'] },
  events: { required: ['customer_id', 'type', 'occurred_at'], optional: ['value', 'name'] },
  tickets: {
    required: ['ticket_id', 'customer_id', 'opened_at'],
    optional: ['resolved_at', 'kind', 'priority', 'subject'],
  },
  feedback: { required: ['customer_id', 'kind', 'score', 'submitted_at'], optional: ['comment'] },
};

export function canonicalColumns(kind: ImportKind): string[] {
  return [...CANONICAL_COLUMNS[kind].required, ...CANONICAL_COLUMNS[kind].optional];
}
