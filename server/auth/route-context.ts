import 'server-only';
import { getDb } from '@/db/client';
import type { ServiceContext } from '../context';
import { UnauthenticatedError } from '../errors';
import { getSessionUser, userActor } from './session';

/**
 * For route handlers: the signed-in user's service context, or UnauthenticatedError (401 through toHttpError).
 * Permissions are checked by the service the handler calls.
 */
export async function routeContext(): Promise<ServiceContext> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return { db: await getDb(), actor: userActor(user) };
}
