import type { Metadata } from 'next';
import { after, connection } from 'next/server';
import { ChartNoAxesCombined, Info } from 'lucide-react';
import { DataFreshness } from '@/components/kpis/cli-hint';
import { ChurnByReason } from '@/components/kpis/churn-by-reason';
import { ChurnBySegment } from '@/components/kpis/churn-by-segment';
import { ChurnTypes } from '@/components/kpis/churn-types';
import { CohortHeatmap } from '@/components/kpis/cohort-heatmap';
import { lastKnownMonth, type DrilldownLink } from '@/components/kpis/formula-info';
import { HeadlineCards } from '@/components/kpis/headline-cards';
import { KpiDownload } from '@/components/kpis/kpi-download';
import { KpiToolbar } from '@/components/kpis/kpi-toolbar';
import { MetricsTable } from '@/components/kpis/metrics-table';
import { MrrMovements } from '@/components/kpis/mrr-movements';
import { KpiSection } from '@/components/kpis/section';
import { toolbarProps } from '@/components/kpis/toolbar-props';
import { TrendSection } from '@/components/kpis/trend-section';
import { WhatIfPanel } from '@/components/kpis/what-if-panel';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { segmentLabel } from '@/lib/metrics/labels';
import { monthLabel, stockNote, todayOf } from '@/lib/metrics/period';
import { whatIfBaseline } from '@/lib/metrics/what-if';
import { drilldownHref, kpiSearchString, parseKpiPageState } from '@/lib/validation/kpi-page';
import { requirePermission, userActor } from '@/server/auth/session';
import { getKpiDashboard } from '@/server/services/kpi-dashboard';

export const metadata: Metadata = { title: 'KPIs' };

type KpisPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function KpisPage({ searchParams }: KpisPageProps) {
  await connection();
  const user = await requirePermission('kpis.read');
  const state = parseKpiPageState(await searchParams);
  const now = new Date();
  const today = todayOf(now.getTime());
  const dashboard = await getKpiDashboard({
    ctx: { db: await getDb(), actor: userActor(user), background: after },
    state,
    now,
  });
  const { period, current, trend, breakdowns, filters } = dashboard;
  const view = { selection: period.selection, filters, cohorts: state.cohorts };
  const link: DrilldownLink = (metric, month) => drilldownHref(view, metric, month);
  const toolbar = toolbarProps(period, { ...state, filters }, dashboard.options, today.month);
  const lastMonth = lastKnownMonth(current);
  const trendEnd = trend.months.length - 1;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <PageHeader
          title="KPIs"
          description={
            <>
              Retention for <strong className="font-semibold text-zinc-800">{period.label}</strong>
              {filters.segment && ` · ${segmentLabel(filters.segment)}`}
              {period.previous ? `, compared with ${period.previous.label}` : ''}. Every number shows its formula (
              <Info aria-label="the information buttons" className="inline size-3.5 align-[-2px]" />) and opens the
              customers it counts.
            </>
          }
        />
        <div className="flex flex-col items-end gap-1">
          <DataFreshness doc={current} range={period} filters={filters} now={now} />
          <KpiDownload range={period} filters={filters} />
        </div>
      </div>

      <Card className="mb-8">
        <CardContent>
          <KpiToolbar key={kpiSearchString(view)} {...toolbar} />
        </CardContent>
      </Card>

      {period.note && (
        <p
          role="note"
          data-testid="period-note"
          className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900"
        >
          {period.note}
        </p>
      )}

      {dashboard.ignored.length > 0 && (
        <Alert tone="error" className="mb-6">
          The owner filter was left out: no account owner has that email.
        </Alert>
      )}

      {trend.rollup.through === null ? (
        <Card>
          <EmptyState icon={ChartNoAxesCombined} title="No KPI data yet">
            Load the demo data with <code className="font-mono">npx holdfast seed</code> or import subscriptions or
            orders; the KPIs are computed from them.
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-10">
          <KpiSection
            id="headline"
            title="Headline numbers"
            description={`Rates are monthly; over several months, the months' inputs are summed (a weighted monthly average). ${stockNote(period, today)}`}
          >
            <HeadlineCards dashboard={dashboard} link={link} />
          </KpiSection>

          <KpiSection
            id="trends"
            title="Last 24 months"
            description={`Monthly values up to ${monthLabel(period.to)}. Select a month on a chart, or open "Show data", for its customers.`}
          >
            <TrendSection trend={trend} link={link} />
          </KpiSection>

          <KpiSection
            id="revenue-and-churn"
            title="Where revenue and customers went"
            description={`Over ${period.label}.`}
          >
            <div className="grid gap-4 lg:grid-cols-2">
              <MrrMovements doc={current} link={link} />
              <ChurnBySegment
                rows={breakdowns.bySegment}
                selected={filters.segment}
                months={period.length}
                segmentHref={(segment) =>
                  `/kpis${kpiSearchString({ ...view, filters: { ...filters, segment: segment || undefined } })}`
                }
              />
              <ChurnByReason
                rows={breakdowns.byReason}
                currency={current.currency}
                periodLabel={period.label}
                churnedHref={lastMonth ? link('churned_customers') : null}
              />
              <ChurnTypes doc={current} link={link} />
            </div>
          </KpiSection>

          <KpiSection
            id="cohorts"
            title="Cohorts"
            description="How long customers stay, by the month they started, over the last 24 months."
          >
            <CohortHeatmap
              cohorts={trend.cohorts}
              view={state.cohorts}
              viewHref={(cohorts) => `/kpis${kpiSearchString({ ...view, cohorts })}#cohorts`}
            />
          </KpiSection>

          <KpiSection
            id="what-if"
            title="What if churn were lower?"
            description="A projection from today's numbers: lower monthly logo churn by a few points and see where customers, MRR and LTV land."
          >
            <Card>
              <CardContent>
                <WhatIfPanel
                  baseline={whatIfBaseline(trend.series, trendEnd, trend.settings.gross_margin)}
                  currency={trend.currency}
                  asOf={monthLabel(period.to)}
                />
              </CardContent>
            </Card>
          </KpiSection>

          <KpiSection
            id="all-metrics"
            title="All metrics"
            description={`Every KPI for ${period.label}${period.previous ? `, with ${period.previous.label} beside it` : ''}.`}
          >
            <Card>
              <MetricsTable
                current={current}
                previous={
                  dashboard.previous && period.previous && { doc: dashboard.previous, label: period.previous.label }
                }
                link={link}
              />
            </Card>
          </KpiSection>
        </div>
      )}
    </>
  );
}
