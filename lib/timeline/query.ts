import { z } from 'zod';
import { isInstant } from '@/lib/validation/dates';
import { parseId } from '@/lib/validation/ids';
import { TIMELINE_KINDS, type TimelineCursor, type TimelineKind } from './items';

/**
 * The timeline's URL state: which kinds to show (`type`, repeated, as a GET form of checkboxes sends them; absent =
 * all) and how far the reader has loaded (`through`, the cursor of the last item shown). A reload or a shared link
 * shows the same items.
 */
export type TimelineQuery = { kinds: TimelineKind[]; through: TimelineCursor | null };

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)~(\d{1,2})~(\d{1,15})$/;

export function encodeTimelineCursor(cursor: TimelineCursor): string {
  return `${cursor.at}~${cursor.rank}~${cursor.id}`;
}

export function decodeTimelineCursor(value: string): TimelineCursor | null {
  const match = CURSOR.exec(value);
  const id = match && parseId(match[3], 'bigint');
  if (!match || !id || !isInstant(match[1])) return null;
  const rank = Number(match[2]);
  if (rank >= TIMELINE_KINDS.length) return null;
  return { at: match[1], rank, id };
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const kindsSchema = z
  .array(z.string().max(40))
  .max(TIMELINE_KINDS.length * 2)
  .transform((values) => TIMELINE_KINDS.filter((kind) => values.includes(kind)));

/** Lenient like every URL parser here: unknown kinds and malformed cursors are dropped, never an error. */
export function parseTimelineQuery(searchParams: SearchParams): TimelineQuery {
  const raw = searchParams.type;
  const types = kindsSchema.safeParse(raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
  const kinds = types.success && types.data.length > 0 ? types.data : [...TIMELINE_KINDS];
  const through = first(searchParams.through);
  return { kinds, through: through ? decodeTimelineCursor(through) : null };
}

/** The search string of a timeline state (other page parameters are not the timeline's). */
export function timelineSearch(query: TimelineQuery): string {
  const params = new URLSearchParams();
  if (query.kinds.length < TIMELINE_KINDS.length) for (const kind of query.kinds) params.append('type', kind);
  if (query.through) params.set('through', encodeTimelineCursor(query.through));
  const search = params.toString();
  return search ? `?${search}` : '';
}
