import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { can, type Subject } from '@/lib/auth/permissions';
import { cn } from '@/lib/cn';
import { formatDate, formatDateTime } from '@/lib/format';
import { dayOfDueAt, dueBucket } from '@/lib/work/due';
import { PRIORITY_LABELS, taskSourceLabel, type Priority } from '@/lib/work/catalog';
import type { AssignableUser, TaskListItem } from '@/server/queries/tasks';
import { SlaBadge } from './sla-badge';
import { TaskActions } from './task-actions';

const PRIORITY_TONES: Record<Priority, 'neutral' | 'warning' | 'danger'> = {
  low: 'neutral',
  normal: 'neutral',
  high: 'warning',
  urgent: 'danger',
};

type TaskListProps = {
  tasks: TaskListItem[];
  viewer: Subject;
  now: Date;
  /** List label for assistive technology. */
  label: string;
  showCustomer?: boolean;
  showAssignee?: boolean;
  /** People a task can go to; shown (as Reassign) only to viewers who may assign. */
  assignees?: AssignableUser[];
};

/**
 * Tasks as a list of rows with what a CSM decides on: priority, due date, customer, first-response SLA, and the
 * actions this viewer may take on each one (decided here, on the server, per task).
 */
export function TaskList({
  tasks,
  viewer,
  now,
  label,
  showCustomer = true,
  showAssignee = false,
  assignees,
}: TaskListProps) {
  const mayAssign = can(viewer, 'tasks.assign');
  return (
    <ul aria-label={label} className="@container divide-y divide-zinc-200">
      {tasks.map((task) => {
        const open = task.status === 'open';
        const overdue = open && dueBucket(task.dueAt, now) === 'overdue';
        const canWork =
          open && can(viewer, 'tasks.write', { ownerId: task.customerOwnerId, assigneeId: task.assigneeId });
        return (
          <li
            key={task.id}
            className="flex flex-col gap-3 px-5 py-4 @xl:flex-row @xl:items-start @xl:justify-between"
            data-task-id={task.id}
          >
            <div className="min-w-0 space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <p className={cn('font-medium text-zinc-900', !open && 'text-zinc-600')}>{task.title}</p>
                {task.priority !== 'normal' && (
                  <Badge tone={PRIORITY_TONES[task.priority]}>{PRIORITY_LABELS[task.priority]}</Badge>
                )}
                {task.source !== 'manual' && <Badge tone="accent">{taskSourceLabel(task.source)}</Badge>}
                {open ? (
                  <SlaBadge createdAt={task.createdAt} respondedAt={task.respondedAt} now={now} />
                ) : (
                  <Badge tone={task.status === 'done' ? 'success' : 'neutral'}>
                    {task.status === 'done' ? 'Done' : 'Cancelled'}
                  </Badge>
                )}
              </div>
              <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-zinc-600">
                {showCustomer && task.customerId !== null && (
                  <Link href={`/customers/${task.customerId}`} className="font-medium text-accent-800 hover:underline">
                    {task.customerName}
                  </Link>
                )}
                {showCustomer && task.customerId === null && <span>Personal task</span>}
                {open ? (
                  <span className={cn(overdue && 'font-medium text-red-700')}>
                    {task.dueAt ? `${overdue ? 'Overdue since' : 'Due'} ${formatDate(task.dueAt)}` : 'No due date'}
                  </span>
                ) : (
                  task.completedAt && <span>Closed {formatDateTime(task.completedAt)}</span>
                )}
                {showAssignee && <span>{task.assigneeName ?? 'Unassigned'}</span>}
              </p>
              {task.description && open && <p className="text-sm text-zinc-600">{task.description}</p>}
              {task.outcome && !open && <p className="text-sm text-zinc-700">Outcome: {task.outcome}</p>}
            </div>
            {open && (canWork || mayAssign) && (
              <TaskActions
                task={{
                  id: task.id,
                  version: task.version,
                  title: task.title,
                  description: task.description,
                  priority: task.priority,
                  dueDate: task.dueAt ? dayOfDueAt(task.dueAt) : null,
                  assigneeId: task.assigneeId,
                }}
                canWork={canWork}
                assignees={mayAssign ? assignees : undefined}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
