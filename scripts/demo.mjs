// `npm run demo`: a working Holdfast on this machine with nothing else installed — embedded database (unless
// DATABASE_URL is set), schema migrated, demo data seeded when the database is empty, production build served.
import fs from 'node:fs';
import path from 'node:path';
import { capture, ensureSecret, holdfast, nextBin, root, run } from './lib.mjs';

const port = process.env.PORT ?? '3000';
const url = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
const SOURCE_DIRS = ['app', 'components', 'lib', 'server', 'db', 'proxy.ts', 'next.config.mjs', 'package.json'];

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** Builds only when there is no build or a source file is newer than it, so a second `npm run demo` starts at once. */
function buildIsCurrent() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCE_DIRS.every((entry) => newestMtime(path.join(root, entry)) <= builtAt);
}

/** Prints the sign-ins the seed generated, when they belong to the database this run serves. */
function printLogins(database) {
  const file = path.join(root, '.holdfast', 'demo-logins.json');
  const logins = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
  console.log(`\nHoldfast is starting at ${url} on ${database}`);
  if (!logins?.users?.length || logins.database !== database) {
    console.log('No demo sign-ins on record for this database; create a user with');
    console.log('  npx holdfast users add --email you@example.com --name "Your Name" --role admin');
    return;
  }
  console.log('Sign in with one of these demo accounts:\n');
  for (const user of logins.users) console.log(`  ${user.role.padEnd(6)} ${user.email.padEnd(26)} ${user.password}`);
  console.log('');
}

const secret = ensureSecret();
await holdfast(['db', 'migrate']);
await holdfast(['seed', '--if-empty']);
const { database } = JSON.parse(
  await capture(process.execPath, [path.join(root, 'bin', 'holdfast.mjs'), 'db', 'status', '--json']),
);
if (!buildIsCurrent()) {
  console.log('Building the app (once; later runs reuse the build) ...');
  await run(process.execPath, [nextBin(), 'build']);
}
printLogins(database);
const status = await run(process.execPath, [nextBin(), 'start', '-p', port], {
  env: { NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url },
  allowFailure: true,
});
process.exit(status);
