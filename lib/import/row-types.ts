import type { LifecycleStage } from '@/lib/customers/vocabulary';

/** Canonical rows the writers consume: validated, typed, money in minor units, customers referenced by external id. */
export type CustomerRow = {
  externalId: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  segment: string | null;
  plan: string | null;
  country: string | null;
  region: string | null;
  industry: string | null;
  ownerEmail: string | null;
  acquiredAt: Date | null;
  activatedAt: Date | null;
  churnedAt: Date | null;
  churnReason: string | null;
  churnType: 'voluntary' | 'involuntary' | null;
  /** The MRR the file gives: what the customer pays, or for a churned one paid until the churn. */
  mrrCents: number | null;
  currency: string;
  /** The stage the file's dates give as of the import date (lib/customers/lifecycle.ts). */
  lifecycleStage: LifecycleStage;
  attributes: Record<string, string | number | boolean | null>;
};

export type OrderRow = {
  externalId: string;
  customerExternalId: string;
  orderedAt: Date;
  amountCents: number;
  currency: string;
};
export type SubscriptionRow = {
  customerExternalId: string;
  effectiveAt: Date;
  mrrCents: number;
  plan: string | null;
  currency: string;
};
export type EventRow = {
  customerExternalId: string;
  type: string;
  occurredAt: Date;
  value: number | null;
  name: string | null;
};
export type TicketRow = {
  externalId: string;
  customerExternalId: string;
  openedAt: Date;
  resolvedAt: Date | null;
  kind: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  subject: string | null;
};
export type FeedbackRow = {
  customerExternalId: string;
  kind: 'nps' | 'csat' | 'ces';
  score: number;
  submittedAt: Date;
  comment: string | null;
};

export type ImportRowByKind = {
  customers: CustomerRow;
  orders: OrderRow;
  subscriptions: SubscriptionRow;
  events: EventRow;
  tickets: TicketRow;
  feedback: FeedbackRow;
};

/** A rejected cell or row; `column` is the header as it appears in the user's file. */
export type RowError = { line: number; column?: string; message: string };
