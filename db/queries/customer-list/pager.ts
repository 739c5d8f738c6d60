import type { KeysetCursor, ListPage } from '@/lib/validation/customer-list';
import { flip } from './keys';
import type { PartArgs, SortPart } from './parts';
import type { CustomerRow } from './rows';

export type PositionedRow = { row: CustomerRow; cursor: KeysetCursor };
export type KeysetPageResult = { rows: PositionedRow[]; next: KeysetCursor | null; previous: KeysetCursor | null };

type PagerArgs = Pick<PartArgs, 'db' | 'where' | 'direction' | 'matches'> & { size: number };

/** A cursor that no longer fits the sort (another sort's link, a hand-edited URL) means the first page. */
function usable(parts: SortPart[], cursor: KeysetCursor | undefined): KeysetCursor | undefined {
  return cursor && cursor.part < parts.length && parts[cursor.part].validKey(cursor.key) ? cursor : undefined;
}

/** Up to `limit` rows walking the parts from a cursor, forwards (later parts) or backwards (earlier parts). */
async function collect(
  parts: SortPart[],
  args: PagerArgs,
  start: KeysetCursor | undefined,
  backwards: boolean,
  limit: number,
) {
  const out: PositionedRow[] = [];
  const step = backwards ? -1 : 1;
  const direction = backwards ? flip(args.direction) : args.direction;
  for (
    let part = start?.part ?? (backwards ? parts.length - 1 : 0);
    part >= 0 && part < parts.length && out.length < limit;
    part += step
  ) {
    const from = start && part === start.part ? start.key : null;
    const rows = await parts[part].rows({
      db: args.db,
      where: args.where,
      from,
      direction,
      limit: limit - out.length,
      matches: args.matches,
    });
    out.push(...rows.map(({ row, key }) => ({ row, cursor: { part, key } })));
  }
  return out;
}

/**
 * One keyset page of a sort made of parts: `after` pages forwards, `before` backwards; never OFFSET. One row more
 * than the page is read to know whether another page follows.
 */
export async function keysetPage(parts: SortPart[], args: PagerArgs, page?: ListPage): Promise<KeysetPageResult> {
  const after = page && 'after' in page ? usable(parts, page.after) : undefined;
  const before = page && 'before' in page ? usable(parts, page.before) : undefined;
  if (before) {
    const rows = await collect(parts, args, before, true, args.size + 1);
    // Back at the start with less than a full page: show the first page rather than a short one.
    if (rows.length <= args.size) return keysetPage(parts, args);
    const pageRows = rows.slice(0, args.size).reverse();
    return { rows: pageRows, previous: pageRows[0].cursor, next: pageRows[pageRows.length - 1].cursor };
  }
  const rows = await collect(parts, args, after, false, args.size + 1);
  const pageRows = rows.slice(0, args.size);
  return {
    rows: pageRows,
    previous: after && pageRows.length ? pageRows[0].cursor : null,
    next: rows.length > args.size ? pageRows[pageRows.length - 1].cursor : null,
  };
}
