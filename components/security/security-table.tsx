import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { securityEventLabel } from '@/lib/auth/security-events';
import { formatDateTime } from '@/lib/format';
import type { SecurityEventDTO } from '@/server/queries/security-log';

const TONE: Record<string, 'success' | 'warning' | 'danger' | 'neutral'> = {
  signIn: 'success',
  signOut: 'neutral',
  signInFailed: 'warning',
  lockout: 'danger',
  forbidden: 'danger',
  unauthenticated: 'warning',
};

export function SecurityTable({ events }: { events: SecurityEventDTO[] }) {
  return (
    <Table>
      <caption className="sr-only">Security events, newest first</caption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell>Event</TableHeaderCell>
          <TableHeaderCell>Who</TableHeaderCell>
          <TableHeaderCell>From</TableHeaderCell>
          <TableHeaderCell>What was refused</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {events.map((event) => (
          <TableRow key={event.id}>
            <TableCell className="whitespace-nowrap text-zinc-700">
              <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt)}</time>
            </TableCell>
            <TableCell>
              <Badge tone={TONE[event.kind] ?? 'neutral'}>{securityEventLabel(event.kind)}</Badge>
              {event.detail && <span className="mt-1 block text-xs text-zinc-600">{event.detail}</span>}
            </TableCell>
            <TableCell>
              {event.userName && <span className="block font-medium text-zinc-900">{event.userName}</span>}
              <span className="block text-zinc-600 wrap-anywhere">{event.email ?? (event.userName ? '' : '—')}</span>
            </TableCell>
            <TableCell>
              <span className="block font-mono text-sm text-zinc-900">{event.ip ?? 'unknown'}</span>
              {event.userAgent && (
                <span className="block max-w-64 truncate text-xs text-zinc-600" title={event.userAgent}>
                  {event.userAgent}
                </span>
              )}
            </TableCell>
            <TableCell>
              {event.target && <span className="block text-zinc-900">{event.target}</span>}
              {event.permission && <code className="block font-mono text-xs text-zinc-600">{event.permission}</code>}
              {!event.target && !event.permission && '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
