'use server';

import {
  changeOwnerSchema,
  customerRefSchema,
  logActivitySchema,
  updateContactSchema,
} from '@/lib/validation/customer-work';
import { ACTIVITY_KIND_LABELS } from '@/lib/work/catalog';
import { validatedAction } from '@/server/action';
import { revalidateWork } from '@/server/revalidate-work';
import { logActivity } from '@/server/services/activities';
import { updateCustomerContact } from '@/server/services/customer-contact';
import { eraseCustomer } from '@/server/services/customer-erasure';
import { changeCustomerOwner } from '@/server/services/customer-owner';

export const logActivityAction = validatedAction(logActivitySchema, 'activities.write', async ({ ctx, input }) => {
  const activity = await logActivity({ ctx, input });
  revalidateWork(activity.customerId);
  return { ok: true, message: `${ACTIVITY_KIND_LABELS[activity.kind]} logged.` };
});

export const updateContactAction = validatedAction(
  updateContactSchema,
  'customers.updateContact',
  async ({ ctx, input }) => {
    const contact = await updateCustomerContact({ ctx, input });
    revalidateWork(contact.id);
    return { ok: true, message: 'Contact and consent saved.' };
  },
);

export const changeOwnerAction = validatedAction(changeOwnerSchema, 'customers.assignOwner', async ({ ctx, input }) => {
  const change = await changeCustomerOwner({ ctx, input });
  revalidateWork(change.customerId);
  if (!change.changed) return { ok: true, message: `${change.owner.name} already owns this account.` };
  const moved =
    change.movedTasks > 0
      ? ` ${change.movedTasks} open ${change.movedTasks === 1 ? 'task moves' : 'tasks move'} along.`
      : '';
  return { ok: true, message: `${change.owner.name} now owns this account.${moved}` };
});

export const eraseCustomerAction = validatedAction(customerRefSchema, 'customers.erase', async ({ ctx, input }) => {
  const report = await eraseCustomer({ ctx, input });
  revalidateWork(report.customerId);
  return { ok: true, message: 'Personal data erased. Orders, subscriptions and usage stay for reporting.' };
});
