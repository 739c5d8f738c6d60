import type { Metadata } from 'next';
import { KpiLink } from '@/components/kpis/kpi-link';
import { after as afterResponse, connection } from 'next/server';
import { ArrowLeft, Download, SearchX } from 'lucide-react';
import { DrilldownTable } from '@/components/kpis/drilldown-table';
import { DrilldownNav } from '@/components/kpis/drilldown-nav';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { METRICS } from '@/lib/metrics/catalog';
import { DRILLDOWN_SORT_LABELS, DRILLDOWN_SORTS, DRILLDOWN_TITLES } from '@/lib/metrics/drilldowns';
import { formatMetric } from '@/lib/metrics/format';
import { segmentLabel } from '@/lib/metrics/labels';
import { formatMonth } from '@/lib/metrics/months';
import { monthLabel, rangeLabel, todayOf } from '@/lib/metrics/period';
import {
  drilldownCsvHref,
  drilldownHref,
  kpiSearchString,
  parseDrilldownRequest,
  parseKpiPageState,
} from '@/lib/validation/kpi-page';
import { requirePermission, userActor } from '@/server/auth/session';
import { ValidationError } from '@/server/errors';
import { getKpiDrilldown, getKpis } from '@/server/services/kpis';
import { loadDrilldownPageAction } from './actions';

export const metadata: Metadata = { title: 'KPI customers' };

type DrilldownPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const CHURN_LISTS = new Set([
  'churned_customers',
  'voluntary_churned_customers',
  'involuntary_churned_customers',
  'early_churned_customers',
  'churned_mrr',
]);

/**
 * The customers behind one KPI number: over the KPI page's period (no `month`), or in one month of it. The same set
 * the number counts, sorted by the MRR it moved.
 */
export default async function KpiDrilldownPage({ searchParams }: DrilldownPageProps) {
  await connection();
  const user = await requirePermission('kpis.read');
  const params = await searchParams;
  const request = parseDrilldownRequest(params, todayOf(new Date().getTime()));
  const state = request?.state ?? parseKpiPageState(params);
  const back = `/kpis${kpiSearchString(state)}`;
  const backLink = (
    <KpiLink
      href={back}
      className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-accent-800 hover:underline"
    >
      <ArrowLeft aria-hidden className="size-4" /> Back to KPIs
    </KpiLink>
  );

  if (!request) {
    return (
      <>
        {backLink}
        <Card>
          <EmptyState icon={SearchX} title="Which customers?">
            This address does not name a KPI list. Open a number on the KPI page to see the customers it counts.
          </EmptyState>
        </Card>
      </>
    );
  }

  const { metric, month, period, listed, after } = request;
  const [from, to] = [formatMonth(listed.from), formatMonth(listed.to)];
  const ctx = { db: await getDb(), actor: userActor(user), background: afterResponse };
  let loaded;
  try {
    loaded = await Promise.all([
      getKpiDrilldown({ ctx, input: { metric, from, to, filters: state.filters, cursor: after } }),
      getKpis({ ctx, input: { from, to, filters: state.filters } }),
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
  // The list's rows are the months' counts added up: the period's total for a flow, one month's for a stock.
  const known = doc.series[metric].filter((v): v is number => v !== null);
  const value = known.length ? known.reduce((a, b) => a + b, 0) : null;
  const scope = month === null && period.length > 1 ? period.label : rangeLabel(listed.from, listed.to);
  const sort = DRILLDOWN_SORT_LABELS[DRILLDOWN_SORTS[metric]];
  const filterText = Object.entries(state.filters)
    .map(([name, v]) => (name === 'segment' ? segmentLabel(v!) : v))
    .join(' · ');
  const pageHref = (m: typeof metric, mo: number | null) =>
    drilldownHref(state, m, mo === null ? undefined : formatMonth(mo));
  const monthParam = month === null ? undefined : formatMonth(month);

  return (
    <>
      {backLink}
      <PageHeader
        title={`${DRILLDOWN_TITLES[metric]} — ${scope}`}
        description={
          <>
            <span className="font-mono text-xs">{METRICS[metric].formula}</span>
            {filterText && <span className="block">Filtered to {filterText}.</span>}
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <p className="text-3xl font-semibold tracking-tight text-zinc-900 tabular-nums" data-testid="drilldown-value">
            {formatMetric(metric, value, doc.currency)}
          </p>
          <p className="text-sm text-zinc-600">
            {METRICS[metric].label} in {rangeLabel(listed.from, listed.to)}, as on the KPI page; the list below is what
            it is made of
            {listed.from !== listed.to && ', a row per customer and month counted'}. Sorted by {sort}, largest first.
          </p>
        </div>
        <Button asChild variant="secondary" size="sm">
          <a href={drilldownCsvHref(state, metric, monthParam)} download>
            <Download aria-hidden className="size-4" /> Download CSV
          </a>
        </Button>
      </div>
      {month === null && period.note && (
        <p
          role="note"
          className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900"
        >
          {period.note}
        </p>
      )}
      <DrilldownNav metric={metric} month={month} period={period.length > 1 ? period : null} href={pageHref} />
      <Card>
        {page.customers.length === 0 ? (
          <EmptyState title="No customers in this list">
            Nobody in {month === null ? scope : monthLabel(month)} matches this set
            {filterText ? ' and these filters' : ''}.
          </EmptyState>
        ) : (
          <DrilldownTable
            key={`${metric}-${from}-${to}-${after ?? ''}`}
            metric={metric}
            filters={state.filters}
            first={page}
            currency={doc.currency}
            sort={DRILLDOWN_SORTS[metric]}
            showReason={CHURN_LISTS.has(metric)}
            nextHref={page.nextCursor === null ? null : `${pageHref(metric, month)}&after=${page.nextCursor}`}
            loadMore={loadDrilldownPageAction}
          />
        )}
      </Card>
    </>
  );
}
