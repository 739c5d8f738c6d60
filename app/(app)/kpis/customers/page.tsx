import type { Metadata } from 'next';
import { KpiLink } from '@/components/kpis/kpi-link';
import { after as afterResponse, connection } from 'next/server';
import { ArrowLeft, SearchX } from 'lucide-react';
import { DrilldownTable } from '@/components/kpis/drilldown-table';
import { DrilldownNav } from '@/components/kpis/drilldown-nav';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { METRICS } from '@/lib/metrics/catalog';
import { DRILLDOWN_TITLES } from '@/lib/metrics/drilldowns';
import { formatMetric } from '@/lib/metrics/format';
import { segmentLabel } from '@/lib/metrics/labels';
import { formatMonth } from '@/lib/metrics/months';
import { monthLabel, resolvePeriod, todayOf } from '@/lib/metrics/period';
import { drilldownHref, kpiSearchString, parseDrilldownParams, parseKpiPageState } from '@/lib/validation/kpi-page';
import { requirePermission, userActor } from '@/server/auth/session';
import { ValidationError } from '@/server/errors';
import { getKpiDrilldown, getKpis } from '@/server/services/kpis';
import { loadDrilldownPageAction } from './actions';

export const metadata: Metadata = { title: 'KPI customers' };

type DrilldownPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const CHURN_LISTS = new Set(['churned_customers', 'voluntary_churned_customers', 'involuntary_churned_customers', 'early_churned_customers', 'churned_mrr']);

/** The customers behind one KPI number in one month: the same set the number counts. */
export default async function KpiDrilldownPage({ searchParams }: DrilldownPageProps) {
  await connection();
  const user = await requirePermission('kpis.read');
  const params = await searchParams;
  const state = parseKpiPageState(params);
  const { metric, month, after } = parseDrilldownParams(params);
  const back = `/kpis${kpiSearchString(state)}`;
  const backLink = (
    <KpiLink href={back} className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-accent-800 hover:underline">
      <ArrowLeft aria-hidden className="size-4" /> Back to KPIs
    </KpiLink>
  );

  if (!metric || month === null) {
    return (
      <>
        {backLink}
        <Card>
          <EmptyState icon={SearchX} title="Which customers?">
            This address does not name a KPI list and a month. Open a number on the KPI page to see the customers it counts.
          </EmptyState>
        </Card>
      </>
    );
  }

  const ctx = { db: await getDb(), actor: userActor(user), background: afterResponse };
  const monthText = formatMonth(month);
  let loaded;
  try {
    loaded = await Promise.all([
      getKpiDrilldown({ ctx, input: { metric, month: monthText, filters: state.filters, cursor: after } }),
      getKpis({ ctx, input: { from: monthText, to: monthText, filters: state.filters } }),
    ]);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return (
      <>
        {backLink}
        <Alert tone="error">{Object.values(error.fieldErrors).flat().join(' ') || error.message}</Alert>
      </>
    );
  }
  const [page, doc] = loaded;
  const period = state.selection ? resolvePeriod(state.selection, todayOf(new Date().getTime())) : null;
  const value = doc.series[metric][0];
  const filterText = Object.entries(state.filters)
    .map(([name, v]) => (name === 'segment' ? segmentLabel(v!) : v))
    .join(' · ');

  return (
    <>
      {backLink}
      <PageHeader
        title={`${DRILLDOWN_TITLES[metric]} — ${monthLabel(month)}`}
        description={
          <>
            <span className="font-mono text-xs">{METRICS[metric].formula}</span>
            {filterText && <span className="block">Filtered to {filterText}.</span>}
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <p className="text-3xl font-semibold tracking-tight text-zinc-900 tabular-nums" data-testid="drilldown-value">
          {formatMetric(metric, value, doc.currency)}
        </p>
        <p className="text-sm text-zinc-600">
          {METRICS[metric].label} in {monthLabel(month)}, as on the KPI page; the list below is the customers it is made of.
        </p>
      </div>
      <DrilldownNav
        metric={metric}
        month={month}
        months={period && period.length > 1 ? { from: period.from, to: period.to } : null}
        href={(m, mo) => drilldownHref(state, m, formatMonth(mo))}
      />
      <Card>
        {page.customers.length === 0 ? (
          <EmptyState title="No customers in this list">Nobody in {monthLabel(month)} matches this set{filterText ? ' and these filters' : ''}.</EmptyState>
        ) : (
          <DrilldownTable
            key={`${metric}-${monthText}-${after ?? ''}`}
            metric={metric}
            month={monthText}
            filters={state.filters}
            first={page}
            currency={doc.currency}
            showReason={CHURN_LISTS.has(metric)}
            nextHref={page.nextCursor === null ? null : `${drilldownHref(state, metric, monthText)}&after=${page.nextCursor}`}
            loadMore={loadDrilldownPageAction}
          />
        )}
      </Card>
    </>
  );
}
