import type { Metadata } from 'next';
import { connection } from 'next/server';
import { History } from 'lucide-react';
import { ImportHistoryPages } from '@/components/imports/import-history-pages';
import { ImportJobsTable } from '@/components/imports/import-jobs-table';
import { ImportWizard } from '@/components/imports/import-wizard';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { importHistoryQuerySchema } from '@/lib/validation/imports';
import { requirePermission, userActor } from '@/server/auth/session';
import { listImportJobs } from '@/server/queries/import-jobs';
import { uploadLimit } from '@/server/services/import-uploads';
import { previewImportAction, startImportAction } from './actions';

export const metadata: Metadata = { title: 'Imports' };

type ImportsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportsPage({ searchParams }: ImportsPageProps) {
  await connection();
  const user = await requirePermission('imports.run');
  const { before } = await searchParams;
  const query = importHistoryQuerySchema.parse({ before: Array.isArray(before) ? before[0] : before });
  const history = await listImportJobs({ ctx: { db: await getDb(), actor: userActor(user) }, query });

  return (
    <>
      <PageHeader
        title="Imports"
        description="Bring customers and their history in from CSV files. Check the mapping and a preview, try a dry run, then import; rows with problems are reported by line and the rest are imported."
      />
      <div className="space-y-10">
        <ImportWizard maxBytes={uploadLimit()} previewAction={previewImportAction} startAction={startImportAction} />
        <section aria-labelledby="import-history-heading">
          <h2 id="import-history-heading" className="mb-3 text-lg font-semibold tracking-tight text-zinc-900">
            History
          </h2>
          <Card>
            {history.jobs.length === 0 ? (
              <EmptyState icon={History} title={query.before ? 'No older imports' : 'No imports yet'}>
                Every import and dry run is listed here, from this page or the{' '}
                <code className="font-mono">holdfast import</code> command.
              </EmptyState>
            ) : (
              <ImportJobsTable jobs={history.jobs} />
            )}
            <ImportHistoryPages olderThan={history.olderThan} paged={query.before !== undefined} />
          </Card>
        </section>
      </div>
    </>
  );
}
