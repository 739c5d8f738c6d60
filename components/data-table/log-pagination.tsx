import Link from 'next/link';
import { PrevNextLinks } from './prev-next-links';

type LogPaginationProps = {
  /** Names the navigation landmark, e.g. "Audit log pages". */
  label: string;
  /** The first page under the same filter. */
  newestHref: string;
  /** Newer entries (Previous) and older ones (Next), each a keyset position in the URL; null when there are none. */
  previousHref: string | null;
  nextHref: string | null;
  paged: boolean;
};

/** The foot of a log read newest first: back to the newest, Previous and Next (no page numbers, no OFFSET). */
export function LogPagination({ label, newestHref, previousHref, nextHref, paged }: LogPaginationProps) {
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-2 border-t border-zinc-200 px-4 py-3">
      {paged ? (
        <Link href={newestHref} className="text-sm font-medium text-accent-800 hover:underline">
          Back to newest
        </Link>
      ) : (
        <span />
      )}
      <PrevNextLinks previousHref={previousHref} nextHref={nextHref} />
    </nav>
  );
}
