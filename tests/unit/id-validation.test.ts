import { describe, expect, it } from 'vitest';
import { kpiDrilldownSchema } from '@/lib/metrics/query';
import { parseAuditQuery } from '@/lib/validation/audit';
import { assignOwnerSchema, createTasksSchema } from '@/lib/validation/customer-bulk';
import { customerFilterSchema } from '@/lib/validation/customer-filters';
import { parseCustomerListQuery } from '@/lib/validation/customer-list';
import { changeOwnerSchema, customerRefSchema } from '@/lib/validation/customer-work';
import { ID_MAX, parseId } from '@/lib/validation/ids';
import { jobIdSchema } from '@/lib/validation/imports';
import { parseDrilldownParams } from '@/lib/validation/kpi-page';
import { renameViewSchema } from '@/lib/validation/saved-views';
import { bulkReassignSchema, createTaskSchema, editTaskSchema } from '@/lib/validation/tasks';
import { changeRoleSchema } from '@/lib/validation/users';

/** Spellings that JavaScript's Number() reads as an id but that are not one. */
const LENIENT = ['1e3', '0x5', ' 5', '5 ', '+5', '05', '5.0', '0b101', '-5', '0', '', '5e0'];

describe('canonical ids', () => {
  it('accepts only positive decimal digits without a sign, leading zeros or whitespace, within the column', () => {
    expect(parseId('1000', 'int')).toBe(1000);
    expect(parseId(5, 'int')).toBe(5);
    for (const text of LENIENT) expect(parseId(text, 'bigint'), JSON.stringify(text)).toBeNull();
    expect(parseId(String(ID_MAX.int), 'int')).toBe(ID_MAX.int);
    expect(parseId(String(ID_MAX.int + 1), 'int')).toBeNull();
    expect(parseId(String(ID_MAX.int + 1), 'bigint')).toBe(ID_MAX.int + 1);
    expect(parseId('9007199254740993', 'bigint')).toBeNull();
    expect(parseId(1.5, 'int')).toBeNull();
    expect(parseId(-1, 'int')).toBeNull();
    expect(parseId(null, 'int')).toBeNull();
  });

  const refused = (schema: { safeParse: (v: unknown) => { success: boolean } }, input: (id: string) => unknown) =>
    LENIENT.filter((text) => schema.safeParse(input(text)).success);

  it('every form and JSON schema that takes an id or a version refuses the lenient spellings', () => {
    const version = { version: '1' };
    expect(refused(customerRefSchema, (id) => ({ customerId: id }))).toEqual([]);
    expect(refused(changeOwnerSchema, (id) => ({ customerId: '1', ...version, ownerId: id }))).toEqual([]);
    expect(refused(changeOwnerSchema, (v) => ({ customerId: '1', version: v, ownerId: '2' }))).toEqual([]);
    expect(refused(createTaskSchema, (id) => ({ customerId: id, title: 'Call' })).filter((t) => t !== '')).toEqual([]);
    expect(refused(createTaskSchema, (id) => ({ assigneeId: id, title: 'Call' })).filter((t) => t !== '')).toEqual([]);
    expect(refused(editTaskSchema, (id) => ({ taskId: id, ...version, title: 'Call', priority: 'normal' }))).toEqual(
      [],
    );
    expect(refused(bulkReassignSchema, (id) => ({ tasks: `${id}:1`, assigneeId: '2' }))).toEqual([]);
    expect(refused(bulkReassignSchema, (v) => ({ tasks: `1:${v}`, assigneeId: '2' }))).toEqual([]);
    expect(refused(assignOwnerSchema, (id) => ({ targetMode: 'ids', targetIds: `${id}:1`, ownerId: '2' }))).toEqual([]);
    expect(refused(assignOwnerSchema, (id) => ({ targetMode: 'ids', targetIds: '1:1', ownerId: id }))).toEqual([]);
    expect(
      refused(createTasksSchema, (id) => ({ targetMode: 'ids', targetIds: '1:1', title: 'Call', assignee: id })),
    ).toEqual([]);
    expect(refused(renameViewSchema, (id) => ({ viewId: id, name: 'Mine' }))).toEqual([]);
    expect(refused(changeRoleSchema, (id) => ({ userId: id, role: 'csm', version: '1' }))).toEqual([]);
    expect(refused(customerFilterSchema, (id) => ({ ids: [id] }))).toEqual([]);
    expect(refused(customerFilterSchema, (id) => ({ owner: id }))).toEqual([]);
    expect(refused(jobIdSchema, (id) => id)).toEqual([]);
    expect(refused(kpiDrilldownSchema, (id) => ({ metric: 'active_customers', month: '2026-01', cursor: id }))).toEqual(
      [],
    );
  });

  it('a user id beyond the integer column is refused rather than sent to PostgreSQL', () => {
    expect(changeRoleSchema.safeParse({ userId: '3000000000', role: 'csm', version: '1' }).success).toBe(false);
    expect(changeRoleSchema.safeParse({ userId: '3', role: 'csm', version: '3000000000' }).success).toBe(false);
    expect(customerRefSchema.safeParse({ customerId: '3000000000' }).success).toBe(true);
  });

  it('URL parameters that take an id drop the lenient spellings', () => {
    for (const text of LENIENT.filter(Boolean)) {
      expect(parseCustomerListQuery({ view: text }).query.view, text).toBeUndefined();
      expect(parseCustomerListQuery({ owner: text }).query.filter.owner, text).toBeUndefined();
      expect(parseAuditQuery({ actor: text }).actor, text).toBeUndefined();
      expect(
        parseDrilldownParams({ metric: 'active_customers', month: '2026-01', after: text }).after,
        text,
      ).toBeNull();
    }
    expect(parseCustomerListQuery({ view: '12', owner: '7' }).query).toMatchObject({ view: 12, filter: { owner: 7 } });
    expect(parseDrilldownParams({ after: '1500_24311_1000' }).after).toBe('1500_24311_1000');
    expect(parseDrilldownParams({ after: '1500_24311_01000' }).after).toBeNull();
  });
});
