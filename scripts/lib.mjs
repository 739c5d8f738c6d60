// Helpers shared by the project's node scripts (demo, test, e2e server). Plain ESM: these run before anything is built.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command with inherited stdio; resolves with its exit code. */
export function run(command, args, { env = {}, allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      if (status !== 0 && !allowFailure)
        reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? status}`));
      else resolve(status);
    });
  });
}

/** Runs a command and resolves with its stdout (stderr passes through); rejects on a non-zero exit. */
export function capture(command, args, { env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

export function holdfast(args, options) {
  return run(process.execPath, [path.join(root, 'bin', 'holdfast.mjs'), ...args], options);
}

export function nextBin() {
  return path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
}

/**
 * NEXTAUTH_SECRET from the environment, or one generated once per checkout and kept in .holdfast/secret
 * (never committed), so that `npm run demo` works on a fresh clone and sessions survive restarts.
 */
export function ensureSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(root, '.holdfast', 'secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** True when a PostgreSQL server answers at the URL (used to decide whether the Postgres test run happens). */
export async function postgresReachable(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error.message };
  } finally {
    await client.end().catch(() => {});
  }
}

async function onServer(baseUrl, statement) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function dropPostgresDatabase(baseUrl, name) {
  return onServer(baseUrl, `drop database if exists ${name} with (force)`);
}

/** Drops and creates a database on the server of `baseUrl`; returns the URL of the new database. */
export async function freshPostgresDatabase(baseUrl, name) {
  await dropPostgresDatabase(baseUrl, name);
  await onServer(baseUrl, `create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
