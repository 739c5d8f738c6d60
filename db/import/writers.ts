import type { ImportKind } from '@/lib/import/columns';
import { customersWriter } from './merge-customers';
import { eventsWriter } from './merge-events';
import { feedbackWriter } from './merge-feedback';
import { ordersWriter } from './merge-orders';
import { subscriptionsWriter } from './merge-subscriptions';
import { ticketsWriter } from './merge-tickets';
import type { KindWriter } from './writer-types';

/** Every import kind with how it is staged and merged. */
export const WRITERS: { [K in ImportKind]: KindWriter<K> } = {
  customers: customersWriter,
  orders: ordersWriter,
  subscriptions: subscriptionsWriter,
  events: eventsWriter,
  tickets: ticketsWriter,
  feedback: feedbackWriter,
};
