import {
  Activity,
  CalendarClock,
  Gauge,
  LifeBuoy,
  Mail,
  MessageSquareText,
  Milestone,
  NotebookPen,
  Phone,
  ShoppingCart,
  Star,
  Users,
  type LucideIcon,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { formatDate, formatMoney, plural } from '@/lib/format';
import { humanize, riskBandLabel, riskBandTone, stageLabel, SURVEY_LABELS, surveyTone } from '@/lib/profile/labels';
import type { TimelineItem } from '@/lib/timeline/items';
import { ACTIVITY_KIND_LABELS, CHANNEL_LABELS, PRIORITY_LABELS, type ActivityKind } from '@/lib/work/catalog';

const ACTIVITY_ICONS: Record<ActivityKind, LucideIcon> = {
  call: Phone,
  email: Mail,
  meeting: Users,
  note: NotebookPen,
};

type View = { icon: LucideIcon; title: ReactNode; badges?: ReactNode; body?: ReactNode };

/** How each kind reads: one icon, a one-line title, badges and optional details. */
function viewOf(item: TimelineItem): View {
  switch (item.kind) {
    case 'order':
      return {
        icon: ShoppingCart,
        title: (
          <>
            Order {item.externalId} · {formatMoney(item.amountCents, item.currency)}
          </>
        ),
      };
    case 'usage': {
      const parts = [
        plural(item.events, 'event'),
        item.logins > 0 && plural(item.logins, 'login'),
        item.actions !== null && plural(item.actions, 'action'),
      ];
      return {
        icon: Activity,
        title: <>Product usage: {parts.filter(Boolean).join(' · ')}</>,
        badges: (
          <>
            {item.paymentFailures > 0 && <Badge tone="danger">Payment failed</Badge>}
            {item.cardExpiring > 0 && <Badge tone="warning">Card expiring</Badge>}
          </>
        ),
        body: item.features.length > 0 ? <>Features used: {item.features.join(', ')}</> : undefined,
      };
    }
    case 'ticket':
      return {
        icon: LifeBuoy,
        title: (
          <>
            Ticket {item.externalId}
            {item.subject ? `: ${item.subject}` : ''}
          </>
        ),
        badges: (
          <>
            <Badge tone={item.ticketKind === 'complaint' ? 'danger' : 'neutral'}>{humanize(item.ticketKind)}</Badge>
            {(item.priority === 'high' || item.priority === 'urgent') && (
              <Badge tone="warning">{PRIORITY_LABELS[item.priority]}</Badge>
            )}
            {item.resolvedAt ? (
              <Badge tone="success">Resolved {formatDate(item.resolvedAt)}</Badge>
            ) : (
              <Badge tone="accent">Open</Badge>
            )}
          </>
        ),
      };
    case 'feedback':
      return {
        icon: Star,
        title: <>{SURVEY_LABELS[item.surveyKind] ?? item.surveyKind} answer</>,
        badges: <Badge tone={surveyTone(item.surveyKind, item.score)}>Score {item.score}</Badge>,
        body: item.comment ? <q>{item.comment}</q> : undefined,
      };
    case 'activity':
      return {
        icon: ACTIVITY_ICONS[item.activityKind],
        title: (
          <>
            {ACTIVITY_KIND_LABELS[item.activityKind]}: {item.subject}
          </>
        ),
        badges: item.authorName ? <span className="text-xs text-zinc-500">by {item.authorName}</span> : undefined,
        body:
          item.body || item.outcome ? (
            <>
              {item.body && <span className="block whitespace-pre-line">{item.body}</span>}
              {item.outcome && <span className="block font-medium text-zinc-700">Outcome: {item.outcome}</span>}
            </>
          ) : undefined,
      };
    case 'message':
      return {
        icon: MessageSquareText,
        title: (
          <>
            {CHANNEL_LABELS[item.channel]} message{item.subject ? `: ${item.subject}` : ''}
          </>
        ),
        badges: (
          <Badge tone={item.status === 'sent' ? 'success' : item.status === 'failed' ? 'danger' : 'neutral'}>
            {humanize(item.status)}
          </Badge>
        ),
        body: item.statusReason ?? undefined,
      };
    case 'stage':
      return {
        icon: Milestone,
        title: (
          <>
            Stage: {item.fromStage ? `${stageLabel(item.fromStage)} → ` : ''}
            {stageLabel(item.toStage)}
          </>
        ),
        body: item.reason ? humanize(item.reason) : undefined,
      };
    case 'risk':
      return {
        icon: Gauge,
        title: <>Risk score {item.score}</>,
        badges: <Badge tone={riskBandTone(item.band)}>{riskBandLabel(item.band)}</Badge>,
        body: item.topFactor ? <>Main reason: {item.topFactor}</> : undefined,
      };
  }
}

const timeFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function TimelineEntry({ item }: { item: TimelineItem }) {
  const view = viewOf(item);
  const Icon = view.icon;
  return (
    <li className="relative flex gap-3 py-3" data-kind={item.kind}>
      <span
        aria-hidden
        className="grid size-8 shrink-0 place-items-center rounded-full border border-zinc-200 bg-white text-zinc-500"
      >
        <Icon className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <p className="text-sm font-medium text-zinc-900">{view.title}</p>
          {view.badges}
        </div>
        {view.body && <div className="mt-1 text-sm text-zinc-600">{view.body}</div>}
      </div>
      <time dateTime={item.at.toISOString()} className="shrink-0 pt-0.5 text-xs text-zinc-500 tabular-nums">
        {item.kind === 'usage' ? (
          <span className="inline-flex items-center gap-1">
            <CalendarClock aria-hidden className="size-3.5" /> Day
          </span>
        ) : (
          timeFormat.format(item.at)
        )}
      </time>
    </li>
  );
}
