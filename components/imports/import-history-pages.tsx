import { ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

/** Older jobs one keyset page at a time (jobs before an id), and the way back to the newest. */
export function ImportHistoryPages({ olderThan, paged }: { olderThan: number | null; paged: boolean }) {
  if (!olderThan && !paged) return null;
  return (
    <nav
      aria-label="Import history pages"
      className="flex items-center justify-between gap-2 border-t border-zinc-200 px-4 py-3"
    >
      {paged ? (
        <Link href="/imports" className="text-sm font-medium text-accent-800 hover:underline">
          Back to newest
        </Link>
      ) : (
        <span />
      )}
      {olderThan && (
        <Link href={`/imports?before=${olderThan}`} className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
          Older <ChevronRight aria-hidden />
        </Link>
      )}
    </nav>
  );
}
