import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchCli, type ScratchCli } from '../helpers/cli';

let cli: ScratchCli;
let root: string;
const holdfast = (...args: string[]) => cli.run(...args);

beforeAll(async () => {
  cli = await scratchCli();
  root = cli.root;
});
afterAll(() => cli.dispose());

describe('holdfast seed', () => {
  it('prints one JSON document on stdout, the sign-ins on stderr, and keeps generated passwords in a private file', () => {
    const run = holdfast('seed', '--customers', '40', '--seed', '5', '--as-of', '2026-01-15', '--json');
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({
      seeded: true,
      seed: 5,
      asOf: '2026-01-15',
      customers: 40,
      counts: { customers: 40, users: 7 },
    });
    const admin = summary.logins.find((l: { role: string }) => l.role === 'admin');
    expect(admin.password.length).toBeGreaterThanOrEqual(10);
    expect(run.stderr).toContain(admin.password);

    const file = path.join(root, '.holdfast', 'demo-logins.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const kept = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(kept.users).toHaveLength(7);
    expect(kept.users).toContainEqual(
      expect.objectContaining({ email: 'admin@holdfast.demo', password: admin.password }),
    );
    expect(kept.database).toBe(summary.database);
  });

  it('with --password uses it for every demo user and leaves the kept sign-ins alone', () => {
    const file = path.join(root, '.holdfast', 'demo-logins.json');
    const before = fs.readFileSync(file, 'utf8');
    const run = holdfast(
      'seed',
      '--reset',
      '--customers',
      '40',
      '--seed',
      '5',
      '--as-of',
      '2026-01-15',
      '--password',
      'cli-test-password',
      '--json',
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).logins).toContainEqual({
      email: 'csm@holdfast.demo',
      name: 'Cam CSM',
      role: 'csm',
      password: 'cli-test-password',
    });
    expect(run.stderr).toMatch(/admin\s+admin@holdfast\.demo\s+cli-test-password/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses a database in use with a non-zero exit, and --if-empty leaves it alone', () => {
    const refused = holdfast('seed', '--customers', '10');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/refused.*--reset/);
    expect(refused.stdout).toBe('');

    const skipped = holdfast('seed', '--if-empty', '--json');
    expect(skipped.status).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ seeded: false });
  });

  it('reports bad options per flag', () => {
    const run = holdfast('seed', '--customers', 'many', '--as-of', '2026-02-30');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('--customers');
    expect(run.stderr).toContain('--as-of');
  });
});
