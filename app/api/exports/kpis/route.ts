import { Writable } from 'node:stream';
import { NextResponse } from 'next/server';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/export/formats';
import { ValidationError } from '@/server/errors';
import { NO_STORE, permittedRoute } from '@/server/route';
import { exportKpiTable } from '@/server/services/exports';

export const dynamic = 'force-dynamic';

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
};

/**
 * GET /api/exports/kpis?from=YYYY-MM&to=YYYY-MM&segment=&plan=&country=&owner=&loyaltyTier=&format=csv|json|ndjson:
 * the KPI page's monthly table as a download. A few dozen rows, so it is built in memory and sent whole.
 */
export const GET = permittedRoute('kpis.read', async ({ ctx, request }) => {
  const params = new URL(request.url).searchParams;
  const value = (name: string) => params.get(name) ?? undefined;
  const format = (value('format') ?? 'csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format))
    throw new ValidationError({ format: [`Use one of: ${EXPORT_FORMATS.join(', ')}.`] });
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const filters = {
    segment: value('segment'),
    plan: value('plan'),
    country: value('country'),
    owner: value('owner'),
    loyaltyTier: value('loyaltyTier'),
  };
  await exportKpiTable({ ctx, input: { query: { from: value('from'), to: value('to'), filters }, format, out } });
  return new NextResponse(Buffer.concat(chunks), {
    headers: {
      ...NO_STORE,
      'content-type': CONTENT_TYPE[format],
      'content-disposition': `attachment; filename="holdfast-kpis.${format}"`,
    },
  });
});
