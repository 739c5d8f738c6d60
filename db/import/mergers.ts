import type { ImportKind } from '@/lib/import/columns';
import { mergeCustomers } from './merge-customers';
import { mergeOrders } from './merge-orders';
import type { Merger } from './merge-types';

/** The kinds the engine writes today, each with its set-based merge. */
export const MERGERS: { [K in ImportKind]?: Merger<K> } = {
  customers: mergeCustomers,
  orders: mergeOrders,
};

export function supportedKinds(): ImportKind[] {
  return Object.keys(MERGERS) as ImportKind[];
}
