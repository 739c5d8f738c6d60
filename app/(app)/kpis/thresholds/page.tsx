import type { Metadata } from 'next';
import { KpiLink } from '@/components/kpis/kpi-link';
import { connection } from 'next/server';
import { ArrowLeft, Lock } from 'lucide-react';
import { ThresholdForm } from '@/components/kpis/threshold-form';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { CHURN_BENCHMARKS, churnBenchmarkFor, formatBenchmarkRange } from '@/lib/metrics/benchmarks';
import { segmentLabel } from '@/lib/metrics/labels';
import { requirePermission, userActor } from '@/server/auth/session';
import { getKpiFilterOptions } from '@/server/services/kpi-breakdowns';
import { getChurnThresholdSettings } from '@/server/services/kpi-settings';
import { clearSegmentThresholdsAction, setChurnThresholdsAction } from './actions';

export const metadata: Metadata = { title: 'Churn thresholds' };

const pct = (fraction: number) => `${(Math.round(fraction * 10_000) / 100).toString()}%`;

/** Everyone sees the thresholds the KPI pages judge churn by; admins change them here. */
export default async function ThresholdsPage() {
  await connection();
  const user = await requirePermission('kpis.read');
  const ctx = { db: await getDb(), actor: userActor(user) };
  const [settings, options] = await Promise.all([getChurnThresholdSettings({ ctx }), getKpiFilterOptions({ ctx })]);
  const canEdit = can(user, 'settings.manage');
  const segments = [...new Set([...options.segment, ...Object.keys(settings.segments)])].sort();
  const rows = [
    { segment: '', label: 'All segments (workspace default)', thresholds: settings.workspace, own: false },
    ...segments.map((segment) => ({
      segment,
      label: segmentLabel(segment),
      thresholds: settings.segments[segment] ?? settings.workspace,
      own: segment in settings.segments,
    })),
  ];

  return (
    <>
      <KpiLink
        href="/kpis"
        className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-accent-800 hover:underline"
      >
        <ArrowLeft aria-hidden className="size-4" /> Back to KPIs
      </KpiLink>
      <PageHeader
        title="Churn thresholds"
        description="Monthly logo churn at or below the on-target limit is on target, up to the watch limit is watch, above it is critical. A segment without thresholds of its own uses the workspace default."
      />
      {!canEdit && (
        <p
          role="note"
          className="mb-4 flex items-center gap-2 rounded-md border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-700"
        >
          <Lock aria-hidden className="size-4 text-zinc-500" /> Only admins can change thresholds.
        </p>
      )}
      <div className="space-y-4">
        {rows.map((row) => {
          const benchmark = churnBenchmarkFor(row.segment);
          return (
            <Card key={row.segment || 'default'}>
              <CardHeader className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <CardTitle>{row.label}</CardTitle>
                  <CardDescription>
                    {benchmark
                      ? `Published benchmark for ${benchmark.label}: ${formatBenchmarkRange(benchmark)} monthly churn.`
                      : row.segment
                        ? 'No published benchmark for this segment.'
                        : `Published benchmarks: ${CHURN_BENCHMARKS.map((b) => `${b.label} ${formatBenchmarkRange(b)}`).join(', ')} monthly churn.`}
                  </CardDescription>
                </div>
                {row.segment && (
                  <Badge tone={row.own ? 'accent' : 'neutral'}>{row.own ? 'Own thresholds' : 'Uses the default'}</Badge>
                )}
              </CardHeader>
              <CardContent>
                {canEdit ? (
                  <ThresholdForm
                    segment={row.segment}
                    label={row.label}
                    target={row.thresholds.target}
                    watch={row.thresholds.watch}
                    own={row.own}
                    save={setChurnThresholdsAction}
                    clear={clearSegmentThresholdsAction}
                  />
                ) : (
                  <dl className="grid grid-cols-3 gap-4 text-sm">
                    <div>
                      <dt className="text-zinc-600">On target</dt>
                      <dd className="font-semibold text-emerald-800">≤ {pct(row.thresholds.target)}</dd>
                    </div>
                    <div>
                      <dt className="text-zinc-600">Watch</dt>
                      <dd className="font-semibold text-amber-800">≤ {pct(row.thresholds.watch)}</dd>
                    </div>
                    <div>
                      <dt className="text-zinc-600">Critical</dt>
                      <dd className="font-semibold text-red-800">&gt; {pct(row.thresholds.watch)}</dd>
                    </div>
                  </dl>
                )}
              </CardContent>
            </Card>
          );
        })}
      </div>
    </>
  );
}
