import 'server-only';
import { readTimeline } from '@/db/queries/timeline';
import type { TimelineItem, TimelinePage } from '@/lib/timeline/items';
import type { TimelineQuery } from '@/lib/timeline/query';
import { assertCan, type ServiceContext } from '../context';

export const TIMELINE_PAGE_SIZE = 25;
/** The most a URL can ask to show at once; "load more" continues from there. */
export const TIMELINE_MAX_LOADED = 500;

function page(items: TimelineItem[], size: number): TimelinePage {
  return items.length > size ? { items: items.slice(0, size), more: items[size - 1].cursor } : { items, more: null };
}

/**
 * The timeline as the URL asks for it: the newest page, or everything from the newest item down to `through` (what
 * the reader has loaded so far) followed by the next page. Two keyset reads at most, each bounded.
 */
export async function getCustomerTimeline({
  ctx,
  customerId,
  query,
  pageSize = TIMELINE_PAGE_SIZE,
}: {
  ctx: ServiceContext;
  customerId: number;
  query: TimelineQuery;
  pageSize?: number;
}): Promise<TimelinePage> {
  assertCan(ctx.actor, 'customers.read');
  const { kinds, through } = query;
  if (!through)
    return page(await readTimeline(ctx.db, { customerId, kinds, bound: null, limit: pageSize + 1 }), pageSize);

  const loaded = await readTimeline(ctx.db, {
    customerId,
    kinds,
    bound: { direction: 'atOrNewer', cursor: through },
    limit: TIMELINE_MAX_LOADED + 1,
  });
  if (loaded.length > TIMELINE_MAX_LOADED) return page(loaded, TIMELINE_MAX_LOADED);
  const next = await readTimeline(ctx.db, {
    customerId,
    kinds,
    bound: { direction: 'older', cursor: through },
    limit: pageSize + 1,
  });
  const rest = page(next, pageSize);
  return { items: [...loaded, ...rest.items], more: rest.more };
}
