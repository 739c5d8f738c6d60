import Link from 'next/link';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { cn } from '@/lib/cn';
import { formatCount } from '@/lib/format';
import type { TeamMemberLoad } from '@/server/queries/tasks';

export function memberKey(row: { userId: number | null }): string {
  return row.userId === null ? 'unassigned' : String(row.userId);
}

type TeamLoadTableProps = { rows: TeamMemberLoad[]; selected: string | null };

/** Open work per person, with a bar scaled to the busiest, so that imbalances show at a glance. */
export function TeamLoadTable({ rows, selected }: TeamLoadTableProps) {
  const busiest = Math.max(1, ...rows.map((row) => row.open));
  return (
    <Table>
      <caption className="sr-only">Open tasks per team member</caption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Person</TableHeaderCell>
          <TableHeaderCell className="w-1/3">Open tasks</TableHeaderCell>
          <TableHeaderCell className="text-right">Overdue</TableHeaderCell>
          <TableHeaderCell className="text-right">Due today</TableHeaderCell>
          <TableHeaderCell className="text-right">High or urgent</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const key = memberKey(row);
          const current = key === selected;
          return (
            <TableRow key={key} className={cn(current && 'bg-accent-50')}>
              <TableCell>
                <Link
                  href={`/team?member=${key}`}
                  aria-current={current ? 'true' : undefined}
                  className="font-medium text-accent-800 hover:underline"
                >
                  {row.name}
                </Link>
                {row.role && <span className="block text-xs text-zinc-500">{ROLE_LABELS[row.role]}</span>}
              </TableCell>
              <TableCell>
                <div className="flex items-center gap-2">
                  <span className="w-10 text-right tabular-nums">{formatCount(row.open)}</span>
                  <span aria-hidden className="h-2 flex-1 rounded-full bg-zinc-100">
                    <span
                      className="block h-2 rounded-full bg-accent-600"
                      style={{ width: `${(row.open / busiest) * 100}%` }}
                    />
                  </span>
                </div>
              </TableCell>
              <TableCell className={cn('text-right tabular-nums', row.overdue > 0 && 'font-semibold text-red-700')}>
                {formatCount(row.overdue)}
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatCount(row.dueToday)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatCount(row.urgent)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
