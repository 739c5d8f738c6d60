import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { auditLog, users } from '@/db/schema';
import { changeUserRole, createUser, setUserDisabled } from '@/server/services/users';
import { ConflictError, ForbiddenError, RuleError } from '@/server/errors';
import { verifyPassword } from '@/lib/auth/password';
import { createTestDatabase } from '../helpers/test-db';
import { actorOf, makeUser } from '../helpers/factories';
import type { ServiceContext } from '@/server/context';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: ServiceContext;

beforeAll(async () => {
  handle = await createTestDatabase();
  admin = { db: handle.db, actor: actorOf(await makeUser(handle.db, 'admin')) };
});
afterAll(() => handle.dispose());

describe('users service', () => {
  it('creates a user with a hashed password and an audit row in the same write', async () => {
    const user = await createUser({
      ctx: admin,
      input: { email: 'new.csm@example.test', name: 'New CSM', role: 'csm', password: 'a long password' },
    });
    const [row] = await handle.db.select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).not.toContain('a long password');
    expect(await verifyPassword('a long password', row.passwordHash)).toBe(true);
    const [audit] = await handle.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({
      action: 'user.create',
      entityType: 'user',
      entityId: String(user.id),
      actorId: admin.actor.kind === 'user' ? admin.actor.id : -1,
    });
    expect(JSON.stringify(audit.after)).not.toContain('password');
  });

  it('refuses a duplicate email with a field error', async () => {
    await expect(
      createUser({
        ctx: admin,
        input: { email: 'new.csm@example.test', name: 'Again', role: 'csm', password: 'a long password' },
      }),
    ).rejects.toMatchObject({ field: 'email' });
  });

  it.each(['lead', 'csm', 'exec'] as const)('rejects a %s creating users', async (role) => {
    const actor = actorOf(await makeUser(handle.db, role));
    await expect(
      createUser({
        ctx: { db: handle.db, actor },
        input: { email: `x-${role}@example.test`, name: 'X', role: 'admin', password: 'a long password' },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const rows = await handle.db
      .select()
      .from(users)
      .where(eq(users.email, `x-${role}@example.test`));
    expect(rows).toHaveLength(0);
  });

  it('never demotes or disables the last active admin', async () => {
    // Its own database: "the last admin" must be the only one there.
    const isolated = await createTestDatabase();
    const { db } = isolated;
    const only = await makeUser(db, 'admin');
    const ctx = { db, actor: actorOf(only) };
    await expect(
      changeUserRole({ ctx, input: { userId: only.id, role: 'lead', version: only.version } }),
    ).rejects.toBeInstanceOf(RuleError);
    await expect(
      setUserDisabled({ ctx, input: { userId: only.id, disabled: true, version: only.version } }),
    ).rejects.toBeInstanceOf(RuleError);
    const second = await makeUser(db, 'admin');
    const demoted = await changeUserRole({ ctx, input: { userId: only.id, role: 'lead', version: only.version } });
    expect(demoted.role).toBe('lead');
    await expect(
      setUserDisabled({ ctx, input: { userId: second.id, disabled: true, version: second.version } }),
    ).rejects.toBeInstanceOf(RuleError);
    await isolated.dispose();
  });

  it('refuses to let an admin disable their own account', async () => {
    const self = await makeUser(handle.db, 'admin');
    const ctx = { db: handle.db, actor: actorOf(self) };
    await expect(
      setUserDisabled({ ctx, input: { userId: self.id, disabled: true, version: self.version } }),
    ).rejects.toMatchObject({
      field: 'disabled',
    });
  });

  it('reports a conflict instead of overwriting a concurrent change', async () => {
    const target = await makeUser(handle.db, 'csm');
    await changeUserRole({ ctx: admin, input: { userId: target.id, role: 'lead', version: target.version } });
    await expect(
      changeUserRole({ ctx: admin, input: { userId: target.id, role: 'exec', version: target.version } }),
    ).rejects.toBeInstanceOf(ConflictError);
    const [row] = await handle.db.select().from(users).where(eq(users.id, target.id));
    expect(row.role).toBe('lead');
  });
});
