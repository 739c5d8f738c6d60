import Link from 'next/link';
import { PrevNextLinks } from '@/components/data-table/prev-next-links';
import { auditSearchString, type AuditCursor, type AuditFilter } from '@/lib/validation/audit';

type AuditPaginationProps = { filter: AuditFilter; newer: AuditCursor | null; older: AuditCursor | null; paged: boolean };

/** Previous = newer entries, Next = older ones, each a keyset position in the URL (no page numbers, no OFFSET). */
export function AuditPagination({ filter, newer, older, paged }: AuditPaginationProps) {
  return (
    <nav aria-label="Audit log pages" className="flex items-center justify-between gap-2 border-t border-zinc-200 px-4 py-3">
      {paged ? (
        <Link href={`/admin/audit${auditSearchString(filter)}`} className="text-sm font-medium text-accent-800 hover:underline">
          Back to newest
        </Link>
      ) : (
        <span />
      )}
      <PrevNextLinks
        previousHref={newer ? `/admin/audit${auditSearchString(filter, { before: newer })}` : null}
        nextHref={older ? `/admin/audit${auditSearchString(filter, { after: older })}` : null}
      />
    </nav>
  );
}
