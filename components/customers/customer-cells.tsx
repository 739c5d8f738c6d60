import { Badge } from '@/components/ui/badge';
import {
  LIFECYCLE_STAGE_LABELS,
  RISK_BAND_LABELS,
  type LifecycleStage,
  type RiskBand,
} from '@/lib/customers/vocabulary';
import { formatDate, formatDateTime } from '@/lib/format';

type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

const STAGE_TONE: Record<LifecycleStage, Tone> = {
  onboarding: 'neutral',
  activated: 'accent',
  adopting: 'accent',
  loyal: 'success',
  at_risk: 'danger',
  churned: 'neutral',
  won_back: 'success',
};

const BAND_TONE: Record<RiskBand, Tone> = {
  healthy: 'success',
  watch: 'warning',
  at_risk: 'danger',
  critical: 'danger',
};

/** An empty value, said rather than left blank. */
export function None({ children = '—' }: { children?: string }) {
  return <span className="text-zinc-500">{children}</span>;
}

export function StageBadge({ stage }: { stage: LifecycleStage }) {
  return <Badge tone={STAGE_TONE[stage]}>{LIFECYCLE_STAGE_LABELS[stage]}</Badge>;
}

export function RiskBadge({ risk }: { risk: { score: number; band: RiskBand } | null }) {
  if (!risk) return <None>Not scored</None>;
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <span className="w-7 text-right font-medium tabular-nums text-zinc-900">{risk.score}</span>
      <Badge tone={BAND_TONE[risk.band]}>{RISK_BAND_LABELS[risk.band]}</Badge>
    </span>
  );
}

export function DateCell({ value, empty = '—' }: { value: Date | null; empty?: string }) {
  if (!value) return <None>{empty}</None>;
  return (
    <time dateTime={value.toISOString()} title={formatDateTime(value)} className="whitespace-nowrap">
      {formatDate(value)}
    </time>
  );
}
