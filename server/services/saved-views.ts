import 'server-only';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { savedViews, users } from '@/db/schema';
import { parseCustomerListQuery, searchParamsOf, viewStateSearch } from '@/lib/validation/customer-list';
import type { CreateViewInput, DeleteViewInput, RenameViewInput } from '@/lib/validation/saved-views';
import { writeAudit } from '../audit';
import { assertCan, type Actor, type ServiceContext } from '../context';
import { ForbiddenError, NotFoundError, RuleError } from '../errors';

/** The table a view belongs to; one list has views today. */
export const CUSTOMER_VIEWS = 'customers';

export type SavedViewDTO = {
  id: number;
  name: string;
  shared: boolean;
  /** The list's search string ("?..."), as the list page reads it. */
  search: string;
  ownerId: number;
  ownerName: string;
  /** Whether the reader may rename or delete it. */
  editable: boolean;
};

const viewColumns = {
  id: savedViews.id,
  name: savedViews.name,
  shared: savedViews.shared,
  state: savedViews.state,
  ownerId: savedViews.ownerId,
  ownerName: users.name,
};

/** Its creator manages a view; an admin also manages every shared one (e.g. when its creator has left). */
function mayEdit(actor: Actor, view: { ownerId: number; shared: boolean }): boolean {
  if (actor.kind === 'system') return true;
  return view.ownerId === actor.id || (view.shared && actor.role === 'admin');
}

function searchOf(state: Record<string, unknown>): string {
  return typeof state.search === 'string' ? state.search : '';
}

function toDTO(
  actor: Actor,
  row: {
    id: number;
    name: string;
    shared: boolean;
    state: Record<string, unknown>;
    ownerId: number;
    ownerName: string;
  },
): SavedViewDTO {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared,
    search: searchOf(row.state),
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    editable: mayEdit(actor, row),
  };
}

/** The reader's own views, then the shared views of others, each by name. */
export async function listSavedViews({ ctx }: { ctx: ServiceContext }): Promise<SavedViewDTO[]> {
  assertCan(ctx.actor, 'customers.read');
  const me = ctx.actor.kind === 'user' ? ctx.actor.id : -1;
  const rows = await ctx.db
    .select(viewColumns)
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .where(and(eq(savedViews.scope, CUSTOMER_VIEWS), or(eq(savedViews.ownerId, me), eq(savedViews.shared, true))))
    .orderBy(desc(sql`${savedViews.ownerId} = ${me}`), asc(savedViews.name), asc(savedViews.id));
  return rows.map((row) => toDTO(ctx.actor, row));
}

/** A view the reader may open (their own or a shared one), or null. */
export async function findSavedView({
  ctx,
  viewId,
}: {
  ctx: ServiceContext;
  viewId: number;
}): Promise<SavedViewDTO | null> {
  assertCan(ctx.actor, 'customers.read');
  const [row] = await ctx.db
    .select(viewColumns)
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .where(and(eq(savedViews.id, viewId), eq(savedViews.scope, CUSTOMER_VIEWS)));
  if (!row) return null;
  if (!row.shared && !(ctx.actor.kind === 'system' || row.ownerId === ctx.actor.id)) return null;
  return toDTO(ctx.actor, row);
}

async function assertNameFree(tx: Executor, ownerId: number, name: string, exceptId?: number): Promise<void> {
  const clash = await tx
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(
      and(
        eq(savedViews.scope, CUSTOMER_VIEWS),
        eq(savedViews.ownerId, ownerId),
        sql`lower(${savedViews.name}) = lower(${name})`,
      ),
    );
  if (clash.some((row) => row.id !== exceptId)) throw new RuleError('You already have a view with this name.', 'name');
}

/** Saves the list's current state as a view: personal, or shared with everyone (leads and admins). */
export async function createSavedView({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateViewInput;
}): Promise<SavedViewDTO> {
  assertCan(ctx.actor, 'views.save');
  if (input.shared) assertCan(ctx.actor, 'views.share');
  if (ctx.actor.kind !== 'user') throw new RuleError('Saved views belong to a user.');
  const actor = ctx.actor;
  // Only what the list parser reads is kept, in its own spelling; the page position is not part of a view.
  const search = viewStateSearch(parseCustomerListQuery(searchParamsOf(input.search)).query);
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, actor.id, input.name);
    const [row] = await tx
      .insert(savedViews)
      .values({ ownerId: actor.id, scope: CUSTOMER_VIEWS, name: input.name, shared: input.shared, state: { search } })
      .returning({ id: savedViews.id });
    await writeAudit(tx, actor, {
      action: 'view.create',
      entityType: 'savedView',
      entityId: row.id,
      after: { name: input.name, shared: input.shared, search },
    });
    return {
      id: row.id,
      name: input.name,
      shared: input.shared,
      search,
      ownerId: actor.id,
      ownerName: actor.name,
      editable: true,
    };
  });
}

async function lockEditableView(tx: Executor, actor: Actor, viewId: number) {
  const [view] = await tx
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.id, viewId), eq(savedViews.scope, CUSTOMER_VIEWS)))
    .for('update');
  const visible = view && (view.shared || actor.kind === 'system' || view.ownerId === actor.id);
  if (!visible) throw new NotFoundError('view');
  if (!mayEdit(actor, view))
    throw new ForbiddenError(
      'views.save',
      'Only the person who saved this view (or an admin, for a shared view) can change it.',
    );
  return view;
}

export async function renameSavedView({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RenameViewInput;
}): Promise<{ name: string }> {
  assertCan(ctx.actor, 'views.save');
  return ctx.db.transaction(async (tx) => {
    const view = await lockEditableView(tx, ctx.actor, input.viewId);
    await assertNameFree(tx, view.ownerId, input.name, view.id);
    await tx.update(savedViews).set({ name: input.name, updatedAt: new Date() }).where(eq(savedViews.id, view.id));
    await writeAudit(tx, ctx.actor, {
      action: 'view.rename',
      entityType: 'savedView',
      entityId: view.id,
      before: { name: view.name },
      after: { name: input.name },
    });
    return { name: input.name };
  });
}

export async function deleteSavedView({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: DeleteViewInput;
}): Promise<{ name: string }> {
  assertCan(ctx.actor, 'views.save');
  return ctx.db.transaction(async (tx) => {
    const view = await lockEditableView(tx, ctx.actor, input.viewId);
    await tx.delete(savedViews).where(eq(savedViews.id, view.id));
    await writeAudit(tx, ctx.actor, {
      action: 'view.delete',
      entityType: 'savedView',
      entityId: view.id,
      before: { name: view.name, shared: view.shared, search: searchOf(view.state) },
    });
    return { name: view.name };
  });
}
