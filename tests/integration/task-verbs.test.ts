import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, tasks } from '@/db/schema';
import type { Actor } from '@/server/context';
import { ConflictError, ForbiddenError, RuleError, ValidationError } from '@/server/errors';
import { bulkReassignTasks, completeTask, createTask, editTask, reassignTask } from '@/server/services/tasks';
import { actorOf, makeUser } from '../helpers/factories';
import { createTestDatabase } from '../helpers/test-db';
import { makeCustomer, makeTask } from '../helpers/work-factories';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let as: Record<'admin' | 'lead' | 'csm' | 'otherCsm' | 'exec', Actor>;
let ids: Record<'lead' | 'csm' | 'otherCsm' | 'exec' | 'disabled', number>;
let mine: number;
let theirs: number;

const ctx = (actor: Actor) => ({ db: handle.db, actor });

async function taskRow(id: number) {
  const [row] = await handle.db.select().from(tasks).where(eq(tasks.id, id));
  return row;
}

async function auditRows(action: string, id: number) {
  return handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityType, 'task'), eq(auditLog.entityId, String(id))));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const [admin, lead, csm, otherCsm, exec, disabled] = await Promise.all([
    makeUser(handle.db, 'admin'),
    makeUser(handle.db, 'lead'),
    makeUser(handle.db, 'csm'),
    makeUser(handle.db, 'csm'),
    makeUser(handle.db, 'exec'),
    makeUser(handle.db, 'csm', { disabledAt: new Date() }),
  ]);
  as = {
    admin: actorOf(admin),
    lead: actorOf(lead),
    csm: actorOf(csm),
    otherCsm: actorOf(otherCsm),
    exec: actorOf(exec),
  };
  ids = { lead: lead.id, csm: csm.id, otherCsm: otherCsm.id, exec: exec.id, disabled: disabled.id };
  mine = (await makeCustomer(handle.db, csm.id)).id;
  theirs = (await makeCustomer(handle.db, otherCsm.id)).id;
});
afterAll(() => handle.dispose());

describe('create task', () => {
  it("gives a CSM's task on their own account to them, with an audit row in the same write", async () => {
    const task = await createTask({
      ctx: ctx(as.csm),
      input: { customerId: mine, title: '  Call about renewal ', priority: 'high', dueDate: '2030-05-01' },
    });
    expect(task).toMatchObject({
      customerId: mine,
      title: 'Call about renewal',
      assigneeId: ids.csm,
      createdById: ids.csm,
      status: 'open',
      priority: 'high',
      version: 1,
    });
    expect(task.dueAt?.toISOString()).toBe('2030-05-01T23:59:59.999Z');
    const [audit] = await auditRows('task.create', task.id);
    expect(audit).toMatchObject({
      actorId: ids.csm,
      after: expect.objectContaining({ title: 'Call about renewal', assigneeId: ids.csm }),
    });
  });

  it("gives a lead's task to the account's owner unless the lead chooses someone", async () => {
    expect((await createTask({ ctx: ctx(as.lead), input: { customerId: theirs, title: 'QBR prep' } })).assigneeId).toBe(
      ids.otherCsm,
    );
    expect(
      (await createTask({ ctx: ctx(as.lead), input: { customerId: theirs, title: 'Cover', assigneeId: ids.csm } }))
        .assigneeId,
    ).toBe(ids.csm);
  });

  it('lets a CSM keep a personal task that is about no customer', async () => {
    expect(await createTask({ ctx: ctx(as.csm), input: { title: 'Update my notes' } })).toMatchObject({
      customerId: null,
      assigneeId: ids.csm,
    });
  });

  it('refuses an executive, a CSM on an account they do not own, and a CSM assigning to someone else', async () => {
    const before = (await handle.db.select().from(tasks)).length;
    await expect(createTask({ ctx: ctx(as.exec), input: { customerId: mine, title: 'No' } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(createTask({ ctx: ctx(as.csm), input: { customerId: theirs, title: 'No' } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      createTask({ ctx: ctx(as.csm), input: { customerId: theirs, title: 'No', assigneeId: ids.csm } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createTask({ ctx: ctx(as.csm), input: { customerId: mine, title: 'No', assigneeId: ids.otherCsm } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await handle.db.select().from(tasks)).length).toBe(before);
  });

  it('reports invalid fields and refuses assignees who cannot hold work', async () => {
    const invalid = createTask({
      ctx: ctx(as.lead),
      input: { customerId: mine, title: ' ', priority: 'asap' as never, dueDate: '2030-02-30' },
    });
    await expect(invalid).rejects.toBeInstanceOf(ValidationError);
    await expect(invalid).rejects.toMatchObject({
      fieldErrors: {
        title: ['Enter a title.'],
        priority: [expect.any(String)],
        dueDate: ['Enter a real calendar date.'],
      },
    });
    for (const assigneeId of [ids.exec, ids.disabled]) {
      await expect(
        createTask({ ctx: ctx(as.lead), input: { customerId: mine, title: 'X', assigneeId } }),
      ).rejects.toMatchObject({ field: 'assigneeId' });
    }
  });
});

describe('edit and complete', () => {
  it('edits a task with the version it was read at and bumps the version', async () => {
    const task = await makeTask(handle.db, { customerId: mine, assigneeId: ids.csm });
    const edited = await editTask({
      ctx: ctx(as.csm),
      input: {
        taskId: task.id,
        version: 1,
        title: 'Renewal call',
        description: 'Bring numbers',
        priority: 'urgent',
        dueDate: '',
      },
    });
    expect(edited).toMatchObject({
      title: 'Renewal call',
      description: 'Bring numbers',
      priority: 'urgent',
      dueAt: null,
      version: 2,
    });
    const [audit] = await auditRows('task.update', task.id);
    expect(audit.before).toMatchObject({ title: 'Follow up', priority: 'normal' });
    expect(audit.after).toMatchObject({ title: 'Renewal call', priority: 'urgent' });
  });

  it('lets a CSM work a task assigned to them on an account they do not own, and nobody else without the scope', async () => {
    const task = await makeTask(handle.db, { customerId: theirs, assigneeId: ids.csm });
    expect(
      (await completeTask({ ctx: ctx(as.csm), input: { taskId: task.id, version: 1, outcome: 'Covered for Noor' } }))
        .status,
    ).toBe('done');
    const other = await makeTask(handle.db, { customerId: theirs, assigneeId: ids.otherCsm });
    for (const actor of [as.csm, as.exec]) {
      await expect(
        editTask({ ctx: ctx(actor), input: { taskId: other.id, version: 1, title: 'Mine now', priority: 'low' } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        completeTask({ ctx: ctx(actor), input: { taskId: other.id, version: 1, outcome: 'Done' } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await taskRow(other.id)).toMatchObject({ title: 'Follow up', status: 'open', version: 1 });
  });

  it('of two people saving the same task at once, the second gets a conflict and nothing of theirs is written', async () => {
    const task = await makeTask(handle.db, { customerId: mine, assigneeId: ids.csm });
    const results = await Promise.allSettled([
      editTask({ ctx: ctx(as.csm), input: { taskId: task.id, version: 1, title: 'From the CSM', priority: 'normal' } }),
      editTask({ ctx: ctx(as.lead), input: { taskId: task.id, version: 1, title: 'From the lead', priority: 'high' } }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);
    expect(lost[0].reason.message).toMatch(/Someone else changed this task since you opened it\. Nothing was saved/);
    const winner = (won[0] as PromiseFulfilledResult<{ title: string }>).value.title;
    expect(await taskRow(task.id)).toMatchObject({ title: winner, version: 2 });
    expect(await auditRows('task.update', task.id)).toHaveLength(1);
  });

  it('refuses to complete with a stale version or without an outcome, and a done task twice', async () => {
    const task = await makeTask(handle.db, { customerId: mine, assigneeId: ids.csm });
    await expect(
      completeTask({ ctx: ctx(as.csm), input: { taskId: task.id, version: 1, outcome: '' } }),
    ).rejects.toMatchObject({ fieldErrors: { outcome: ['Enter the outcome.'] } });
    await editTask({
      ctx: ctx(as.lead),
      input: { taskId: task.id, version: 1, title: 'Changed by the lead', priority: 'normal' },
    });
    await expect(
      completeTask({ ctx: ctx(as.csm), input: { taskId: task.id, version: 1, outcome: 'Spoke to them' } }),
    ).rejects.toBeInstanceOf(ConflictError);
    const done = await completeTask({
      ctx: ctx(as.csm),
      input: { taskId: task.id, version: 2, outcome: 'Spoke to them' },
    });
    expect(done).toMatchObject({ status: 'done', outcome: 'Spoke to them', version: 3 });
    expect(done.completedAt).toBeInstanceOf(Date);
    await expect(
      completeTask({ ctx: ctx(as.csm), input: { taskId: task.id, version: 3, outcome: 'Again' } }),
    ).rejects.toThrow('This task is already done.');
    expect(await auditRows('task.complete', task.id)).toHaveLength(1);
  });
});

describe('reassign', () => {
  it('lets a lead give a task to someone else, and refuses a CSM and an executive', async () => {
    const task = await makeTask(handle.db, { customerId: mine, assigneeId: ids.csm });
    for (const actor of [as.csm, as.exec]) {
      await expect(
        reassignTask({ ctx: ctx(actor), input: { taskId: task.id, version: 1, assigneeId: ids.otherCsm } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    const { task: moved, assignee } = await reassignTask({
      ctx: ctx(as.lead),
      input: { taskId: task.id, version: 1, assigneeId: ids.otherCsm },
    });
    expect(moved).toMatchObject({ assigneeId: ids.otherCsm, version: 2 });
    expect(assignee.id).toBe(ids.otherCsm);
    const [audit] = await auditRows('task.reassign', task.id);
    expect(audit).toMatchObject({
      actorId: ids.lead,
      before: expect.objectContaining({ assigneeId: ids.csm }),
      after: expect.objectContaining({ assigneeId: ids.otherCsm }),
    });
    await expect(
      reassignTask({ ctx: ctx(as.lead), input: { taskId: task.id, version: 1, assigneeId: ids.csm } }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      reassignTask({ ctx: ctx(as.admin), input: { taskId: task.id, version: 2, assigneeId: ids.exec } }),
    ).rejects.toBeInstanceOf(RuleError);
  });

  it('reassigns many tasks at once in one transaction, one audit row each', async () => {
    const batch = await Promise.all(
      [1, 2, 3].map((n) => makeTask(handle.db, { customerId: mine, assigneeId: ids.csm, title: `Batch ${n}` })),
    );
    const selected = batch.map((t) => `${t.id}:${t.version}`);
    for (const actor of [as.csm, as.exec]) {
      await expect(
        bulkReassignTasks({ ctx: ctx(actor), input: { tasks: selected, assigneeId: ids.otherCsm } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    const result = await bulkReassignTasks({ ctx: ctx(as.lead), input: { tasks: selected, assigneeId: ids.otherCsm } });
    expect(result).toMatchObject({ reassigned: 3, unchanged: 0 });
    for (const t of batch) {
      expect(await taskRow(t.id)).toMatchObject({ assigneeId: ids.otherCsm, version: 2 });
      expect(await auditRows('task.reassign', t.id)).toHaveLength(1);
    }
  });

  it('reassigns none of the selection when one task changed since the page was loaded', async () => {
    const batch = await Promise.all(
      [1, 2].map((n) => makeTask(handle.db, { customerId: mine, assigneeId: ids.csm, title: `Stale ${n}` })),
    );
    await editTask({
      ctx: ctx(as.csm),
      input: { taskId: batch[1].id, version: 1, title: 'Stale 2, edited', priority: 'normal' },
    });
    const attempt = bulkReassignTasks({
      ctx: ctx(as.lead),
      input: { tasks: batch.map((t) => ({ id: t.id, version: 1 })), assigneeId: ids.otherCsm },
    });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(
      /1 of the selected tasks was changed .*“Stale 2, edited”.*Nothing was reassigned/,
    );
    expect(await taskRow(batch[0].id)).toMatchObject({ assigneeId: ids.csm, version: 1 });
    await expect(
      bulkReassignTasks({ ctx: ctx(as.lead), input: { tasks: [], assigneeId: ids.otherCsm } }),
    ).rejects.toMatchObject({ fieldErrors: { tasks: ['Select at least one task.'] } });
  });
});
