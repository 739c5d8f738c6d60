import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ArrowLeft } from 'lucide-react';
import { ImportJobLive } from '@/components/imports/import-job-panel';
import { Card, CardContent } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { formatDateTime } from '@/lib/format';
import type { ImportKind } from '@/lib/import/columns';
import { KIND_LABELS } from '@/lib/import/labels';
import { requirePermission, userActor } from '@/server/auth/session';
import { NotFoundError } from '@/server/errors';
import { getImportJob, jobIdFromUrl, type ImportJobDetailDTO } from '@/server/queries/import-jobs';
import type { ServiceContext } from '@/server/context';

export const metadata: Metadata = { title: 'Import' };

type ImportJobPageProps = { params: Promise<{ jobId: string }> };

async function findJob(ctx: ServiceContext, jobId: string): Promise<ImportJobDetailDTO | null> {
  try {
    return await getImportJob({ ctx, input: { jobId: jobIdFromUrl(jobId) } });
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export default async function ImportJobPage({ params }: ImportJobPageProps) {
  await connection();
  const user = await requirePermission('imports.run');
  const job = await findJob({ db: await getDb(), actor: userActor(user) }, (await params).jobId);
  if (!job) notFound();
  const kind = KIND_LABELS[job.kind as ImportKind]?.label ?? job.kind;

  return (
    <>
      <Link
        href="/imports"
        className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-accent-800 hover:underline"
      >
        <ArrowLeft aria-hidden className="size-4" /> Imports
      </Link>
      <PageHeader
        title={`${job.dryRun ? 'Dry run' : 'Import'} #${job.id}`}
        description={
          <>
            {kind} from <span className="font-medium text-zinc-800">{job.filename}</span>, started{' '}
            {formatDateTime(new Date(job.createdAt))} by {job.createdBy?.name ?? 'the system'}.
          </>
        }
      />
      <Card>
        <CardContent>
          <ImportJobLive initial={job} />
        </CardContent>
      </Card>
    </>
  );
}
