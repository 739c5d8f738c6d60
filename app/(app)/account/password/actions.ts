'use server';

import { changeOwnPasswordSchema } from '@/lib/validation/passwords';
import { validatedAction } from '@/server/action';
import { changeOwnPassword } from '@/server/services/passwords';

export const changeOwnPasswordAction = validatedAction(
  changeOwnPasswordSchema,
  'account.changePassword',
  async ({ ctx, input }) => {
    const { endedSessions } = await changeOwnPassword({ ctx, input });
    const others =
      endedSessions === 1
        ? ' You were signed out on 1 other device.'
        : endedSessions > 1
          ? ` You were signed out on ${endedSessions} other devices.`
          : '';
    return { ok: true, message: `Your password was changed.${others}` };
  },
);
