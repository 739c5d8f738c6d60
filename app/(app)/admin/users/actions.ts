'use server';

import { revalidatePath } from 'next/cache';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { resetPasswordSchema, unlockUserSchema } from '@/lib/validation/passwords';
import { changeRoleSchema, createUserSchema, setDisabledSchema } from '@/lib/validation/users';
import { validatedAction } from '@/server/action';
import { resetUserPassword, unlockUser } from '@/server/services/passwords';
import { changeUserRole, createUser, setUserDisabled } from '@/server/services/users';

const USERS_PATH = '/admin/users';

export const createUserAction = validatedAction(createUserSchema, 'users.manage', async ({ ctx, input }) => {
  const user = await createUser({ ctx, input });
  revalidatePath(USERS_PATH);
  return { ok: true, message: `Created ${user.name} (${user.email}) as ${ROLE_LABELS[user.role]}.` };
});

export const changeRoleAction = validatedAction(changeRoleSchema, 'users.manage', async ({ ctx, input }) => {
  const user = await changeUserRole({ ctx, input });
  revalidatePath(USERS_PATH);
  return { ok: true, message: `${user.name} is now ${ROLE_LABELS[user.role]}.` };
});

export const setDisabledAction = validatedAction(setDisabledSchema, 'users.manage', async ({ ctx, input }) => {
  const user = await setUserDisabled({ ctx, input });
  revalidatePath(USERS_PATH);
  return { ok: true, message: `${user.name} is ${user.disabled ? 'disabled and can no longer sign in' : 'enabled'}.` };
});

export const resetPasswordAction = validatedAction(resetPasswordSchema, 'users.manage', async ({ ctx, input }) => {
  const { name, password, endedSessions } = await resetUserPassword({ ctx, input });
  const ended = endedSessions === 1 ? 'their session was ended' : `their ${endedSessions} sessions were ended`;
  return {
    ok: true as const,
    message: `New password set for ${name}; ${endedSessions ? ended : 'they were not signed in'}.`,
    data: { name, password },
  };
});

export const unlockUserAction = validatedAction(unlockUserSchema, 'users.manage', async ({ ctx, input }) => {
  const { name } = await unlockUser({ ctx, input });
  revalidatePath(USERS_PATH);
  return { ok: true, message: `${name} can sign in again.` };
});
