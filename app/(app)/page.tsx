import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Users } from 'lucide-react';
import { StatCard } from '@/components/overview/stat-card';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { formatCount, formatMoney } from '@/lib/format';
import { requireUser, userActor } from '@/server/auth/session';
import { getMyTaskCounts, getWorkspaceSummary } from '@/server/queries/overview';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  await connection();
  const user = await requireUser();
  const ctx = { db: await getDb(), actor: userActor(user) };
  const [summary, myTasks] = await Promise.all([getWorkspaceSummary({ ctx }), getMyTaskCounts({ ctx })]);

  return (
    <>
      <PageHeader
        title="Overview"
        description={`Welcome back, ${user.name}. The workspace at a glance, counted from the data as it is now.`}
      />
      <section aria-labelledby="my-work-heading" className="mb-8">
        <h2 id="my-work-heading" className="mb-3 text-sm font-semibold text-zinc-700">
          Your work
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard
            label="Your open tasks"
            value={formatCount(myTasks.open)}
            detail={
              myTasks.open === 0 ? 'Nothing assigned to you right now.' : `${formatCount(myTasks.overdue)} overdue`
            }
          />
        </dl>
      </section>
      <section aria-labelledby="workspace-heading">
        <h2 id="workspace-heading" className="mb-3 text-sm font-semibold text-zinc-700">
          Customers
        </h2>
        {summary.customers === 0 ? (
          <Card>
            <EmptyState
              icon={Users}
              title={
                <>
                  No customers yet — run <code className="font-mono">npx holdfast seed</code> or import data
                </>
              }
            >
              Then this page shows how many customers you have, how many churned recently and your current MRR.
            </EmptyState>
          </Card>
        ) : (
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <StatCard label="Customers" value={formatCount(summary.customers)} detail="All customers on record" />
            <StatCard
              label="Active"
              value={formatCount(summary.active)}
              detail="No churn date, today. The KPI page counts customers paying at a month end."
            />
            <StatCard
              label="Churned in the last 30 days"
              value={formatCount(summary.churnedLast30Days)}
              detail="By churn date"
            />
            <StatCard
              label="Current MRR"
              value={
                summary.mrr.length === 0
                  ? formatMoney(0, 'USD')
                  : summary.mrr.map((m) => (
                      <span key={m.currency} className="block">
                        {formatMoney(m.cents, m.currency)}
                      </span>
                    ))
              }
              detail={`${summary.mrr.length > 1 ? 'Per currency, not converted' : 'Sum of current monthly recurring revenue'}, today; the KPI page shows month ends.`}
            />
          </dl>
        )}
      </section>
    </>
  );
}
