import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ScrollText } from 'lucide-react';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { LogPagination } from '@/components/data-table/log-pagination';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { auditSearchString, parseAuditQuery } from '@/lib/validation/audit';
import { requirePermission, userActor } from '@/server/auth/session';
import { listAuditActors, listAuditEntries } from '@/server/queries/audit-log';

export const metadata: Metadata = { title: 'Audit log' };

type AuditPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: AuditPageProps) {
  await connection();
  const user = await requirePermission('audit.read');
  const query = parseAuditQuery(await searchParams);
  const ctx = { db: await getDb(), actor: userActor(user) };
  const [page, actors] = await Promise.all([listAuditEntries({ ctx, query }), listAuditActors({ ctx })]);
  const { after: _after, before: _before, ...filter } = query;
  const filtered = Object.keys(filter).length > 0;
  const paged = query.after !== undefined || query.before !== undefined;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made by a person or by the system, with what it was before and after. Times are in UTC."
      />
      <div className="space-y-6">
        <Card>
          <CardContent>
            {/* Keyed by the filter so that its fields show the URL's values after Clear or Back, not the last ones typed. */}
            <AuditFilters key={auditSearchString(filter)} filter={filter} actors={actors} />
          </CardContent>
        </Card>
        <Card>
          {page.entries.length === 0 ? (
            <EmptyState
              icon={ScrollText}
              title={filtered || paged ? 'No entries match these filters' : 'No audit entries yet'}
            >
              {filtered || paged
                ? 'Widen the date range or clear a filter to see more.'
                : 'Changes to users and, later, to customers and settings are recorded here as they happen.'}
            </EmptyState>
          ) : (
            <AuditTable entries={page.entries} />
          )}
          {(page.entries.length > 0 || paged) && (
            <LogPagination
              label="Audit log pages"
              newestHref={`/admin/audit${auditSearchString(filter)}`}
              previousHref={page.newer ? `/admin/audit${auditSearchString(filter, { before: page.newer })}` : null}
              nextHref={page.older ? `/admin/audit${auditSearchString(filter, { after: page.older })}` : null}
              paged={paged}
            />
          )}
        </Card>
      </div>
    </>
  );
}
