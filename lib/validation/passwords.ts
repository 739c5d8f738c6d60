import { z } from 'zod';
import { recordId } from './ids';
import { passwordSchema } from './users';

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password.' })
      .min(1, { error: 'Enter your current password.' })
      .max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: 'Enter the new password again.' }),
  })
  .superRefine(({ currentPassword, newPassword, confirmPassword }, ctx) => {
    if (newPassword === currentPassword)
      ctx.addIssue({
        code: 'custom',
        path: ['newPassword'],
        message: 'Choose a password different from the current one.',
      });
    if (confirmPassword !== newPassword)
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The two new passwords differ.' });
  });
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;

/** An admin's reset: a generated password, or one they type; either is shown to them once. */
export const resetPasswordSchema = z.discriminatedUnion('mode', [
  z.object({ userId: recordId('user', 'int'), mode: z.literal('generate') }),
  z.object({ userId: recordId('user', 'int'), mode: z.literal('type'), password: passwordSchema }),
]);
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const unlockUserSchema = z.object({ userId: recordId('user', 'int') });
export type UnlockUserInput = z.infer<typeof unlockUserSchema>;
