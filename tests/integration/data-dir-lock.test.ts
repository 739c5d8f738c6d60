import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { queryRows } from '@/db/rows';
import { DataDirLockedError } from '@/db/data-dir-lock';

const root = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-lock-'));
const dataDir = path.join(tmp, 'nested', 'pglite');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'bin/holdfast.mjs'), ...args], {
    env: { ...process.env, DATABASE_URL: '', HOLDFAST_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

describe('embedded data directory lock', () => {
  it('creates missing parent folders and releases the lock on close', async () => {
    const first = await openDatabase({ driver: 'pglite', dataDir });
    await migrateDatabase(first);
    await first.db.execute(sql`insert into settings (key, value) values ('probe', '1'::jsonb)`);
    await first.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('a second process exits non-zero naming the holder, and no write is lost', async () => {
    const holderScript = `
      import { openDatabase } from '@/db/client';
      import { sql } from 'drizzle-orm';
      const h = await openDatabase({ driver: 'pglite', dataDir: process.env.HOLDFAST_DATA_DIR });
      await h.db.execute(sql\`insert into settings (key, value) values ('holder', '2'::jsonb)\`);
      process.stdout.write('ready\\n');
      process.stdin.once('data', async () => { await h.db.execute(sql\`insert into settings (key, value) values ('after', '3'::jsonb)\`); await h.close(); process.exit(0); });
    `;
    const scriptPath = path.join(root, `.lock-holder-${process.pid}.ts`);
    fs.writeFileSync(scriptPath, holderScript);
    try {
      const holder = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', scriptPath], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: '', HOLDFAST_DATA_DIR: dataDir },
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
      });

      const refused = cli(['db', 'status']);
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain(`in use by process ${holder.pid}`);
      await expect(openDatabase({ driver: 'pglite', dataDir })).rejects.toBeInstanceOf(DataDirLockedError);

      holder.stdin.write('go\n');
      await new Promise((resolve) => holder.once('exit', resolve));
    } finally {
      fs.rmSync(scriptPath, { force: true });
    }

    const reopened = await openDatabase({ driver: 'pglite', dataDir });
    const rows = await queryRows<{ key: string }>(reopened.db, sql`select key from settings order by key`);
    await reopened.close();
    expect(rows.map((r) => r.key)).toEqual(['after', 'holder', 'probe']);
  });

  it('takes over a lock left by a process that died', async () => {
    fs.writeFileSync(
      `${dataDir}.lock`,
      JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), command: 'gone', since: '2020-01-01' }),
    );
    const handle = await openDatabase({ driver: 'pglite', dataDir });
    await handle.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
