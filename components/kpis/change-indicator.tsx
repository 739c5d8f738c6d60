import { ArrowDownRight, ArrowRight, ArrowUpRight } from 'lucide-react';
import { formatChange, type Change } from '@/lib/metrics/change';
import { cn } from '@/lib/cn';

const TONES = { good: 'text-emerald-700', bad: 'text-red-700', neutral: 'text-zinc-600' } as const;
const SPOKEN = { good: 'better', bad: 'worse', neutral: '' } as const;

/** "↗ +1.2 pts vs Oct 2026", green when it is good news for this metric, red when bad. */
export function ChangeIndicator({
  change,
  against,
  compact = false,
}: {
  change: Change | null;
  against: string | null;
  compact?: boolean;
}) {
  if (!change)
    return (
      <p className="text-xs text-zinc-500">
        {compact ? '—' : against ? `No comparison with ${against}` : 'Not compared: the month is not over'}
      </p>
    );
  const Icon = change.delta > 0 ? ArrowUpRight : change.delta < 0 ? ArrowDownRight : ArrowRight;
  return (
    <p className={cn('flex items-center gap-1 text-xs font-medium', TONES[change.tone])}>
      <Icon aria-hidden className="size-3.5 shrink-0" />
      <span>
        {formatChange(change)}{' '}
        <span className={cn('font-normal text-zinc-600', compact && 'sr-only')}>vs {against}</span>
        {SPOKEN[change.tone] && <span className="sr-only"> ({SPOKEN[change.tone]})</span>}
      </span>
    </p>
  );
}
