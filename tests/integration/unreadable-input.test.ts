import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { count } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { parseAuditQuery } from '@/lib/validation/audit';
import { parseCustomerListQuery, searchParamsOf } from '@/lib/validation/customer-list';
import { parseKpiPageState } from '@/lib/validation/kpi-page';
import { CONTROL_CHARACTERS } from '@/lib/validation/text';
import { ValidationError } from '@/server/errors';
import { listAuditEntries } from '@/server/queries/audit-log';
import { listCustomers, loadCustomerListOptions } from '@/server/services/customer-list';
import { getKpiDashboard } from '@/server/services/kpi-dashboard';
import { getKpiDrilldown } from '@/server/services/kpis';
import type { ServiceContext } from '@/server/context';
import { asSession, form } from '../helpers/action-session';
import { scratchCli, type ScratchCli } from '../helpers/cli';
import { actorOf, makeUser } from '../helpers/factories';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';
import { makeCustomer, makeTask } from '../helpers/work-factories';

// A NUL byte (which PostgreSQL refuses in text and JSON) and dates that JavaScript accepts but PostgreSQL does not,
// at every boundary: each is a field error or a parameter left out, never a failed request or a cut download.
const { GET: customerExport } = await import('@/app/(app)/customers/export/route');
const { GET: kpiExport } = await import('@/app/api/exports/kpis/route');
const profile = await import('@/app/(app)/customers/[id]/actions');
const work = await import('@/app/(app)/my-work/actions');
const list = await import('@/app/(app)/customers/actions');
const admin = await import('@/app/(app)/admin/users/actions');
const thresholds = await import('@/app/(app)/kpis/thresholds/actions');

const NUL = 'a\u0000b';
const cursor = (part: number, ...key: string[]) => Buffer.from(JSON.stringify([part, ...key])).toString('base64url');

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let ctx: ServiceContext;

beforeAll(async () => {
  handle = await createTestDatabase();
  requestScope.db = handle.db;
  await seedDatabase(handle.db, {
    customers: 40,
    seed: 5,
    asOf: Date.UTC(2026, 5, 1),
    password: 'unreadable-input-password',
  });
  const user = await makeUser(handle.db, 'admin');
  requestScope.user = asSession(user);
  ctx = { db: handle.db, actor: actorOf(user) };
});
afterAll(() => handle.dispose());

const auditRows = async () => (await handle.db.select({ n: count() }).from(auditLog))[0].n;

describe('list and page parameters', () => {
  it('the customer list leaves out and names a NUL filter, and opens on the first page for an impossible cursor', async () => {
    const options = await loadCustomerListOptions({ ctx });
    const open = async (search: string) => {
      const { query, ignored } = parseCustomerListQuery(searchParamsOf(search));
      return { ignored, page: await listCustomers({ ctx, query, options }) };
    };
    const first = await open('?sort=acquiredAt');
    const nul = await open('?q=a%00b&attr=vip&op=is&val=%00&sort=acquiredAt');
    expect(nul.ignored).toEqual([`q: ${CONTROL_CHARACTERS}`, `attribute vip: ${CONTROL_CHARACTERS}`]);
    expect(nul.page.rows).toEqual(first.page.rows);
    for (const key of ['2026-02-30T00:00:00.000000Z', '0000-01-01T00:00:00.000000Z']) {
      expect((await open(`?sort=acquiredAt&after=${cursor(0, key, '5')}`)).page.rows, key).toEqual(first.page.rows);
    }
    expect((await open(`?sort=name&after=${cursor(0, NUL, '5')}`)).page.rows.length).toBeGreaterThan(0);
  });

  it('the audit log drops an impossible cursor or day and a NUL filter', async () => {
    const page = await listAuditEntries({
      ctx,
      query: parseAuditQuery({ after: '2026-02-30T10:00:00.000000Z~999', from: '2026-02-30', action: NUL }),
    });
    expect(page.entries.length).toBeGreaterThan(0);
  });

  it('the KPI page falls back to its defaults, and the drill-down names the field', async () => {
    const dashboard = await getKpiDashboard({
      ctx,
      state: parseKpiPageState({ segment: NUL, period: 'year', year: '0000' }),
    });
    expect(dashboard).toBeTruthy();
    const drilldown = getKpiDrilldown({
      ctx,
      input: { metric: 'active_customers', from: '2026-01', to: '2026-01', filters: { segment: NUL } },
    });
    await expect(drilldown).rejects.toMatchObject({ fieldErrors: { 'filters.segment': [CONTROL_CHARACTERS] } });
    await expect(
      getKpiDrilldown({ ctx, input: { metric: 'active_customers', from: '0000-01', to: '0000-01' } }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('downloads', () => {
  it('the customer export refuses NUL filters with 400 before it starts, never a cut download', async () => {
    for (const search of [
      'q=a%00b',
      'segment=%00',
      'attr=x%00&op=is&val=y',
      'attr=x&op=is&val=y%00',
      'activeAfter=2026-02-30',
    ]) {
      const response = await customerExport(new NextRequest(`http://localhost/customers/export?owner=any&${search}`));
      expect(response.status, search).toBe(400);
      expect(await response.json(), search).toMatchObject({ fieldErrors: { filter: [expect.any(String)] } });
    }
  });

  it('the KPI export names the field for a NUL filter and a month of year 0', async () => {
    const download = (search: string) =>
      kpiExport(new Request(`http://localhost/api/exports/kpis?${search}`), { params: Promise.resolve({}) });
    const nul = await download('segment=a%00b');
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ fieldErrors: { 'filters.segment': [CONTROL_CHARACTERS] } });
    const year0 = await download('from=0000-01&to=0000-03');
    expect(year0.status).toBe(400);
    expect(await year0.json()).toMatchObject({ fieldErrors: { from: ['Use a month as YYYY-MM.'] } });
  });
});

describe('text fields of server actions', () => {
  it('a NUL byte in notes, tasks, contact edits, user names, view names and thresholds is a field error, and nothing is written', async () => {
    const customer = await makeCustomer(handle.db, ctx.actor.kind === 'user' ? ctx.actor.id : null);
    const task = await makeTask(handle.db, { customerId: customer.id });
    const before = await auditRows();
    const fieldErrors = (field: string) => ({ ok: false, fieldErrors: { [field]: [CONTROL_CHARACTERS] } });
    expect(
      await profile.logActivityAction(
        null,
        form({ customerId: customer.id, kind: 'note', subject: 'Note', body: NUL }),
      ),
    ).toMatchObject(fieldErrors('body'));
    expect(
      await profile.logActivityAction(
        null,
        form({ customerId: customer.id, kind: 'call', subject: 'Call', occurredAt: '2026-02-30T10:00' }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { occurredAt: ['Enter a real date and time.'] },
    });
    expect(
      await profile.updateContactAction(
        null,
        form({ customerId: customer.id, version: customer.version, email: `x${NUL}@example.test` }),
      ),
    ).toMatchObject(fieldErrors('email'));
    expect(await work.createTaskAction(null, form({ customerId: customer.id, title: NUL }))).toMatchObject(
      fieldErrors('title'),
    );
    expect(
      await work.editTaskAction(
        null,
        form({ taskId: task.id, version: task.version, title: 'T', description: NUL, priority: 'normal' }),
      ),
    ).toMatchObject(fieldErrors('description'));
    expect(
      await work.completeTaskAction(null, form({ taskId: task.id, version: task.version, outcome: NUL })),
    ).toMatchObject(fieldErrors('outcome'));
    expect(
      await list.createTasksAction(
        null,
        form({ targetMode: 'ids', targetIds: `${customer.id}:${customer.version}`, title: NUL }),
      ),
    ).toMatchObject(fieldErrors('title'));
    expect(await list.createViewAction(null, form({ name: NUL, search: '' }))).toMatchObject(fieldErrors('name'));
    expect(await list.renameViewAction(null, form({ viewId: 1, name: NUL }))).toMatchObject(fieldErrors('name'));
    expect(
      await admin.createUserAction(
        null,
        form({ email: 'new@example.test', name: NUL, role: 'csm', password: 'long enough password' }),
      ),
    ).toMatchObject(fieldErrors('name'));
    expect(
      await thresholds.setChurnThresholdsAction(null, form({ segment: NUL, target: '5', watch: '7' })),
    ).toMatchObject(fieldErrors('segment'));
    expect(await auditRows()).toBe(before);
  });
});

describe('holdfast export options', () => {
  let cli: ScratchCli;
  beforeAll(async () => {
    cli = await scratchCli();
  });
  afterAll(() => cli.dispose());

  // An argument cannot hold a NUL byte (the operating system ends it there); other control characters take its path.
  it('names the option for control characters and a month of year 0, and exits non-zero', () => {
    const search = cli.run('export', 'customers', '--search', 'a\u0001b');
    expect(search.status).not.toBe(0);
    expect(search.stderr).toContain(CONTROL_CHARACTERS);
    expect(search.stderr).toContain('search');
    const month = cli.run('export', 'kpis', '--from', '0000-01');
    expect(month.status).not.toBe(0);
    expect(month.stderr).toContain('Use a month as YYYY-MM.');
  });
});
