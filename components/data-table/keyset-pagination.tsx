import Link from 'next/link';
import { LiveStatus } from '@/components/ui/live-status';
import { PrevNextLinks } from './prev-next-links';

type KeysetPaginationProps = {
  label: string;
  /** e.g. "Showing 50 of about 1,000,000 customers" */
  summary: string;
  previousHref: string | null;
  nextHref: string | null;
  firstHref: string | null;
  pageSizes: { size: number; href: string; current: boolean }[];
};

/** Previous / next by keyset position in the URL: no page numbers, because deep pages never cost an OFFSET. */
export function KeysetPagination({
  label,
  summary,
  previousHref,
  nextHref,
  firstHref,
  pageSizes,
}: KeysetPaginationProps) {
  return (
    <nav
      aria-label={label}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 px-4 py-3 text-sm"
    >
      <p className="text-zinc-600">
        {/* Announced when a search, filter or page changes the count. */}
        <LiveStatus visible>{summary}</LiveStatus>
        {firstHref && (
          <>
            {' · '}
            <Link href={firstHref} className="font-medium text-accent-800 hover:underline">
              Back to first page
            </Link>
          </>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <span className="flex items-center gap-1 text-zinc-600">
          Rows per page:
          {pageSizes.map((p) =>
            p.current ? (
              <span key={p.size} aria-current="true" className="rounded px-1.5 py-0.5 font-semibold text-zinc-900">
                {p.size}
              </span>
            ) : (
              <Link key={p.size} href={p.href} className="rounded px-1.5 py-0.5 text-accent-800 hover:bg-zinc-100">
                {p.size}
              </Link>
            ),
          )}
        </span>
        <PrevNextLinks previousHref={previousHref} nextHref={nextHref} />
      </div>
    </nav>
  );
}
