import { NextResponse } from 'next/server';
import { getImportJob, jobIdFromUrl } from '@/server/queries/import-jobs';
import { NO_STORE, permittedRoute } from '@/server/route';

/** An import job's status, counts, first errors and live progress: what the import page polls while a job runs. */
export const GET = permittedRoute<{ jobId: string }>('imports.run', async ({ ctx, params }) => {
  const jobId = jobIdFromUrl(params.jobId);
  return NextResponse.json(await getImportJob({ ctx, input: { jobId } }), { headers: NO_STORE });
});
