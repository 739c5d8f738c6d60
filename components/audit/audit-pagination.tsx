import { ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/lib/cn';
import { auditSearchString, type AuditCursor, type AuditFilter } from '@/lib/validation/audit';

type AuditPaginationProps = { filter: AuditFilter; newer: AuditCursor | null; older: AuditCursor | null; paged: boolean };

const linkClasses = cn(buttonVariants({ variant: 'secondary', size: 'sm' }));
const disabledClasses = cn(linkClasses, 'pointer-events-none opacity-50');

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
      <div className="flex gap-2">
        {newer ? (
          <Link href={`/admin/audit${auditSearchString(filter, { before: newer })}`} className={linkClasses}>
            <ChevronLeft aria-hidden /> Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClasses}>
            <ChevronLeft aria-hidden /> Previous
          </span>
        )}
        {older ? (
          <Link href={`/admin/audit${auditSearchString(filter, { after: older })}`} className={linkClasses}>
            Next <ChevronRight aria-hidden />
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClasses}>
            Next <ChevronRight aria-hidden />
          </span>
        )}
      </div>
    </nav>
  );
}
