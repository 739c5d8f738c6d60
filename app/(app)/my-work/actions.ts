'use server';

import { completeTaskSchema, createTaskSchema, editTaskSchema, reassignTaskSchema } from '@/lib/validation/tasks';
import { validatedAction } from '@/server/action';
import { revalidateWork } from '@/server/revalidate-work';
import { completeTask, createTask, editTask, reassignTask } from '@/server/services/tasks';

/*
 * Task actions, shared by My work, the team view and the customer profile. Each is a public endpoint: the wrapper
 * checks the session and the role's permission, the service checks the task or account itself.
 */

export const createTaskAction = validatedAction(createTaskSchema, 'tasks.write', async ({ ctx, input }) => {
  const task = await createTask({ ctx, input });
  revalidateWork(task.customerId);
  return { ok: true, message: `Task “${task.title}” created.` };
});

export const editTaskAction = validatedAction(editTaskSchema, 'tasks.write', async ({ ctx, input }) => {
  const task = await editTask({ ctx, input });
  revalidateWork(task.customerId);
  return { ok: true, message: 'Task saved.' };
});

export const completeTaskAction = validatedAction(completeTaskSchema, 'tasks.write', async ({ ctx, input }) => {
  const task = await completeTask({ ctx, input });
  revalidateWork(task.customerId);
  return { ok: true, message: `“${task.title}” is done.` };
});

export const reassignTaskAction = validatedAction(reassignTaskSchema, 'tasks.assign', async ({ ctx, input }) => {
  const { task, assignee } = await reassignTask({ ctx, input });
  revalidateWork(task.customerId);
  return { ok: true, message: `“${task.title}” is now with ${assignee.name}.` };
});
