import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format';
import { firstResponseSla, FIRST_RESPONSE_HOURS, slaLabel } from '@/lib/work/sla';

type SlaBadgeProps = { createdAt: Date; respondedAt: Date | null; now: Date };

/** The first-response SLA of a task (lib/work/sla.ts) with its deadline in the tooltip and for screen readers. */
export function SlaBadge({ createdAt, respondedAt, now }: SlaBadgeProps) {
  const status = firstResponseSla({ createdAt, respondedAt, now });
  const tone =
    status.state === 'met'
      ? 'success'
      : status.state === 'breached'
        ? 'danger'
        : status.remainingMs < 4 * 3_600_000
          ? 'warning'
          : 'neutral';
  const detail = `First response within ${FIRST_RESPONSE_HOURS} h, due ${formatDateTime(status.deadline)}`;
  return (
    <Badge tone={tone} title={detail} data-sla={status.state}>
      {slaLabel(status)}
      <span className="sr-only"> ({detail})</span>
    </Badge>
  );
}
