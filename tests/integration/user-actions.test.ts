import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';
import { makeUser } from '../helpers/factories';

// The actions run as in Next.js, minus the request: the session and the database are the test's, and
// revalidatePath (which needs a Next request) is recorded instead.
const state = requestScope;
const revalidatePath = requestScope.revalidatePath;

const { changeRoleAction, createUserAction, setDisabledAction } = await import('@/app/(app)/admin/users/actions');

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: SessionUser;

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

const asSession = (row: { id: number; email: string; name: string; role: SessionUser['role'] }): SessionUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
});

beforeAll(async () => {
  handle = await createTestDatabase();
  state.db = handle.db;
  admin = asSession(await makeUser(handle.db, 'admin'));
});
afterAll(() => handle.dispose());
beforeEach(() => {
  state.user = admin;
  revalidatePath.mockClear();
});

describe('admin user actions', () => {
  it('creates a user, reports it and refreshes the users page', async () => {
    const result = await createUserAction(
      null,
      form({ name: 'Nia New', email: 'Nia@Example.test', role: 'csm', password: 'a long password' }),
    );
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('Nia New (nia@example.test)') });
    expect(revalidatePath).toHaveBeenCalledWith('/admin/users');
  });

  it('returns field errors for each invalid field', async () => {
    const result = await createUserAction(
      null,
      form({ name: '', email: 'not-an-email', role: 'owner', password: 'short' }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'password', 'role']);
  });

  it('shows the conflict message when the row changed since it was read', async () => {
    const target = await makeUser(handle.db, 'csm');
    expect(
      await changeRoleAction(null, form({ userId: target.id, role: 'lead', version: target.version })),
    ).toMatchObject({ ok: true });
    const stale = await setDisabledAction(null, form({ userId: target.id, disabled: 'true', version: target.version }));
    expect(stale).toMatchObject({ ok: false, message: expect.stringContaining('Someone else changed this record') });
  });

  it("shows the last-admin rule's message", async () => {
    const isolated = await createTestDatabase();
    state.db = isolated.db;
    const only = await makeUser(isolated.db, 'admin');
    state.user = asSession(only);
    const demoted = await changeRoleAction(null, form({ userId: only.id, role: 'lead', version: only.version }));
    expect(demoted).toMatchObject({
      ok: false,
      message: 'This is the last active admin; make someone else an admin first.',
    });
    const disabled = await setDisabledAction(null, form({ userId: only.id, disabled: 'true', version: only.version }));
    expect(disabled).toMatchObject({ ok: false, message: 'You cannot disable your own account; ask another admin.' });
    state.db = handle.db;
    await isolated.dispose();
  });

  it.each(['lead', 'csm', 'exec'] as const)('refuses a %s on the server for every user action', async (role) => {
    const target = await makeUser(handle.db, 'csm');
    state.user = asSession(await makeUser(handle.db, role));
    const refused = { ok: false, message: 'You do not have permission to do that.' };
    const email = `by-${role}@example.test`;
    expect(
      await createUserAction(null, form({ name: 'X', email, role: 'admin', password: 'a long password' })),
    ).toEqual(refused);
    expect(await changeRoleAction(null, form({ userId: target.id, role: 'admin', version: target.version }))).toEqual(
      refused,
    );
    expect(
      await setDisabledAction(null, form({ userId: target.id, disabled: 'true', version: target.version })),
    ).toEqual(refused);
    expect(await handle.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    const [after] = await handle.db.select().from(users).where(eq(users.id, target.id));
    expect(after).toMatchObject({ role: 'csm', disabledAt: null, version: target.version });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('refuses a request without a session', async () => {
    state.user = null;
    expect(
      await createUserAction(
        null,
        form({ name: 'X', email: 'anon@example.test', role: 'admin', password: 'a long password' }),
      ),
    ).toMatchObject({
      ok: false,
      message: 'Your session has expired. Please sign in again.',
    });
  });
});
