'use client';

import Link from 'next/link';
import { useState } from 'react';
import { bulkReassignAction } from '@/app/(app)/team/actions';
import { FormResult } from '@/components/forms/form-result';
import { useFormAction } from '@/components/forms/use-form-action';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { LiveStatus } from '@/components/ui/live-status';
import { Select } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/cn';
import { formatCount } from '@/lib/format';
import { PRIORITY_LABELS, type Priority } from '@/lib/work/catalog';

export type ReassignableTask = {
  id: number;
  version: number;
  title: string;
  priority: Priority;
  customerId: number | null;
  customerName: string | null;
  due: string;
  overdue: boolean;
};

type BulkReassignFormProps = {
  tasks: ReassignableTask[];
  assignees: { id: number; name: string }[];
  memberName: string;
};

/**
 * Select open tasks and give them to one person in one go. Each selected task carries the version it was listed
 * with: if any changed meanwhile, none is moved and the lead is told which (server/services/tasks.ts).
 */
export function BulkReassignForm({ tasks, assignees, memberName }: BulkReassignFormProps) {
  const { state, pending, formProps } = useFormAction(bulkReassignAction);
  const [ticked, setSelected] = useState<Set<number>>(new Set());
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  // Only tasks still listed count: after a reassignment the moved ones leave the list, and with them the selection.
  const selected = new Set(tasks.filter((task) => ticked.has(task.id)).map((task) => task.id));

  const allSelected = tasks.length > 0 && selected.size === tasks.length;
  const toggle = (id: number) =>
    setSelected(() => {
      const next = new Set(selected);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <form {...formProps} noValidate aria-label={`Reassign tasks of ${memberName}`}>
      <LiveStatus>
        {selected.size === 0
          ? ''
          : selected.size === 1
            ? '1 task selected'
            : `${formatCount(selected.size)} tasks selected`}
      </LiveStatus>
      <div className="flex flex-col gap-3 border-b border-zinc-200 px-5 py-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-1">
          <label htmlFor="bulk-assignee" className="block text-sm font-medium text-zinc-800">
            Reassign the selected tasks to
          </label>
          <div className="flex gap-2">
            <Select
              id="bulk-assignee"
              name="assigneeId"
              defaultValue=""
              className="w-56"
              aria-invalid={errors?.assigneeId ? true : undefined}
            >
              <option value="">Choose a person…</option>
              {assignees.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </Select>
            <Button type="submit" disabled={pending || selected.size === 0}>
              {pending ? 'Reassigning…' : `Reassign ${selected.size || ''}`.trim()}
            </Button>
          </div>
          {errors?.assigneeId && <p className="text-sm text-red-700">{errors.assigneeId.join(' ')}</p>}
          {errors?.tasks && <p className="text-sm text-red-700">{errors.tasks.join(' ')}</p>}
        </div>
        <FormResult state={state} className="sm:max-w-md" />
      </div>
      <Table>
        <caption className="sr-only">Open tasks of {memberName}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell className="w-10">
              <input
                type="checkbox"
                aria-label="Select all tasks"
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(tasks.map((t) => t.id)))}
                className="size-4 accent-accent-700"
              />
            </TableHeaderCell>
            <TableHeaderCell>Task</TableHeaderCell>
            <TableHeaderCell>Customer</TableHeaderCell>
            <TableHeaderCell>Due</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {tasks.map((task) => (
            <TableRow key={task.id} className={cn(selected.has(task.id) && 'bg-accent-50')}>
              <TableCell>
                <input
                  type="checkbox"
                  name="tasks"
                  value={`${task.id}:${task.version}`}
                  checked={selected.has(task.id)}
                  onChange={() => toggle(task.id)}
                  aria-label={`Select “${task.title}”`}
                  className="size-4 accent-accent-700"
                />
              </TableCell>
              <TableCell>
                <span className="font-medium text-zinc-900">{task.title}</span>
                {task.priority !== 'normal' && task.priority !== 'low' && (
                  <Badge tone={task.priority === 'urgent' ? 'danger' : 'warning'} className="ml-2">
                    {PRIORITY_LABELS[task.priority]}
                  </Badge>
                )}
              </TableCell>
              <TableCell>
                {task.customerId !== null ? (
                  <Link href={`/customers/${task.customerId}`} className="text-accent-800 hover:underline">
                    {task.customerName}
                  </Link>
                ) : (
                  <span className="text-zinc-500">Personal</span>
                )}
              </TableCell>
              <TableCell className={cn('whitespace-nowrap', task.overdue && 'font-medium text-red-700')}>
                {task.due}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </form>
  );
}
