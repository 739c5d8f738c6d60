import { jobIdFromUrl } from '@/server/queries/import-jobs';
import { NO_STORE, permittedRoute } from '@/server/route';
import { openErrorReport } from '@/server/services/import-error-report';

/** Downloads a job's error report CSV; which file is decided by the job id alone. */
export const GET = permittedRoute<{ jobId: string }>('imports.run', async ({ ctx, params }) => {
  const jobId = jobIdFromUrl(params.jobId);
  const report = await openErrorReport({ ctx, input: { jobId } });
  return new Response(report.body, {
    headers: {
      ...NO_STORE,
      'content-type': 'text/csv; charset=utf-8',
      'content-length': String(report.size),
      'content-disposition': `attachment; filename="${report.filename}"`,
      'x-content-type-options': 'nosniff',
    },
  });
});
