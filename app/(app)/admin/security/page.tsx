import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ShieldAlert } from 'lucide-react';
import { LogPagination } from '@/components/data-table/log-pagination';
import { SecurityFilters } from '@/components/security/security-filters';
import { SecurityTable } from '@/components/security/security-table';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { parseSecurityQuery, securitySearchString } from '@/lib/validation/security-log';
import { requirePermission, userActor } from '@/server/auth/session';
import { listSecurityEvents, listSecurityUsers } from '@/server/queries/security-log';
import { securityLogRetentionDays } from '@/server/security-log';

export const metadata: Metadata = { title: 'Security log' };

type SecurityPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SecurityPage({ searchParams }: SecurityPageProps) {
  await connection();
  const user = await requirePermission('security.read');
  const query = parseSecurityQuery(await searchParams);
  const ctx = { db: await getDb(), actor: userActor(user) };
  const [page, users] = await Promise.all([listSecurityEvents({ ctx, query }), listSecurityUsers({ ctx })]);
  const { after: _after, before: _before, ...filter } = query;
  const filtered = Object.keys(filter).length > 0;
  const paged = query.after !== undefined || query.before !== undefined;
  const href = (position?: Parameters<typeof securitySearchString>[1]) =>
    `/admin/security${securitySearchString(filter, position)}`;

  return (
    <>
      <PageHeader
        title="Security log"
        description={`Sign-ins, failed sign-ins, lockouts, sign-outs and refused requests, with the address they came from. Kept for ${securityLogRetentionDays()} days; times are in UTC.`}
      />
      <div className="space-y-6">
        <Card>
          <CardContent>
            {/* Keyed by the filter so that its fields show the URL's values after Clear or Back, not the last ones typed. */}
            <SecurityFilters key={securitySearchString(filter)} filter={filter} users={users} />
          </CardContent>
        </Card>
        <Card>
          {page.entries.length === 0 ? (
            <EmptyState
              icon={ShieldAlert}
              title={filtered || paged ? 'No events match these filters' : 'No security events yet'}
            >
              {filtered || paged
                ? 'Widen the date range or clear a filter to see more.'
                : 'Sign-ins and refused requests are recorded here as they happen.'}
            </EmptyState>
          ) : (
            <SecurityTable events={page.entries} />
          )}
          {(page.entries.length > 0 || paged) && (
            <LogPagination
              label="Security log pages"
              newestHref={href()}
              previousHref={page.newer ? href({ before: page.newer }) : null}
              nextHref={page.older ? href({ after: page.older }) : null}
              paged={paged}
            />
          )}
        </Card>
      </div>
    </>
  );
}
