import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { auditLog, customers, savedViews, tasks } from '@/db/schema';
import { queryRows } from '@/db/rows';
import type { SessionUser } from '@/server/auth/session';
import { asSession, form } from '../helpers/action-session';
import { seedListWorkspace } from '../helpers/customer-list-data';
import { makeUser } from '../helpers/factories';
import { makeTask } from '../helpers/work-factories';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';
import { systemActor } from '@/server/context';
import { eraseCustomer } from '@/server/services/customer-erasure';

// The actions run as in Next.js, minus the request: the session and the database are the test's, and refresh()
// (which needs a Next request) is recorded instead.
const state = requestScope;
const refresh = requestScope.refresh;

const { assignOwnerAction, createTasksAction, createViewAction, deleteViewAction, renameViewAction } =
  await import('@/app/(app)/customers/actions');
const { listSavedViews } = await import('@/server/services/saved-views');
const { reassignTaskAction } = await import('@/app/(app)/my-work/actions');

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const people = {} as Record<'admin' | 'lead' | 'csm' | 'otherCsm' | 'exec', SessionUser>;
const REFUSED = { ok: false, message: 'You do not have permission to do that.' };

beforeAll(async () => {
  handle = await createTestDatabase();
  state.db = handle.db;
  await seedListWorkspace(handle.db, 120);
  const [csm, otherCsm] = await queryRows<{ id: number; email: string; name: string; role: 'csm' }>(
    handle.db,
    sql`select id, email, name, role from users where email in ('csm@holdfast.demo', 'csm2@holdfast.demo') order by email`,
  );
  people.csm = asSession(csm);
  people.otherCsm = asSession(otherCsm);
  for (const role of ['admin', 'lead', 'exec'] as const) people[role] = asSession(await makeUser(handle.db, role));
});
afterAll(() => handle.dispose());
beforeEach(() => {
  state.user = null;
  refresh.mockClear();
});

const as = (who: keyof typeof people) => (state.user = people[who]);
const ownedBy = async (ownerId: number, limit = 3) =>
  handle.db
    .select({ id: customers.id, version: customers.version, ownerId: customers.ownerId })
    .from(customers)
    .where(eq(customers.ownerId, ownerId))
    .orderBy(asc(customers.id))
    .limit(limit);
const idsField = (rows: { id: number; version: number }[]) => rows.map((r) => `${r.id}:${r.version}`).join(',');
const auditCount = async (action: string) =>
  (await handle.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, action))).length;

describe('saved views', () => {
  it('a CSM saves a personal view (normalised, audited) that only they see', async () => {
    as('csm');
    const result = await createViewAction(
      null,
      form({ name: 'SMB by MRR', search: '?segment=b2b_smb&sort=mrr&dir=desc&after=abc&bogus=1&view=9' }),
    );
    expect(result).toMatchObject({ ok: true, message: 'Saved the view “SMB by MRR”.' });
    const [view] = await handle.db.select().from(savedViews).where(eq(savedViews.name, 'SMB by MRR'));
    expect(view).toMatchObject({
      ownerId: people.csm.id,
      shared: false,
      scope: 'customers',
      state: { search: '?segment=b2b_smb&sort=mrr&dir=desc' },
    });
    expect(refresh).toHaveBeenCalled();
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'view.create'), eq(auditLog.entityId, String(view.id))));
    expect(audit).toMatchObject({ actorId: people.csm.id, after: { name: 'SMB by MRR', shared: false } });

    const own = await listSavedViews({ ctx: { db: handle.db, actor: { kind: 'user', ...people.csm } } });
    expect(own.map((v) => v.name)).toContain('SMB by MRR');
    const others = await listSavedViews({ ctx: { db: handle.db, actor: { kind: 'user', ...people.otherCsm } } });
    expect(others.map((v) => v.name)).not.toContain('SMB by MRR');
  });

  it('refuses a second view of the same name with a field error', async () => {
    as('csm');
    const result = await createViewAction(null, form({ name: 'smb BY mrr', search: '' }));
    expect(result).toEqual({
      ok: false,
      message: 'You already have a view with this name.',
      fieldErrors: { name: ['You already have a view with this name.'] },
    });
    expect(await createViewAction(null, form({ name: '   ', search: '' }))).toMatchObject({
      ok: false,
      fieldErrors: { name: ['Name the view.'] },
    });
  });

  it('shares views only from a lead or an admin; everyone sees shared views', async () => {
    as('csm');
    expect(await createViewAction(null, form({ name: 'Team view', shared: 'on', search: '?risk=critical' }))).toEqual(
      REFUSED,
    );
    expect(await handle.db.select().from(savedViews).where(eq(savedViews.name, 'Team view'))).toHaveLength(0);
    as('lead');
    expect(
      await createViewAction(null, form({ name: 'Team view', shared: 'on', search: '?risk=critical' })),
    ).toMatchObject({ ok: true });
    const seen = await listSavedViews({ ctx: { db: handle.db, actor: { kind: 'user', ...people.otherCsm } } });
    expect(seen.find((v) => v.name === 'Team view')).toMatchObject({
      shared: true,
      editable: false,
      search: '?risk=critical',
    });
  });

  it('lets the creator rename and delete; refuses others; an admin manages shared views', async () => {
    const [mine] = await handle.db.select().from(savedViews).where(eq(savedViews.name, 'SMB by MRR'));
    const [team] = await handle.db.select().from(savedViews).where(eq(savedViews.name, 'Team view'));
    as('otherCsm');
    expect(await renameViewAction(null, form({ viewId: mine.id, name: 'Hijacked' }))).toMatchObject({
      ok: false,
      message: 'That view does not exist or was removed.',
    });
    expect(await renameViewAction(null, form({ viewId: team.id, name: 'Hijacked' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('Only the person who saved this view'),
    });
    expect(await deleteViewAction(null, form({ viewId: team.id }))).toMatchObject({ ok: false });
    as('csm');
    expect(await renameViewAction(null, form({ viewId: mine.id, name: 'SMB accounts' }))).toMatchObject({
      ok: true,
      message: 'Renamed the view to “SMB accounts”.',
    });
    expect(await deleteViewAction(null, form({ viewId: mine.id }))).toMatchObject({ ok: true });
    as('admin');
    expect(await renameViewAction(null, form({ viewId: team.id, name: 'Critical accounts' }))).toMatchObject({
      ok: true,
    });
    expect(await deleteViewAction(null, form({ viewId: team.id }))).toMatchObject({ ok: true });
    expect(
      await handle.db
        .select()
        .from(savedViews)
        .where(inArray(savedViews.id, [mine.id, team.id])),
    ).toHaveLength(0);
    expect(await auditCount('view.rename')).toBe(2);
    expect(await auditCount('view.delete')).toBe(2);
  });

  it('refuses an executive every view write', async () => {
    as('lead');
    await createViewAction(null, form({ name: 'Lead view', search: '' }));
    const [view] = await handle.db.select().from(savedViews).where(eq(savedViews.name, 'Lead view'));
    as('exec');
    expect(await createViewAction(null, form({ name: 'Exec view', search: '' }))).toEqual(REFUSED);
    expect(await renameViewAction(null, form({ viewId: view.id, name: 'X' }))).toEqual(REFUSED);
    expect(await deleteViewAction(null, form({ viewId: view.id }))).toEqual(REFUSED);
    expect(await handle.db.select().from(savedViews).where(eq(savedViews.name, 'Exec view'))).toHaveLength(0);
    state.user = null;
    expect(await createViewAction(null, form({ name: 'Anon', search: '' }))).toMatchObject({
      ok: false,
      message: 'Your session has expired. Please sign in again.',
    });
  });
});

describe('bulk owner assignment', () => {
  it('a lead assigns ticked customers: owner set, version bumped, one audit row each with before and after', async () => {
    const rows = await ownedBy(people.csm.id, 3);
    as('lead');
    const result = await assignOwnerAction(
      null,
      form({ targetMode: 'ids', targetIds: idsField(rows), ownerId: people.otherCsm.id }),
    );
    expect(result).toMatchObject({ ok: true, message: `${people.otherCsm.name} now owns 3 customers.` });
    const after = await handle.db
      .select()
      .from(customers)
      .where(
        inArray(
          customers.id,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(customers.id));
    expect(after.map((c) => [c.ownerId, c.version])).toEqual(rows.map((r) => [people.otherCsm.id, r.version + 1]));
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'customer.assignOwner'),
          inArray(
            auditLog.entityId,
            rows.map((r) => String(r.id)),
          ),
        ),
      );
    expect(audits).toHaveLength(3);
    expect(audits[0]).toMatchObject({
      actorId: people.lead.id,
      entityType: 'customer',
      before: { ownerId: people.csm.id, owner: people.csm.email },
      after: { ownerId: people.otherCsm.id, owner: people.otherCsm.email },
    });
    expect(refresh).toHaveBeenCalled();
  });

  it('refuses ticked rows changed since the list was read, and changes none of them', async () => {
    const rows = await ownedBy(people.csm.id, 2);
    const stale = [{ ...rows[0], version: rows[0].version + 7 }, rows[1]];
    as('lead');
    const result = await assignOwnerAction(
      null,
      form({ targetMode: 'ids', targetIds: idsField(stale), ownerId: people.otherCsm.id }),
    );
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining('One of the selected customers was changed or removed'),
    });
    expect((await ownedBy(people.csm.id, 2)).map((r) => r.version)).toEqual(rows.map((r) => r.version));
  });

  it('assigns all customers matching the list filter, as the list reads its URL', async () => {
    const unowned = await handle.db.select({ id: customers.id }).from(customers).where(isNull(customers.ownerId));
    expect(unowned.length).toBeGreaterThan(0);
    as('admin');
    const result = await assignOwnerAction(
      null,
      form({ targetMode: 'filter', targetSearch: '?owner=none&sort=mrr', ownerId: people.lead.id }),
    );
    expect(result).toMatchObject({
      ok: true,
      message: `${people.lead.name} now owns ${unowned.length === 1 ? '1 customer' : `${unowned.length} customers`}.`,
    });
    expect(await handle.db.select().from(customers).where(isNull(customers.ownerId))).toHaveLength(0);
    expect(
      await assignOwnerAction(
        null,
        form({ targetMode: 'filter', targetSearch: '?stage=zombie', ownerId: people.lead.id }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { targetSearch: [expect.stringContaining('Filter not understood: stage')] },
    });
  });

  it("moves the previous owners' open tasks too when asked, each audited and with a new version", async () => {
    const [first, second, third] = await ownedBy(people.csm.id, 3);
    const open = await makeTask(handle.db, { customerId: first.id, assigneeId: people.csm.id, title: 'Open, theirs' });
    const openToo = await makeTask(handle.db, {
      customerId: second.id,
      assigneeId: people.csm.id,
      title: 'Open, theirs too',
    });
    const someoneElses = await makeTask(handle.db, {
      customerId: first.id,
      assigneeId: people.otherCsm.id,
      title: 'Open, someone else',
    });
    const done = await makeTask(handle.db, {
      customerId: first.id,
      assigneeId: people.csm.id,
      title: 'Done',
      status: 'done',
    });
    const stays = await makeTask(handle.db, {
      customerId: third.id,
      assigneeId: people.csm.id,
      title: 'Open, not moved',
    });
    const theirsOpen = and(
      inArray(tasks.customerId, [first.id, second.id]),
      eq(tasks.status, 'open'),
      eq(tasks.assigneeId, people.csm.id),
    );
    const moving = (await handle.db.select({ id: tasks.id }).from(tasks).where(theirsOpen)).length;
    expect(moving).toBeGreaterThanOrEqual(2);
    as('lead');
    const result = await assignOwnerAction(
      null,
      form({ targetMode: 'ids', targetIds: idsField([first, second]), ownerId: people.lead.id, moveOpenTasks: 'on' }),
    );
    expect(result).toMatchObject({
      ok: true,
      message: `${people.lead.name} now owns 2 customers, with their ${moving} open tasks.`,
    });
    expect(await handle.db.select({ id: tasks.id }).from(tasks).where(theirsOpen)).toHaveLength(0);
    const after = new Map(
      (
        await handle.db
          .select()
          .from(tasks)
          .where(inArray(tasks.id, [open.id, openToo.id, someoneElses.id, done.id]))
      ).map((t) => [t.id, t]),
    );
    expect([open, openToo].map((t) => [after.get(t.id)!.assigneeId, after.get(t.id)!.version])).toEqual([
      [people.lead.id, 2],
      [people.lead.id, 2],
    ]);
    expect(after.get(someoneElses.id)).toMatchObject({ assigneeId: people.otherCsm.id, version: 1 });
    expect(after.get(done.id)).toMatchObject({ assigneeId: people.csm.id, version: 1 });
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'task.reassign'), inArray(auditLog.entityId, [String(open.id), String(openToo.id)])),
      );
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [{ assigneeId: people.csm.id }, { assigneeId: people.lead.id, reason: 'owner change' }],
      [{ assigneeId: people.csm.id }, { assigneeId: people.lead.id, reason: 'owner change' }],
    ]);
    // A form still open on the task's old version is refused rather than putting the old assignee back.
    expect(
      await reassignTaskAction(null, form({ taskId: open.id, version: 1, assigneeId: people.csm.id })),
    ).toMatchObject({ ok: false, message: expect.stringContaining('Someone else changed') });

    // Unticked, the tasks stay with the previous owner.
    expect(
      await assignOwnerAction(null, form({ targetMode: 'ids', targetIds: idsField([third]), ownerId: people.lead.id })),
    ).toMatchObject({ ok: true, message: `${people.lead.name} now owns 1 customer.` });
    expect((await handle.db.select().from(tasks).where(eq(tasks.id, stays.id)))[0]).toMatchObject({
      assigneeId: people.csm.id,
      version: 1,
    });
  });

  it("moves the open tasks of all matching customers' previous owners", async () => {
    const [row] = await ownedBy(people.otherCsm.id, 1);
    const task = await makeTask(handle.db, {
      customerId: row.id,
      assigneeId: people.otherCsm.id,
      title: 'Open, by filter',
    });
    as('admin');
    const result = await assignOwnerAction(
      null,
      form({
        targetMode: 'filter',
        targetSearch: `?owner=${people.otherCsm.id}`,
        ownerId: people.admin.id,
        moveOpenTasks: 'on',
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      message: expect.stringMatching(
        new RegExp(`^${people.admin.name} now owns \\d+ customers, with their \\d+ open tasks?\\.`),
      ),
    });
    expect((await handle.db.select().from(tasks).where(eq(tasks.id, task.id)))[0]).toMatchObject({
      assigneeId: people.admin.id,
      version: 2,
    });
    // Hand them back for the tests below.
    await assignOwnerAction(
      null,
      form({ targetMode: 'filter', targetSearch: `?owner=${people.admin.id}`, ownerId: people.otherCsm.id }),
    );
  });

  it('refuses an executive as the new owner, with a field error', async () => {
    const rows = await ownedBy(people.csm.id, 1);
    as('lead');
    expect(
      await assignOwnerAction(null, form({ targetMode: 'ids', targetIds: idsField(rows), ownerId: people.exec.id })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { ownerId: ['Executives are read-only; choose a CSM, a lead or an admin.'] },
    });
    expect(
      await assignOwnerAction(null, form({ targetMode: 'ids', targetIds: '', ownerId: people.lead.id })),
    ).toMatchObject({ ok: false, fieldErrors: { targetIds: ['Select customers first.'] } });
  });

  it.each(['csm', 'exec'] as const)('refuses a %s on the server and changes nothing', async (role) => {
    const rows = await ownedBy(people.csm.id, 2);
    const before = await auditCount('customer.assignOwner');
    as(role);
    expect(
      await assignOwnerAction(null, form({ targetMode: 'ids', targetIds: idsField(rows), ownerId: people[role].id })),
    ).toEqual(REFUSED);
    expect(
      await assignOwnerAction(null, form({ targetMode: 'filter', targetSearch: '', ownerId: people[role].id })),
    ).toEqual(REFUSED);
    expect(await ownedBy(people.csm.id, 2)).toEqual(rows);
    expect(await auditCount('customer.assignOwner')).toBe(before);
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe('bulk task creation', () => {
  const taskCount = async () => (await handle.db.select({ id: tasks.id }).from(tasks)).length;

  it('a CSM creates one task per own account, for themselves, each audited', async () => {
    const rows = await ownedBy(people.csm.id, 4);
    const before = await taskCount();
    as('csm');
    const result = await createTasksAction(
      null,
      form({
        targetMode: 'ids',
        targetIds: idsField(rows),
        title: 'Renewal check-in',
        dueOn: '2026-07-01',
        priority: 'high',
      }),
    );
    expect(result).toMatchObject({ ok: true, message: 'Created 4 tasks.' });
    const created = await handle.db.select().from(tasks).where(eq(tasks.title, 'Renewal check-in'));
    expect(await taskCount()).toBe(before + 4);
    expect(created.map((t) => t.customerId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(
      created.every((t) => t.assigneeId === people.csm.id && t.createdById === people.csm.id && t.priority === 'high'),
    ).toBe(true);
    expect(created[0].dueAt?.toISOString()).toBe('2026-07-01T00:00:00.000Z');
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'task.create'),
          inArray(
            auditLog.entityId,
            created.map((t) => String(t.id)),
          ),
        ),
      );
    expect(audits).toHaveLength(4);
  });

  it("refuses a CSM on someone else's accounts, by id or by filter, and creates nothing", async () => {
    const theirs = await ownedBy(people.otherCsm.id, 2);
    const mine = await ownedBy(people.csm.id, 1);
    const before = await taskCount();
    as('csm');
    expect(
      await createTasksAction(
        null,
        form({ targetMode: 'ids', targetIds: idsField([...mine, ...theirs]), title: 'Sneaky' }),
      ),
    ).toEqual({
      ok: false,
      message: 'You can create tasks only on accounts you own; 2 of these customers belong to someone else.',
    });
    expect(
      await createTasksAction(
        null,
        form({ targetMode: 'filter', targetSearch: '?owner=any&segment=b2c', title: 'Sneaky' }),
      ),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('You can create tasks only on accounts you own'),
    });
    // Giving the work to someone else is a lead's call.
    expect(
      await createTasksAction(
        null,
        form({ targetMode: 'ids', targetIds: idsField(mine), title: 'Sneaky', assignee: people.otherCsm.id }),
      ),
    ).toEqual(REFUSED);
    expect(await taskCount()).toBe(before);
  });

  it("a lead creates tasks for all matching customers, each for the account's owner", async () => {
    as('lead');
    const matching = await handle.db
      .select({ id: customers.id, ownerId: customers.ownerId })
      .from(customers)
      .where(and(eq(customers.segment, 'b2b_enterprise')));
    const result = await createTasksAction(
      null,
      form({
        targetMode: 'filter',
        targetSearch: '?segment=b2b_enterprise',
        title: 'QBR prep',
        description: 'Pull usage first.',
      }),
    );
    expect(result).toMatchObject({ ok: true, message: `Created ${matching.length} tasks.` });
    const created = await handle.db.select().from(tasks).where(eq(tasks.title, 'QBR prep'));
    expect(created.map((t) => [t.customerId, t.assigneeId]).sort()).toEqual(
      matching.map((c) => [c.id, c.ownerId]).sort(),
    );
    expect(await createTasksAction(null, form({ targetMode: 'filter', targetSearch: '', title: '' }))).toMatchObject({
      ok: false,
      fieldErrors: { title: ['Enter a title.'] },
    });
  });

  it('refuses an executive on the server', async () => {
    const rows = await ownedBy(people.csm.id, 1);
    const before = await taskCount();
    as('exec');
    expect(
      await createTasksAction(null, form({ targetMode: 'ids', targetIds: idsField(rows), title: 'Nope' })),
    ).toEqual(REFUSED);
    expect(await taskCount()).toBe(before);
  });
});

describe('bulk actions and erased customers', () => {
  // Erased customers keep only aggregates; the single-record verbs refuse them, and so must the bulk ones.
  let live: { id: number; version: number }[];
  let erased: { id: number; version: number }[];

  beforeAll(async () => {
    const rows = await ownedBy(people.otherCsm.id, 4);
    for (const row of rows.slice(2))
      await eraseCustomer({ ctx: { db: handle.db, actor: systemActor('test') }, input: { customerId: row.id } });
    live = rows.slice(0, 2);
    erased = await handle.db
      .select({ id: customers.id, version: customers.version })
      .from(customers)
      .where(
        inArray(
          customers.id,
          rows.slice(2).map((r) => r.id),
        ),
      )
      .orderBy(asc(customers.id));
  });

  const ownerOf = async (ids: number[]) =>
    (await handle.db.select({ ownerId: customers.ownerId }).from(customers).where(inArray(customers.id, ids))).map(
      (r) => r.ownerId,
    );
  const tasksOn = async (ids: number[], title: string) =>
    handle.db
      .select()
      .from(tasks)
      .where(and(inArray(tasks.customerId, ids), eq(tasks.title, title)));

  it('assigning an owner leaves ticked erased customers out and says so', async () => {
    as('lead');
    const result = await assignOwnerAction(
      null,
      form({ targetMode: 'ids', targetIds: idsField([live[0], ...erased]), ownerId: people.lead.id }),
    );
    expect(result).toMatchObject({
      ok: true,
      message: `${people.lead.name} now owns 1 customer. 2 erased customers were left out: their personal data was erased, so their records take no new work.`,
    });
    expect(await ownerOf([live[0].id])).toEqual([people.lead.id]);
    expect(await ownerOf(erased.map((r) => r.id))).toEqual([people.otherCsm.id, people.otherCsm.id]);
  });

  it('assigning all matching customers leaves erased ones out and counts them', async () => {
    as('admin');
    const audited = async () =>
      (
        await handle.db
          .select()
          .from(auditLog)
          .where(
            and(
              eq(auditLog.action, 'customer.assignOwner'),
              inArray(
                auditLog.entityId,
                erased.map((r) => String(r.id)),
              ),
            ),
          )
      ).length;
    const before = await audited();
    const result = await assignOwnerAction(
      null,
      form({ targetMode: 'filter', targetSearch: `?owner=${people.otherCsm.id}`, ownerId: people.admin.id }),
    );
    expect(result).toMatchObject({
      ok: true,
      message: expect.stringMatching(/ 2 erased customers were left out: their personal data was erased/),
    });
    expect(await ownerOf(erased.map((r) => r.id))).toEqual([people.otherCsm.id, people.otherCsm.id]);
    expect(await audited()).toBe(before);
  });

  it('creating tasks leaves erased customers out, ticked or matching', async () => {
    as('lead');
    const [current] = await handle.db
      .select({ id: customers.id, version: customers.version })
      .from(customers)
      .where(eq(customers.id, live[1].id));
    const ticked = await createTasksAction(
      null,
      form({ targetMode: 'ids', targetIds: idsField([...erased, current]), title: 'Win back' }),
    );
    expect(ticked).toMatchObject({
      ok: true,
      message:
        'Created 1 task. 2 erased customers were left out: their personal data was erased, so their records take no new work.',
    });
    const matching = await createTasksAction(
      null,
      form({ targetMode: 'filter', targetSearch: `?owner=${people.otherCsm.id}`, title: 'Win back all' }),
    );
    expect(matching).toMatchObject({ ok: true, message: expect.stringContaining('2 erased customers were left out') });
    expect(
      await tasksOn(
        erased.map((r) => r.id),
        'Win back',
      ),
    ).toHaveLength(0);
    expect(
      await tasksOn(
        erased.map((r) => r.id),
        'Win back all',
      ),
    ).toHaveLength(0);
    expect(await tasksOn([live[1].id], 'Win back')).toHaveLength(1);
  });

  it('only erased customers ticked: nothing is created, and the result says why', async () => {
    as('lead');
    expect(
      await createTasksAction(null, form({ targetMode: 'ids', targetIds: idsField(erased), title: 'Nobody' })),
    ).toMatchObject({
      ok: true,
      message:
        'Created 0 tasks. 2 erased customers were left out: their personal data was erased, so their records take no new work.',
    });
  });
});
