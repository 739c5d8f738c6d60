import { Badge } from '@/components/ui/badge';
import type { ChurnStatus } from '@/lib/metrics/settings';

const STATUS = {
  on_target: { label: 'On target', tone: 'success' },
  watch: { label: 'Watch', tone: 'warning' },
  critical: { label: 'Critical', tone: 'danger' },
} as const;

export function churnStatusLabel(status: ChurnStatus): string {
  return STATUS[status].label;
}

/** The threshold status of a monthly logo churn rate; nothing when there is no rate to judge. */
export function ChurnStatusBadge({ status }: { status: ChurnStatus | null }) {
  if (!status) return <Badge>No rate</Badge>;
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
