import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { systemActor } from '@/server/context';
import { getKpis } from '@/server/services/kpis';

const repo = path.resolve(import.meta.dirname, '../..');
let root: string;

/** The real `holdfast` command on an embedded database in a scratch directory (the CLI and this test take turns). */
function holdfast(...args: string[]) {
  const env = { ...process.env, HOLDFAST_ROOT: root, DATABASE_URL: '', HOLDFAST_DATA_DIR: path.join(root, 'pglite') };
  const result = spawnSync(process.execPath, [path.join(repo, 'bin', 'holdfast.mjs'), ...args], {
    encoding: 'utf8',
    env,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-kpis-'));
  fs.symlinkSync(path.join(repo, 'drizzle'), path.join(root, 'drizzle'));
  expect(holdfast('db', 'migrate').status).toBe(0);
  // Seeding builds the rollups, so KPIs are ready right after.
  expect(
    holdfast('seed', '--customers', '80', '--seed', '3', '--as-of', '2026-06-15', '--password', 'cli-kpi-password')
      .status,
  ).toBe(0);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('holdfast kpis', () => {
  it('--json prints one document with the same numbers as getKpis', async () => {
    const run = holdfast('kpis', '--from', '2025-01', '--to', '2026-06', '--segment', 'b2c', '--json');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.months).toHaveLength(18);
    expect(printed.series.active_customers.every((n: number) => n > 0)).toBe(true);

    const handle = await openDatabase({ driver: 'pglite', dataDir: path.join(root, 'pglite') });
    try {
      const document = await getKpis({
        ctx: { db: handle.db, actor: systemActor('test') },
        input: { from: '2025-01', to: '2026-06', filters: { segment: 'b2c' } },
      });
      expect(printed).toEqual(JSON.parse(JSON.stringify(document)));
    } finally {
      await handle.close();
    }
  });

  it('prints a readable table with "—" for rates without a denominator, and reports bad flags by name', () => {
    const run = holdfast('kpis', '--from', '2023-01', '--to', '2023-12');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^month\s+active\s+new\s+churned\s+churn\s+CRR\s+MRR/m);
    expect(run.stdout).toMatch(/^2023-01\s+0\s+0\s+0\s+—\s+—/m);
    expect(run.stdout).toMatch(/^total\s/m);

    const bad = holdfast('kpis', '--to', '2026-6', '--owner', 'nobody@example.test');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--to: Use a month as YYYY-MM.');
  });

  it('metrics refresh recomputes from a month with progress on stderr', () => {
    const run = holdfast('metrics', 'refresh', '--from', '2026-05');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/customer facts: \d+ ms/);
    expect(run.stderr).toMatch(
      /KPI rollups updated \(every customer from 2026-05, 0 changed customers\) through \d{4}-\d\d/,
    );
  });
});
