import 'server-only';
import { asc } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Executor } from '@/db/client';

export type UserChoiceDTO = { id: number; name: string; email: string };

/** Every user, by name, for a log's "who" filter; the caller has checked that the reader may see the log. */
export function userChoices(db: Executor): Promise<UserChoiceDTO[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .orderBy(asc(users.name), asc(users.id));
}
