import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/context';
import { ForbiddenError } from '@/server/errors';
import { getTeamLoad, listCustomerTasks, listMyOpenTasks, listTeamTasks } from '@/server/queries/tasks';
import { actorOf, makeUser } from '../helpers/factories';
import { createTestDatabase } from '../helpers/test-db';
import { makeActivity, makeCustomer, makeTask } from '../helpers/work-factories';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let as: Record<'lead' | 'csm' | 'otherCsm' | 'exec', Actor>;
let ids: Record<'csm' | 'otherCsm', number>;
let taskIds: Record<
  'answered' | 'answeredByOther' | 'before' | 'overdue' | 'today' | 'noDue' | 'done' | 'theirs' | 'unassigned',
  number
>;
let customerId: number;

const NOW = new Date();
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
const ctx = (actor: Actor) => ({ db: handle.db, actor });

beforeAll(async () => {
  handle = await createTestDatabase();
  const [lead, csm, otherCsm, exec] = await Promise.all(
    (['lead', 'csm', 'csm', 'exec'] as const).map((role) =>
      makeUser(handle.db, role, { name: `${role} ${Math.random()}` }),
    ),
  );
  as = { lead: actorOf(lead), csm: actorOf(csm), otherCsm: actorOf(otherCsm), exec: actorOf(exec) };
  ids = { csm: csm.id, otherCsm: otherCsm.id };
  customerId = (await makeCustomer(handle.db, csm.id)).id;
  const mine = (values: Parameters<typeof makeTask>[1]) =>
    makeTask(handle.db, { customerId, assigneeId: csm.id, ...values }).then((t) => t.id);
  taskIds = {
    answered: await mine({ title: 'Answered', createdAt: hours(-30), dueAt: hours(48) }),
    answeredByOther: await mine({ title: 'Someone else called', createdAt: hours(-2), dueAt: hours(72) }),
    before: await mine({ title: 'Activity before creation', createdAt: hours(-1), dueAt: hours(96) }),
    overdue: await mine({ title: 'Overdue', createdAt: hours(-60), dueAt: hours(-1), priority: 'urgent' }),
    today: await mine({
      title: 'Today',
      createdAt: hours(-1),
      dueAt: new Date(Math.min(hours(0.5).getTime(), new Date(NOW).setUTCHours(23, 59, 59, 0))),
    }),
    noDue: await mine({ title: 'Someday', createdAt: hours(-1) }),
    done: await mine({ title: 'Done', status: 'done', createdAt: hours(-5), completedAt: hours(-4), outcome: 'ok' }),
    theirs: await makeTask(handle.db, { customerId, assigneeId: otherCsm.id, title: 'Theirs', dueAt: hours(-3) }).then(
      (t) => t.id,
    ),
    unassigned: await makeTask(handle.db, { customerId, title: 'Nobody', dueAt: hours(5) }).then((t) => t.id),
  };
  // The CSM called 10 hours after "Answered" was created (within the 24 h SLA); the other CSM's call answers nothing.
  await makeActivity(handle.db, { customerId, authorId: csm.id, occurredAt: hours(-20) });
  await makeActivity(handle.db, { customerId, authorId: otherCsm.id, occurredAt: hours(-0.5) });
});
afterAll(() => handle.dispose());

describe('my work', () => {
  it("lists only the signed-in user's open tasks, soonest due first, undated last", async () => {
    const tasks = await listMyOpenTasks({ ctx: ctx(as.csm) });
    expect(tasks.map((t) => t.title)).toEqual([
      'Overdue',
      'Today',
      'Answered',
      'Someone else called',
      'Activity before creation',
      'Someday',
    ]);
    expect(tasks[0]).toMatchObject({
      customerId,
      priority: 'urgent',
      assigneeId: ids.csm,
      customerName: expect.stringMatching(/^Customer /),
    });
  });

  it("finds the first response: the assignee's own activity on the customer at or after the task's creation", async () => {
    const byId = new Map((await listMyOpenTasks({ ctx: ctx(as.csm) })).map((t) => [t.id, t]));
    expect(byId.get(taskIds.answered)!.respondedAt?.getTime()).toBe(hours(-20).getTime());
    expect(byId.get(taskIds.answeredByOther)!.respondedAt).toBeNull();
    expect(byId.get(taskIds.before)!.respondedAt).toBeNull();
    const { closed } = await listCustomerTasks({ ctx: ctx(as.exec), customerId });
    expect(closed.find((t) => t.id === taskIds.done)!.respondedAt?.getTime()).toBe(hours(-4).getTime());
  });

  it('has nothing for an executive', async () => {
    expect(await listMyOpenTasks({ ctx: ctx(as.exec) })).toEqual([]);
  });
});

describe('team view', () => {
  it('counts open, overdue, due-today and urgent tasks per person, and unassigned work', async () => {
    const load = await getTeamLoad({ ctx: ctx(as.lead), now: NOW });
    const csm = load.find((row) => row.userId === ids.csm)!;
    expect(csm).toMatchObject({ open: 6, overdue: 1, dueToday: 1, urgent: 1 });
    expect(load.find((row) => row.userId === ids.otherCsm)).toMatchObject({ open: 1, overdue: 1 });
    expect(load.at(-1)).toMatchObject({ userId: null, name: 'Unassigned', open: 1 });
    expect(load.some((row) => row.role === 'exec')).toBe(false);
  });

  it('lists everyone who can hold work, those without open tasks at zero, in name order, and leaves out disabled people', async () => {
    const idle = await makeUser(handle.db, 'lead', { name: 'Aaron Idle' });
    const gone = await makeUser(handle.db, 'csm', { name: 'Gone', disabledAt: new Date() });
    await makeTask(handle.db, { customerId, assigneeId: gone.id, title: 'Left behind', dueAt: hours(-2) });
    const load = await getTeamLoad({ ctx: ctx(as.lead), now: NOW });
    expect(load.find((row) => row.userId === idle.id)).toEqual({
      userId: idle.id,
      name: 'Aaron Idle',
      role: 'lead',
      open: 0,
      overdue: 0,
      dueToday: 0,
      urgent: 0,
    });
    expect(load.some((row) => row.userId === gone.id)).toBe(false);
    const people = load.filter((row) => row.userId !== null);
    expect(people.map((row) => row.name)).toEqual(
      [...people.map((row) => row.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    expect(load.at(-1)).toMatchObject({ userId: null, open: 1 });
  });

  it("lists one person's open tasks or the unassigned ones", async () => {
    expect((await listTeamTasks({ ctx: ctx(as.lead), assigneeId: ids.otherCsm })).map((t) => t.id)).toEqual([
      taskIds.theirs,
    ]);
    expect((await listTeamTasks({ ctx: ctx(as.lead), assigneeId: null })).map((t) => t.id)).toEqual([
      taskIds.unassigned,
    ]);
  });

  it.each(['csm', 'exec'] as const)('is refused to a %s', async (role) => {
    await expect(getTeamLoad({ ctx: ctx(as[role]) })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listTeamTasks({ ctx: ctx(as[role]), assigneeId: ids.csm })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
