import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { auditActionLabel, auditEntityLabel, auditEntitySubject } from '@/lib/audit/catalog';
import { formatDateTime } from '@/lib/format';
import type { AuditEntryDTO } from '@/server/queries/audit-log';
import { AuditDiff } from './audit-diff';

export function AuditTable({ entries }: { entries: AuditEntryDTO[] }) {
  return (
    <Table>
      <caption className="sr-only">Audit log entries, newest first</caption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell>Who</TableHeaderCell>
          <TableHeaderCell>Action</TableHeaderCell>
          <TableHeaderCell>Entity</TableHeaderCell>
          <TableHeaderCell>Changes</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry) => {
          const subject = auditEntitySubject(entry.before, entry.after);
          return (
            <TableRow key={entry.id}>
              <TableCell className="whitespace-nowrap text-zinc-700">
                <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
              </TableCell>
              <TableCell>
                {entry.actorId === null ? (
                  <span className="inline-flex items-center gap-2">
                    <Badge>System</Badge>
                    <span className="text-zinc-700">{entry.actorLabel}</span>
                  </span>
                ) : (
                  <>
                    <span className="block font-medium text-zinc-900">{entry.actorName ?? entry.actorLabel}</span>
                    <span className="block text-xs text-zinc-600">{entry.actorLabel}</span>
                  </>
                )}
              </TableCell>
              <TableCell>
                <span className="block text-zinc-900">{auditActionLabel(entry.action)}</span>
                <code className="block font-mono text-xs text-zinc-600">{entry.action}</code>
              </TableCell>
              <TableCell>
                <span className="block text-zinc-900">
                  {auditEntityLabel(entry.entityType)}
                  {entry.entityId && ` #${entry.entityId}`}
                </span>
                {subject && <span className="block text-xs text-zinc-600">{subject}</span>}
              </TableCell>
              <TableCell className="min-w-64">
                <AuditDiff before={entry.before} after={entry.after} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
