'use client';

import { useRouter } from 'next/navigation';
import { ColumnSettings } from '@/components/data-table/column-settings';
import {
  CUSTOMER_COLUMN_LABELS,
  FIXED_COLUMN,
  MOVABLE_COLUMNS,
  type CustomerColumn,
} from '@/lib/customers/list-columns';
import { customerListSearch, type CustomerListQuery } from '@/lib/validation/customer-list';

/** The column chooser of the customer list: shown columns first in their order, then the hidden ones. */
export function CustomerColumnSettings({ query, visible }: { query: CustomerListQuery; visible: CustomerColumn[] }) {
  const router = useRouter();
  const shown = visible.filter((c) => c !== FIXED_COLUMN);
  const order = [...shown, ...MOVABLE_COLUMNS.filter((c) => !shown.includes(c))];
  return (
    <ColumnSettings
      columns={order.map((id) => ({ id, label: CUSTOMER_COLUMN_LABELS[id] }))}
      visible={shown}
      onApply={(ids) => {
        const columns = ids === null ? null : [FIXED_COLUMN, ...(ids as CustomerColumn[])];
        router.push(`/customers${customerListSearch(query, { columns, page: null })}`);
      }}
    />
  );
}
