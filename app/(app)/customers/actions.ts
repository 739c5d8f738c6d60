'use server';

import { refresh } from 'next/cache';
import { formatCount } from '@/lib/format';
import { assignOwnerSchema, createTasksSchema } from '@/lib/validation/customer-bulk';
import { createViewSchema, deleteViewSchema, renameViewSchema } from '@/lib/validation/saved-views';
import { validatedAction } from '@/server/action';
import { assignOwner, createTasksForCustomers } from '@/server/services/customer-bulk';
import { createSavedView, deleteSavedView, renameSavedView } from '@/server/services/saved-views';

const customers = (n: number) => (n === 1 ? '1 customer' : `${formatCount(n)} customers`);

/** What a bulk action left out, and why; '' when nothing was. */
function leftOut(erased: number): string {
  if (erased === 0) return '';
  return ` ${erased === 1 ? '1 erased customer was' : `${formatCount(erased)} erased customers were`} left out: their personal data was erased, so their records take no new work.`;
}

export const assignOwnerAction = validatedAction(assignOwnerSchema, 'customers.assignOwner', async ({ ctx, input }) => {
  const { matched, changed, erased, owner, movedTasks } = await assignOwner({ ctx, input });
  refresh();
  const already = matched - changed;
  return {
    ok: true,
    message: `${owner} now owns ${customers(changed)}${movedTasks > 0 ? `, with ${movedTasks === 1 ? 'their 1 open task' : `their ${formatCount(movedTasks)} open tasks`}` : ''}.${already > 0 ? ` ${customers(already)} already had ${owner} as owner.` : ''}${leftOut(erased)}`,
  };
});

export const createTasksAction = validatedAction(createTasksSchema, 'tasks.write', async ({ ctx, input }) => {
  const { changed, erased } = await createTasksForCustomers({ ctx, input });
  refresh();
  return {
    ok: true,
    message: `Created ${changed === 1 ? '1 task' : `${formatCount(changed)} tasks`}.${leftOut(erased)}`,
  };
});

export const createViewAction = validatedAction(createViewSchema, 'views.save', async ({ ctx, input }) => {
  const view = await createSavedView({ ctx, input });
  refresh();
  return { ok: true, message: `Saved the view “${view.name}”.`, data: { id: view.id, search: view.search } };
});

export const renameViewAction = validatedAction(renameViewSchema, 'views.save', async ({ ctx, input }) => {
  const { name } = await renameSavedView({ ctx, input });
  refresh();
  return { ok: true, message: `Renamed the view to “${name}”.` };
});

export const deleteViewAction = validatedAction(deleteViewSchema, 'views.save', async ({ ctx, input }) => {
  const { name } = await deleteSavedView({ ctx, input });
  refresh();
  return { ok: true, message: `Deleted the view “${name}”.` };
});
