import { PassThrough, Readable } from 'node:stream';
import { formatMonth } from '@/lib/metrics/months';
import { todayOf } from '@/lib/metrics/period';
import { searchParamsOf } from '@/lib/validation/customer-list';
import { parseDrilldownRequest } from '@/lib/validation/kpi-page';
import { ValidationError } from '@/server/errors';
import { NO_STORE, permittedRoute } from '@/server/route';
import { openKpiDrilldownExport } from '@/server/services/exports';

export const dynamic = 'force-dynamic';

/**
 * GET /kpis/customers/export?<the drill-down page's parameters>: the customers behind a KPI number as CSV, the
 * same rows in the same order as the page (over the whole period, or the month asked for). Validated and its first
 * batch read before the answer starts, then streamed.
 */
export const GET = permittedRoute('kpis.read', async ({ ctx, request }) => {
  const drilldown = parseDrilldownRequest(searchParamsOf(new URL(request.url).search), todayOf(Date.now()));
  if (!drilldown) throw new ValidationError({ metric: ['Name the KPI list to download.'] });
  const { metric, listed, state } = drilldown;
  const query = { metric, from: formatMonth(listed.from), to: formatMonth(listed.to), filters: state.filters };
  const writeTo = await openKpiDrilldownExport({ ctx, input: { query, format: 'csv' } });

  const out = new PassThrough();
  writeTo(out).then(
    () => out.end(),
    (error) => {
      console.error('[export] KPI customers export failed', error);
      out.destroy(error as Error);
    },
  );
  const range = listed.from === listed.to ? query.from : `${query.from}-to-${query.to}`;
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      ...NO_STORE,
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="kpi-${metric}-${range}.csv"`,
    },
  });
});
