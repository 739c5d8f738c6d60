import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { recordId, versionField } from './ids';
import { safeText } from './text';

export const emailSchema = safeText({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }));

export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(10, { error: 'Use at least 10 characters.' })
  .max(200, { error: 'Use at most 200 characters.' });

export const roleSchema = z.enum(ROLES, { error: 'Choose a role: admin, lead, csm or exec.' });

export const createUserSchema = z.object({
  email: emailSchema,
  name: safeText().trim().min(1, { error: 'Enter a name.' }).max(120, { error: 'Use at most 120 characters.' }),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

const userId = recordId('user', 'int');
const version = versionField;

export const changeRoleSchema = z.object({ userId, role: roleSchema, version });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const setDisabledSchema = z.object({
  userId,
  disabled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .or(z.boolean()),
  version,
});
export type SetDisabledInput = z.infer<typeof setDisabledSchema>;

export const signInSchema = z.object({
  // An address can be no longer (RFC 5321); a longer one is refused before it reaches the throttle's key.
  email: z.string().max(254).pipe(emailSchema),
  password: z.string().min(1, { error: 'Enter your password.' }).max(200),
});
