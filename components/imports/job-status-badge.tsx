import { Loader2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { ImportJobStatus } from '@/server/queries/import-jobs';

const STATUS = {
  pending: { label: 'Waiting', tone: 'neutral' },
  running: { label: 'Running', tone: 'accent' },
  succeeded: { label: 'Succeeded', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
} as const;

export function JobStatusBadge({ status }: { status: ImportJobStatus }) {
  const { label, tone } = STATUS[status] ?? STATUS.failed;
  return (
    <Badge tone={tone} className="gap-1">
      {status === 'running' && <Loader2 aria-hidden className="size-3 animate-spin" />}
      {label}
    </Badge>
  );
}
