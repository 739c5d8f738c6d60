import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { can, type Permission } from '@/lib/auth/permissions';
import { fieldErrorsOf } from '@/lib/validation/field-errors';
import { recordRefusal } from './auth/refusals';
import { getSessionUser, userActor, type SessionUser } from './auth/session';
import type { ServiceContext } from './context';
import { ForbiddenError, UnauthenticatedError, ValidationError, toActionResult, type ActionResult } from './errors';

type Handler<S extends z.ZodType, T> = (args: {
  ctx: ServiceContext;
  input: z.infer<S>;
}) => Promise<ActionResult<T> | T | void>;

function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v) => typeof v === 'string');
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

function isActionResult<T>(value: unknown): value is ActionResult<T> {
  return (
    typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean'
  );
}

/**
 * The one wrapper every server action goes through: session, permission (on the server: a server action is a public
 * endpoint), zod parse with field errors, then the handler, whose service verb runs its transaction and audit row.
 * Usable with useActionState (prevState, formData) or called directly with a plain object.
 */
export function validatedAction<S extends z.ZodType, T = undefined>(
  schema: S,
  permission: Permission,
  handler: Handler<S, T>,
) {
  return async (_prev: ActionResult<T> | null, payload: FormData | z.input<S>): Promise<ActionResult<T>> => {
    let user: SessionUser | null = null;
    try {
      user = await getSessionUser();
      if (!user) throw new UnauthenticatedError();
      // Scoped permissions pass here for a role that may hold them somewhere; the service checks the resource.
      if (!can(user, permission)) throw new ForbiddenError(permission);
      const raw = payload instanceof FormData ? formDataToObject(payload) : payload;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
      const result = await handler({ ctx: { db: await getDb(), actor: userActor(user) }, input: parsed.data });
      if (isActionResult<T>(result)) return result;
      return { ok: true, data: result === undefined ? undefined : (result as T) };
    } catch (error) {
      await recordRefusal(error, user, 'action');
      return toActionResult(error);
    }
  };
}
