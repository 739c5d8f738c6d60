import type { ActivityKind, Channel, Priority } from '@/lib/work/catalog';

/**
 * The customer timeline: one stream of everything that happened to a customer, newest first. The order of the
 * kinds here is their tie-break rank when two items share a timestamp (part of the keyset order).
 */
export const TIMELINE_KINDS = ['order', 'usage', 'ticket', 'feedback', 'activity', 'message', 'stage', 'risk'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  order: 'Orders',
  usage: 'Usage',
  ticket: 'Tickets',
  feedback: 'Feedback',
  activity: 'Activities',
  message: 'Messages',
  stage: 'Stage changes',
  risk: 'Risk changes',
};

export function kindRank(kind: TimelineKind): number {
  return TIMELINE_KINDS.indexOf(kind);
}

/**
 * A position in the timeline's total order (at desc, rank desc, id desc). `at` is the database's timestamp as
 * text with its microseconds, which a JavaScript Date would round away.
 */
export type TimelineCursor = { at: string; rank: number; id: number };

type Base<K extends TimelineKind> = { kind: K; at: Date; cursor: TimelineCursor };

export type TimelineItem =
  | (Base<'order'> & { externalId: string; amountCents: number; currency: string })
  | (Base<'usage'> & {
      /** A day's summary (UTC): every event of the day, logins, sessions' actions, features used, billing signals. */
      day: string;
      events: number;
      logins: number;
      actions: number | null;
      features: string[];
      paymentFailures: number;
      cardExpiring: number;
    })
  | (Base<'ticket'> & {
      externalId: string;
      subject: string | null;
      ticketKind: string;
      priority: Priority;
      resolvedAt: Date | null;
    })
  | (Base<'feedback'> & { surveyKind: 'nps' | 'csat' | 'ces'; score: number; comment: string | null })
  | (Base<'activity'> & {
      activityKind: ActivityKind;
      subject: string;
      body: string | null;
      outcome: string | null;
      authorName: string | null;
    })
  | (Base<'message'> & { channel: Channel; subject: string | null; status: string; statusReason: string | null })
  | (Base<'stage'> & { fromStage: string | null; toStage: string; reason: string | null })
  | (Base<'risk'> & { score: number; band: string; topFactor: string | null });

export type TimelinePage = {
  items: TimelineItem[];
  /** The position of the last item shown when older items exist; null at the end of the history. */
  more: TimelineCursor | null;
};
