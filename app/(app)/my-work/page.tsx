import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CalendarCheck2 } from 'lucide-react';
import { TaskList } from '@/components/tasks/task-list';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { DUE_BUCKET_LABELS, groupByDue, type DueBucket } from '@/lib/work/due';
import { FIRST_RESPONSE_HOURS } from '@/lib/work/sla';
import { requirePermission, userActor } from '@/server/auth/session';
import { listMyOpenTasks, TASK_LIST_LIMIT } from '@/server/queries/tasks';

export const metadata: Metadata = { title: 'My work' };

const BUCKETS: { bucket: DueBucket; empty: string }[] = [
  { bucket: 'overdue', empty: 'Nothing overdue.' },
  { bucket: 'today', empty: 'Nothing else due today.' },
  { bucket: 'upcoming', empty: 'Nothing scheduled later.' },
];

/** The signed-in CSM's open tasks by urgency, each with its first-response SLA. Executives hold no work. */
export default async function MyWorkPage() {
  await connection();
  const user = await requirePermission('tasks.write');
  const now = new Date();
  const tasks = await listMyOpenTasks({ ctx: { db: await getDb(), actor: userActor(user) } });
  const groups = groupByDue(tasks, now);

  return (
    <>
      <PageHeader
        title="My work"
        description={`Open tasks assigned to you. Every task needs a first response — completing it, or logging an activity on its customer — within ${FIRST_RESPONSE_HOURS} hours of being opened. Times are in UTC.`}
      />
      {tasks.length === 0 ? (
        <Card>
          <EmptyState icon={CalendarCheck2} title="You're all caught up">
            New tasks appear here when you or a lead create them, or when a risk alert opens one on your accounts.
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          {tasks.length >= TASK_LIST_LIMIT && (
            <p className="text-sm text-zinc-600">Showing your {TASK_LIST_LIMIT} most urgent open tasks.</p>
          )}
          {BUCKETS.map(({ bucket, empty }) => (
            <Card key={bucket}>
              <CardHeader className="flex items-baseline justify-between gap-2">
                <CardTitle>
                  <span id={`${bucket}-heading`}>{DUE_BUCKET_LABELS[bucket]}</span>
                </CardTitle>
                <CardDescription className="mt-0">{groups[bucket].length}</CardDescription>
              </CardHeader>
              {groups[bucket].length === 0 ? (
                <p className="px-5 py-4 text-sm text-zinc-600">{empty}</p>
              ) : (
                <TaskList tasks={groups[bucket]} viewer={user} now={now} label={DUE_BUCKET_LABELS[bucket]} />
              )}
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
