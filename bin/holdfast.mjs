#!/usr/bin/env node
// Launches the TypeScript CLI through tsx. The child runs with the `react-server` condition so that modules marked
// `server-only` (the data layer shared with the app) load outside Next.js too.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');

const child = spawn(
  process.execPath,
  ['--conditions=react-server', '--import', tsx, path.join(root, 'cli', 'main.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, HOLDFAST_ROOT: process.env.HOLDFAST_ROOT ?? root } },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
