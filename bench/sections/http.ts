import fs from 'node:fs';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { refreshRollups } from '@/db/queries/metrics/refresh';
import { queryRows } from '@/db/rows';
import { loginThrottle, users } from '@/db/schema';
import type { Statement } from '@/db/statement-log';
import { hashPassword } from '@/lib/auth/password';
import { formatMonth, monthOf } from '@/lib/metrics/months';
import type { BenchSection } from '../context';
import { replay, timeFigure, timePaired } from '../floor';
import { ChunkSizes, type Shipped } from '../http/assets';
import { loadTest } from '../http/load';
import { ensureBuild, startServer, type RunningServer } from '../http/server';
import { signIn } from '../http/session';
import type { Target } from '../report';

const RUNS = 20;
const PASSWORD = 'holdfast-bench-password';
const ROLES = {
  admin: 'admin@holdfast.demo',
  lead: 'lead@holdfast.demo',
  csm: 'csm@holdfast.demo',
  exec: 'exec@holdfast.demo',
} as const;
type Role = keyof typeof ROLES;
const PAGE_TARGET: Target = { label: '<= 300 ms', of: 'value', max: 300 };
/** The two pages whose load the measurement at 1M customers singled out. */
const HEAVY_TARGET: Target = { label: '<= 100 ms', of: 'value', max: 100 };

type Page = { role: Role | null; path: string; target: Target };

async function pagesToTime(db: Parameters<typeof queryRows>[0]): Promise<Page[]> {
  const [{ id }] = await queryRows<{ id: string }>(
    db,
    sql`select c.id::text from customers c join users u on u.id = c.owner_id where u.email = ${ROLES.csm} order by c.id offset 100 limit 1`,
  );
  const lastMonth = formatMonth(monthOf(Date.now()) - 1);
  const page = (role: Role | null, path: string, target = PAGE_TARGET): Page => ({ role, path, target });
  return [
    page(null, '/login'),
    page('lead', '/'),
    page('csm', '/'),
    page('lead', '/customers'),
    page('csm', '/customers'),
    page('lead', '/customers?sort=mrr&dir=desc'),
    page('lead', '/customers?q=smith'),
    page('lead', '/customers?segment=b2b_smb&sort=lastActivity&dir=desc'),
    page('csm', `/customers/${id}`),
    page('exec', '/kpis', HEAVY_TARGET),
    page('exec', '/kpis?segment=b2b_smb&plan=starter', HEAVY_TARGET),
    page('exec', `/kpis/customers?metric=churned_customers&month=${lastMonth}`),
    page('admin', '/kpis/thresholds'),
    page('csm', '/my-work'),
    page('lead', '/team', HEAVY_TARGET),
    page('admin', '/imports'),
    page('admin', '/admin/users'),
    page('admin', '/admin/audit'),
  ];
}

async function signInAll(base: string): Promise<Record<Role, string>> {
  const cookies = {} as Record<Role, string>;
  for (const role of Object.keys(ROLES) as Role[]) cookies[role] = await signIn(base, ROLES[role], PASSWORD);
  return cookies;
}

/** One request, the whole body read: what a user waits for before the browser can paint. */
async function get(base: string, page: Page, cookies: Record<Role, string>): Promise<string> {
  const response = await fetch(`${base}${page.path}`, {
    redirect: 'manual',
    headers: page.role ? { cookie: cookies[page.role] } : {},
  });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`${page.path} as ${page.role ?? 'nobody'} answered HTTP ${response.status}`);
  return body;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const label = (page: Page) => `${page.path} (${page.role ?? 'signed out'})`;

/**
 * What a user waits for: real HTTP requests of every page of a production build (`next start`) on the reference
 * database, signed in with each role whose pages differ; each page beside its floor (the SQL statements it sent,
 * run bare), its HTML and the JS it ships; then throughput under 10 and 50 concurrent requests.
 */
export const httpSection: BenchSection = {
  title: 'Pages over HTTP (next start)',
  run: async (ctx, out) => {
    const db = ctx.reference.db;
    const build = ensureBuild(ctx.log);
    await refreshRollups(db);
    // The bench signs in with a password of its own; clearing the sign-in throttle keeps earlier runs from locking it.
    const hash = await hashPassword(PASSWORD);
    await db
      .update(users)
      .set({ passwordHash: hash })
      .where(inArray(users.email, Object.values(ROLES)));
    await db.delete(loginThrottle);
    const pages = await pagesToTime(db);

    // First server: every statement goes to a log, read per page.
    const log = path.join(ctx.workDir, 'http-statements.ndjson');
    fs.mkdirSync(ctx.workDir, { recursive: true });
    fs.writeFileSync(log, '');
    const statements = new Map<Page, Statement[]>();
    const weight = new Map<Page, { html: number; js: Shipped }>();
    ctx.log('Pages: capturing statements ...');
    await withServer(ctx.options.httpPort, ctx.referenceUrl, log, async (server) => {
      const cookies = await signInAll(server.base);
      const chunks = new ChunkSizes(server.base);
      for (const page of pages) {
        await get(server.base, page, cookies);
        fs.writeFileSync(log, '');
        const html = await get(server.base, page, cookies);
        // Work a page leaves for after its response (next/server `after`) is not what the user waits for.
        statements.set(page, readStatements(log));
        weight.set(page, { html: Buffer.byteLength(html), js: await chunks.shipped(html) });
      }
    });

    ctx.log('Pages: timing ...');
    await withServer(ctx.options.httpPort, ctx.referenceUrl, undefined, async (server) => {
      const cookies = await signInAll(server.base);
      for (const page of pages) {
        const captured = statements.get(page)!;
        const [app, floor] = await timePaired(
          RUNS,
          () => get(server.base, page, cookies),
          () => replay(ctx.floor.bare, captured),
        );
        const figure = timeFigure(
          label(page),
          app,
          { name: `its ${captured.length} SQL statements, bare`, timings: floor },
          { target: page.target },
        );
        // A page without SQL has no floor to compare with.
        out.figures.push(
          captured.length
            ? figure
            : {
                ...figure,
                reference: undefined,
                ratio: undefined,
                note: `${figure.note!.replace(/ \(floor [^)]*\)/, '')}; no SQL`,
              },
        );
      }
      const listPage = pages.find((p) => p.role === 'lead' && p.path === '/customers')!;
      for (const connections of [10, 50]) {
        ctx.log(`Pages: ${connections} concurrent requests ...`);
        const r = await loadTest({
          base: server.base,
          path: listPage.path,
          cookie: cookies.lead,
          connections,
          seconds: ctx.options.loadSeconds,
          serverPid: server.pid,
        });
        out.figures.push({
          name: `${label(listPage)}, ${connections} concurrent requests for ${Math.round(r.seconds)} s: throughput`,
          value: r.perSecond,
          unit: 'req/s',
          note: `${r.requests.toLocaleString('en-US')} responses, median ${r.median.toFixed(0)} ms${r.failed ? `, ${r.failed} failed` : ''}${r.serverCores === null ? '' : `; the server process used ${r.serverCores.toFixed(2)} cores`}`,
        });
        out.figures.push({
          name: `${label(listPage)}, ${connections} concurrent requests: p95 latency`,
          value: r.p95,
          unit: 'ms',
        });
      }
    });

    const timed = out.figures.filter((f) => f.unit === 'ms' && f.reference);
    const slowest = timed.reduce((a, b) => ((b.value ?? 0) > (a.value ?? 0) ? b : a), timed[0]);
    const rendering = timed.map((f) => (f.value ?? 0) - (f.reference!.value ?? 0)).sort((a, b) => a - b);
    if (slowest)
      out.notes.push(
        `Slowest page: ${slowest.name}, median ${slowest.value!.toFixed(0)} ms. Time beyond the SQL floor (rendering and the server's own work), median over the pages: ${rendering[Math.floor(rendering.length / 2)].toFixed(0)} ms.`,
      );
    out.notes.push(
      `A production build (${build === 'reused' ? 'reused: newer than every source file' : 'built in this run'}) served by \`next start\` on port ${ctx.options.httpPort} against the reference database, requested from this process. Each page's time is one request with its whole body read, the median of ${RUNS} after one warm-up, interleaved with its floor: the SQL statements that request sent (recorded with HOLDFAST_SQL_LOG on a first server), run one after another on a bare connection. What lies between the two is rendering and the server's own work.`,
      'Page weight: HTML as sent (uncompressed), and the JS the page loads: the sum of its `<script src>` chunks (uncompressed, and gzip-compressed as a browser would fetch them).',
      [
        '| page | HTML | JS | JS gzip | chunks |',
        '|---|---:|---:|---:|---:|',
        ...pages.map((p) => {
          const w = weight.get(p)!;
          return `| ${label(p)} | ${kb(w.html)} KB | ${kb(w.js.bytes)} KB | ${kb(w.js.gzipBytes)} KB | ${w.js.chunks} |`;
        }),
      ].join('\n'),
      "Not timed: an import job's page (the reference database has no import jobs).",
    );
  },
};

async function withServer(
  port: number,
  databaseUrl: string,
  sqlLog: string | undefined,
  run: (server: RunningServer) => Promise<void>,
): Promise<void> {
  const server = await startServer({ port, databaseUrl, sqlLog });
  try {
    await run(server);
  } finally {
    await server.stop();
  }
}

function readStatements(file: string): Statement[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Statement);
}
