import type { Metadata } from 'next';
import { connection } from 'next/server';
import { UsersRound } from 'lucide-react';
import { BulkReassignForm } from '@/components/team/bulk-reassign-form';
import { memberKey, TeamLoadTable } from '@/components/team/team-load-table';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { formatDate } from '@/lib/format';
import { dueBucket } from '@/lib/work/due';
import { requirePermission, userActor } from '@/server/auth/session';
import { getTeamLoad, listAssignableUsers, listTeamTasks, TASK_LIST_LIMIT } from '@/server/queries/tasks';

export const metadata: Metadata = { title: 'Team' };

type TeamPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** For leads and admins: who carries how much open work, and moving tasks between people in bulk. */
export default async function TeamPage({ searchParams }: TeamPageProps) {
  await connection();
  const user = await requirePermission('tasks.assign');
  const ctx = { db: await getDb(), actor: userActor(user) };
  const now = new Date();
  const [load, people] = await Promise.all([getTeamLoad({ ctx, now }), listAssignableUsers({ ctx })]);

  // The member in the URL if they are in the table, else whoever has the most overdue work.
  const asked = (await searchParams).member;
  const member =
    load.find((row) => memberKey(row) === asked) ??
    [...load].filter((row) => row.open > 0).sort((a, b) => b.overdue - a.overdue || b.open - a.open)[0] ??
    null;
  const tasks = member ? await listTeamTasks({ ctx, assigneeId: member.userId }) : [];

  return (
    <>
      <PageHeader
        title="Team"
        description="Open tasks per person. Choose someone to see their tasks and hand some to a colleague. Times are in UTC."
      />
      <div className="space-y-6">
        <Card>
          <TeamLoadTable rows={load} selected={member ? memberKey(member) : null} />
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{member ? `Open tasks of ${member.name}` : 'Open tasks'}</CardTitle>
            {member && (
              <CardDescription>
                {tasks.length >= TASK_LIST_LIMIT
                  ? `The ${TASK_LIST_LIMIT} due soonest of ${member.open}.`
                  : `${tasks.length} open, soonest due first.`}
              </CardDescription>
            )}
          </CardHeader>
          {tasks.length === 0 ? (
            <EmptyState icon={UsersRound} title="No open tasks here">
              Choose a person with open tasks in the table above.
            </EmptyState>
          ) : (
            <BulkReassignForm
              key={member ? memberKey(member) : 'none'}
              memberName={member?.name ?? ''}
              assignees={people.filter((person) => person.id !== member?.userId)}
              tasks={tasks.map((task) => ({
                id: task.id,
                version: task.version,
                title: task.title,
                priority: task.priority,
                customerId: task.customerId,
                customerName: task.customerName,
                due: task.dueAt ? formatDate(task.dueAt) : 'No due date',
                overdue: dueBucket(task.dueAt, now) === 'overdue',
              }))}
            />
          )}
        </Card>
      </div>
    </>
  );
}
