import { History } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate } from '@/lib/format';
import { TIMELINE_KINDS, type TimelineItem, type TimelinePage } from '@/lib/timeline/items';
import { timelineSearch, type TimelineQuery } from '@/lib/timeline/query';
import { TimelineEntry } from './timeline-entry';
import { TimelineFilters } from './timeline-filters';

type CustomerTimelineProps = { basePath: string; query: TimelineQuery; page: TimelinePage };

function byDay(items: TimelineItem[]): [string, TimelineItem[]][] {
  const days = new Map<string, TimelineItem[]>();
  for (const item of items) {
    const day = item.cursor.at.slice(0, 10);
    if (!days.has(day)) days.set(day, []);
    days.get(day)!.push(item);
  }
  return [...days];
}

/**
 * Everything that happened to the customer, newest first, grouped by UTC day. "Load more" is a link that moves
 * `through` to the last item shown: the next page appears under the ones already read, and the URL keeps it.
 */
export function CustomerTimeline({ basePath, query, page }: CustomerTimelineProps) {
  const filtered = query.kinds.length < TIMELINE_KINDS.length;
  return (
    <section aria-labelledby="timeline-heading" className="rounded-lg border border-zinc-200 bg-white shadow-xs">
      <div className="space-y-3 border-b border-zinc-200 px-5 py-4">
        <h2 id="timeline-heading" className="text-base font-semibold text-zinc-900">
          Timeline
        </h2>
        <TimelineFilters key={query.kinds.join(',')} action={basePath} selected={query.kinds} />
      </div>
      {page.items.length === 0 ? (
        <EmptyState icon={History} title={filtered ? 'Nothing of these kinds yet' : 'Nothing has happened yet'}>
          {filtered
            ? 'Tick more kinds above to see more.'
            : 'Orders, usage, tickets, feedback, activities and changes appear here as they happen.'}
        </EmptyState>
      ) : (
        <div className="px-5 pb-2">
          {byDay(page.items).map(([day, items]) => (
            <div key={day}>
              <h3 className="sticky top-14 z-10 -mx-5 border-b border-zinc-100 bg-white/95 px-5 pt-3 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase backdrop-blur">
                {formatDate(new Date(`${day}T00:00:00Z`))}
              </h3>
              <ol
                className="divide-y divide-zinc-100"
                aria-label={`Events on ${formatDate(new Date(`${day}T00:00:00Z`))}`}
              >
                {items.map((item) => (
                  <TimelineEntry key={`${item.kind}-${item.cursor.id}`} item={item} />
                ))}
              </ol>
            </div>
          ))}
        </div>
      )}
      <div className="flex items-center justify-between gap-2 border-t border-zinc-200 px-5 py-3 text-sm text-zinc-600">
        <span>
          {page.items.length} {page.items.length === 1 ? 'item' : 'items'}
          {page.more ? '' : page.items.length > 0 ? ', the whole history' : ''}
        </span>
        {page.more && (
          <Link
            href={`${basePath}${timelineSearch({ kinds: query.kinds, through: page.more })}`}
            scroll={false}
            className={buttonVariants({ variant: 'secondary', size: 'sm' })}
          >
            Load more
          </Link>
        )}
      </div>
    </section>
  );
}
