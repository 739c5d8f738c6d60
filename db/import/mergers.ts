import type { ImportKind } from '@/lib/import/columns';
import { mergeCustomers } from './merge-customers';
import { mergeEvents } from './merge-events';
import { mergeFeedback } from './merge-feedback';
import { mergeOrders } from './merge-orders';
import { mergeSubscriptions } from './merge-subscriptions';
import { mergeTickets } from './merge-tickets';
import type { Merger } from './merge-types';

/** Every import kind with its set-based merge. */
export const MERGERS: { [K in ImportKind]?: Merger<K> } = {
  customers: mergeCustomers,
  orders: mergeOrders,
  subscriptions: mergeSubscriptions,
  events: mergeEvents,
  tickets: mergeTickets,
  feedback: mergeFeedback,
};

export function supportedKinds(): ImportKind[] {
  return Object.keys(MERGERS) as ImportKind[];
}
