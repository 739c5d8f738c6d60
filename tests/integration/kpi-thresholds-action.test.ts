import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, settings } from '@/db/schema';
import { readMetricsSettings } from '@/db/queries/metrics/settings';
import { DEFAULT_METRICS_SETTINGS } from '@/lib/metrics/settings';
import type { SessionUser } from '@/server/auth/session';
import { systemActor } from '@/server/context';
import { getKpis } from '@/server/services/kpis';
import { getChurnThresholdSettings } from '@/server/services/kpi-settings';
import { makeUser } from '../helpers/factories';
import { requestScope } from '../helpers/request-scope';
import { createTestDatabase } from '../helpers/test-db';

// As in Next.js minus the request: the session and the database are the test's, revalidatePath is recorded.
const state = requestScope;
const revalidatePath = requestScope.revalidatePath;

const { clearSegmentThresholdsAction, setChurnThresholdsAction } = await import('@/app/(app)/kpis/thresholds/actions');

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: SessionUser;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const asSession = (row: { id: number; email: string; name: string; role: SessionUser['role'] }): SessionUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
});
const thresholdAudits = () =>
  handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'settings'), eq(auditLog.entityId, 'metrics')))
    .orderBy(auditLog.id);

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

describe('churn thresholds action', () => {
  it('lets an admin set a segment’s thresholds, audited in the same transaction, and the KPIs of that segment use them', async () => {
    const result = await setChurnThresholdsAction(null, form({ segment: 'b2c', target: '6', watch: '8.5' }));
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('segment b2c') });
    expect(revalidatePath).toHaveBeenCalledWith('/kpis', 'layout');

    const saved = await readMetricsSettings(handle.db);
    expect(saved.segmentChurnThresholds).toEqual({ b2c: { target: 0.06, watch: 0.085 } });
    expect(saved.churnThresholds).toEqual(DEFAULT_METRICS_SETTINGS.churnThresholds);

    const [audit] = await thresholdAudits();
    expect(audit).toMatchObject({
      actorId: admin.id,
      action: 'metrics.setChurnThresholds',
      before: { segment: 'b2c', target: null, watch: null },
      after: { segment: 'b2c', target: 0.06, watch: 0.085 },
    });

    const ctx = { db: handle.db, actor: systemActor('test') };
    const segmentDoc = await getKpis({ ctx, input: { from: '2026-01', to: '2026-01', filters: { segment: 'b2c' } } });
    expect(segmentDoc.settings.churn_thresholds).toEqual({ target: 0.06, watch: 0.085 });
    const workspaceDoc = await getKpis({ ctx, input: { from: '2026-01', to: '2026-01' } });
    expect(workspaceDoc.settings.churn_thresholds).toEqual({ target: 0.05, watch: 0.07 });
  });

  it('sets the workspace default, keeping the segments’ own', async () => {
    expect(await setChurnThresholdsAction(null, form({ segment: '', target: '4', watch: '6' }))).toMatchObject({
      ok: true,
    });
    expect(await getChurnThresholdSettings({ ctx: { db: handle.db, actor: systemActor('test') } })).toEqual({
      workspace: { target: 0.04, watch: 0.06 },
      segments: { b2c: { target: 0.06, watch: 0.085 } },
    });
  });

  it('returns field-level errors and changes nothing', async () => {
    const before = await handle.db.select().from(settings);
    const audits = (await thresholdAudits()).length;
    const result = await setChurnThresholdsAction(null, form({ segment: 'b2c', target: 'five', watch: '' }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { target: ['Enter a number, e.g. 5 or 6.5.'], watch: ['Enter the watch limit.'] },
    });
    const reversed = await setChurnThresholdsAction(null, form({ segment: 'b2c', target: '7', watch: '5' }));
    expect(reversed).toMatchObject({
      ok: false,
      fieldErrors: { watch: ['The watch limit must be at or above the on-target limit.'] },
    });
    expect(await handle.db.select().from(settings)).toEqual(before);
    expect(await thresholdAudits()).toHaveLength(audits);
  });

  it('removes a segment’s own thresholds, and says so when there are none', async () => {
    expect(await clearSegmentThresholdsAction(null, form({ segment: 'b2c' }))).toMatchObject({ ok: true });
    expect((await readMetricsSettings(handle.db)).segmentChurnThresholds).toEqual({});
    expect((await thresholdAudits()).at(-1)).toMatchObject({
      action: 'metrics.clearChurnThresholds',
      after: { segment: 'b2c', target: null },
    });
    expect(await clearSegmentThresholdsAction(null, form({ segment: 'b2c' }))).toMatchObject({
      ok: false,
      fieldErrors: { segment: ['This segment already uses the workspace default.'] },
    });
  });

  it.each(['lead', 'csm', 'exec'] as const)('refuses a %s on the server and changes nothing', async (role) => {
    state.user = asSession(await makeUser(handle.db, role));
    const before = await handle.db.select().from(settings);
    const audits = (await thresholdAudits()).length;
    const refused = { ok: false, message: 'You do not have permission to do that.' };
    expect(await setChurnThresholdsAction(null, form({ segment: 'b2b_smb', target: '1', watch: '2' }))).toEqual(
      refused,
    );
    expect(await clearSegmentThresholdsAction(null, form({ segment: 'b2b_smb' }))).toEqual(refused);
    expect(await handle.db.select().from(settings)).toEqual(before);
    expect(await thresholdAudits()).toHaveLength(audits);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('refuses a request without a session', async () => {
    state.user = null;
    expect(await setChurnThresholdsAction(null, form({ segment: '', target: '1', watch: '2' }))).toMatchObject({
      ok: false,
      message: 'Your session has expired. Please sign in again.',
    });
  });
});
