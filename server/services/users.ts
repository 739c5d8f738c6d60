import 'server-only';
import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import { loginThrottle, users } from '@/db/schema';
import type { Executor } from '@/db/client';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import type { ChangeRoleInput, CreateUserInput, SetDisabledInput } from '@/lib/validation/users';
import { writeAudit } from '../audit';
import { revokeUserSessions } from '../auth/sessions';
import { accountKeyOf } from '../auth/throttle';
import { assertCan, type ServiceContext } from '../context';
import { ConflictError, NotFoundError, RuleError } from '../errors';

/** What pages and audit rows see of a user: never the password hash. */
export type UserDTO = {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
};

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  version: users.version,
};

type UserRow = { [K in keyof typeof userColumns]: (typeof users.$inferSelect)[K] };

function toDTO(row: UserRow): UserDTO {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
    version: row.version,
  };
}

function auditView(user: UserDTO) {
  return { email: user.email, name: user.name, role: user.role, disabled: user.disabled };
}

/** A row of Admin → Users: also until when the account is locked out of signing in (null: it is not). */
export type UserListDTO = UserDTO & { lockedUntil: Date | null };

export async function listUsers({ ctx }: { ctx: ServiceContext }): Promise<UserListDTO[]> {
  assertCan(ctx.actor, 'users.manage');
  const rows = await ctx.db
    .select({
      ...userColumns,
      lockedUntil:
        sql<Date | null>`case when ${loginThrottle.lockedUntil} > now() then ${loginThrottle.lockedUntil} end`.mapWith(
          loginThrottle.lockedUntil,
        ),
    })
    .from(users)
    .leftJoin(loginThrottle, eq(loginThrottle.key, accountKeyOf(users.email)))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map(({ lockedUntil, ...row }) => ({ ...toDTO(row), lockedUntil }));
}

export async function createUser({ ctx, input }: { ctx: ServiceContext; input: CreateUserInput }): Promise<UserDTO> {
  assertCan(ctx.actor, 'users.manage');
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const existing = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing.length > 0) throw new RuleError('A user with this email already exists.', 'email');
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .returning(userColumns);
    const user = toDTO(row);
    await writeAudit(tx, ctx.actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: auditView(user),
    });
    return user;
  });
}

async function lockUser(tx: Executor, userId: number): Promise<UserDTO> {
  const [row] = await tx.select(userColumns).from(users).where(eq(users.id, userId)).for('update');
  if (!row) throw new NotFoundError('user');
  return toDTO(row);
}

/** The last enabled admin can be neither demoted nor disabled: the workspace would have no one to manage it. */
async function assertAnotherActiveAdmin(tx: Executor, userId: number, field: string, message: string) {
  // Lock every active admin row so that two concurrent demotions cannot both see "one other admin left".
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)))
    .for('update');
  if (others.length === 0) throw new RuleError(message, field);
}

export async function changeUserRole({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ChangeRoleInput;
}): Promise<UserDTO> {
  assertCan(ctx.actor, 'users.manage');
  return ctx.db.transaction(async (tx) => {
    const before = await lockUser(tx, input.userId);
    if (before.version !== input.version) throw new ConflictError();
    if (before.role === input.role) return before;
    if (before.role === 'admin' && !before.disabled)
      await assertAnotherActiveAdmin(
        tx,
        before.id,
        'role',
        'This is the last active admin; make someone else an admin first.',
      );
    const [row] = await tx
      .update(users)
      .set({ role: input.role, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, input.userId))
      .returning(userColumns);
    const after = toDTO(row);
    await writeAudit(tx, ctx.actor, {
      action: 'user.changeRole',
      entityType: 'user',
      entityId: after.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export async function setUserDisabled({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SetDisabledInput;
}): Promise<UserDTO> {
  assertCan(ctx.actor, 'users.manage');
  return ctx.db.transaction(async (tx) => {
    const before = await lockUser(tx, input.userId);
    if (before.version !== input.version) throw new ConflictError();
    if (before.disabled === input.disabled) return before;
    if (input.disabled && ctx.actor.kind === 'user' && ctx.actor.id === before.id)
      throw new RuleError('You cannot disable your own account; ask another admin.', 'disabled');
    if (input.disabled && before.role === 'admin')
      await assertAnotherActiveAdmin(
        tx,
        before.id,
        'disabled',
        'This is the last active admin and cannot be disabled.',
      );
    const [row] = await tx
      .update(users)
      .set({
        disabledAt: input.disabled ? new Date() : null,
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, input.userId))
      .returning(userColumns);
    const after = toDTO(row);
    // Signed-in copies of a disabled account end now; enabling it again does not bring them back.
    if (input.disabled) await revokeUserSessions(tx, after.id);
    await writeAudit(tx, ctx.actor, {
      action: input.disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: after.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row.n;
}
