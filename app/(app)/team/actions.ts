'use server';

import { bulkReassignSchema } from '@/lib/validation/tasks';
import { validatedAction } from '@/server/action';
import { revalidateWork } from '@/server/revalidate-work';
import { bulkReassignTasks } from '@/server/services/tasks';

export const bulkReassignAction = validatedAction(bulkReassignSchema, 'tasks.assign', async ({ ctx, input }) => {
  const { reassigned, unchanged, assignee } = await bulkReassignTasks({ ctx, input });
  revalidateWork();
  const already = unchanged > 0 ? ` (${unchanged} already ${unchanged === 1 ? 'was' : 'were'})` : '';
  return {
    ok: true,
    message: `${reassigned} ${reassigned === 1 ? 'task' : 'tasks'} reassigned to ${assignee.name}${already}.`,
  };
});
