import crypto from 'node:crypto';
import { users } from '@/db/schema';
import type { Executor } from '@/db/client';
import type { Role } from '@/lib/auth/roles';
import type { Actor } from '@/server/context';

// A real bcrypt hash of "correct horse battery" at cost 4, so that factories stay fast.
export const FACTORY_PASSWORD = 'correct horse battery';
const FACTORY_HASH = '$2b$04$lJra2qZozILf0wG/20Swqe8I40xh5giLeDVKx/V8KsT420tyxWok2';

export async function makeUser(db: Executor, role: Role, overrides: Partial<typeof users.$inferInsert> = {}) {
  const tag = crypto.randomBytes(4).toString('hex');
  const [row] = await db
    .insert(users)
    .values({
      email: `${role}-${tag}@example.test`,
      name: `${role} ${tag}`,
      role,
      passwordHash: FACTORY_HASH,
      ...overrides,
    })
    .returning();
  return row;
}

export function actorOf(user: { id: number; role: Role; email: string; name: string }): Actor {
  return { kind: 'user', id: user.id, role: user.role, email: user.email, name: user.name };
}
