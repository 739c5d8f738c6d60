'use client';

import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { selectionColumn } from '@/components/data-table/selection-column';
import { CUSTOMER_COLUMN_LABELS as LABEL } from '@/lib/customers/list-columns';
import { humanizeKey } from '@/lib/customers/vocabulary';
import { formatMoney } from '@/lib/format';
import type { CustomerListItem } from '@/server/services/customer-list';
import { DateCell, None, RiskBadge, StageBadge } from './customer-cells';

const helper = createColumnHelper<ServerTableFeatures, CustomerListItem>();

const text = (value: string | null) => (value ? value : <None />);
const key = (value: string | null) => (value ? humanizeKey(value) : <None />);

/**
 * The customer list's columns, ids matching lib/customers/list-columns (the URL's allow-list and the server's sorts).
 * Module-level, so the table's column model is built once.
 */
export const CUSTOMER_TABLE_COLUMNS = helper.columns([
  selectionColumn<CustomerListItem>((c) => c.name),
  helper.accessor('name', {
    header: LABEL.name,
    // Stays in view while the other columns scroll sideways, just right of the checkbox column (w-11).
    meta: { label: LABEL.name, sticky: 'left-11 shadow-[inset_-1px_0_0_var(--color-zinc-200)]' },
    cell: ({ row }) => (
      <div className="w-64" title={`${row.original.name} · ${row.original.externalId}`}>
        <Link
          href={`/customers/${row.original.id}`}
          prefetch={false}
          className="block truncate font-medium text-zinc-900 hover:underline"
        >
          {row.original.name}
        </Link>
        <span className="block truncate text-xs text-zinc-600">{row.original.email ?? row.original.externalId}</span>
      </div>
    ),
  }),
  helper.accessor('company', {
    header: LABEL.company,
    meta: { label: LABEL.company },
    cell: (c) => (
      <span className="block max-w-48 truncate" title={c.getValue() ?? undefined}>
        {text(c.getValue())}
      </span>
    ),
  }),
  helper.accessor('segment', { header: LABEL.segment, meta: { label: LABEL.segment }, cell: (c) => key(c.getValue()) }),
  helper.accessor('plan', { header: LABEL.plan, meta: { label: LABEL.plan }, cell: (c) => key(c.getValue()) }),
  helper.accessor('country', {
    header: LABEL.country,
    meta: { label: LABEL.country },
    cell: (c) => <span className="whitespace-nowrap">{text(c.getValue())}</span>,
  }),
  helper.accessor((c) => c.owner?.name ?? null, {
    id: 'owner',
    header: LABEL.owner,
    meta: { label: LABEL.owner },
    cell: (c) => <span className="whitespace-nowrap">{c.getValue() ?? <None>Unassigned</None>}</span>,
  }),
  helper.accessor('stage', {
    header: LABEL.stage,
    meta: { label: LABEL.stage },
    cell: (c) => <StageBadge stage={c.getValue()} />,
  }),
  helper.accessor('mrrCents', {
    id: 'mrr',
    header: LABEL.mrr,
    meta: { label: LABEL.mrr, align: 'end' },
    cell: ({ row }) => (
      <span className="whitespace-nowrap">{formatMoney(row.original.mrrCents, row.original.currency)}</span>
    ),
  }),
  helper.accessor('lastActivityAt', {
    id: 'lastActivity',
    header: LABEL.lastActivity,
    meta: { label: LABEL.lastActivity },
    cell: (c) => <DateCell value={c.getValue()} empty="Never" />,
  }),
  helper.accessor('acquiredAt', {
    header: LABEL.acquiredAt,
    meta: { label: LABEL.acquiredAt },
    cell: (c) => <DateCell value={c.getValue()} />,
  }),
  helper.accessor('risk', {
    header: LABEL.risk,
    meta: { label: LABEL.risk },
    cell: (c) => <RiskBadge risk={c.getValue()} />,
  }),
  helper.accessor((c) => c.loyaltyTier?.name ?? null, {
    id: 'loyalty',
    header: LABEL.loyalty,
    meta: { label: LABEL.loyalty },
    cell: (c) => (c.getValue() ? <Badge tone="accent">{c.getValue()}</Badge> : <None />),
  }),
]);
