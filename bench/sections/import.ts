import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseHandle } from '@/db/client';
import type { ImportKind } from '@/lib/import/columns';
import { projectRoot } from '@/lib/project-root';
import { systemActor } from '@/server/context';
import { runImport, type ImportSummary } from '@/server/services/imports';
import { databaseUrl, freshDatabase } from '../databases';
import type { BenchContext, BenchSection } from '../context';
import { psqlAvailable, timePsql } from '../psql';
import type { Figure, Target } from '../report';
import { mb, memoryNote } from '../memory';
import { peakRss } from '../timing';

const COPY_COLUMNS = {
  customers: 'customers(external_id, name, email, company, segment, plan, country, industry, acquired_at)',
  events: 'events(customer_id, type, occurred_at, value, name)',
} as const;

function generateFiles(ctx: BenchContext): { customers: string; events: string } {
  const dir = path.join(ctx.workDir, `files-${ctx.options.importCustomers}-${ctx.options.importEvents}`);
  const files = { customers: path.join(dir, 'customers.csv'), events: path.join(dir, 'events.csv') };
  if (!fs.existsSync(files.events)) {
    ctx.log(`Generating import files in ${dir} ...`);
    const script = path.join(projectRoot(), 'scripts', 'generate-import-files.mjs');
    const args = [
      script,
      dir,
      '--customers',
      String(ctx.options.importCustomers),
      '--events',
      String(ctx.options.importEvents),
    ];
    const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (result.status !== 0) throw new Error('generating import files failed');
  }
  return files;
}

type Measured = { summary: ImportSummary; ms: number; refreshMs: number; peakRss: number; rssAtQuarters: number[] };

async function timeImport(handle: DatabaseHandle, kind: ImportKind, file: string): Promise<Measured> {
  const rssAtQuarters: number[] = [];
  const started = performance.now();
  const { result, peakRss: peak } = await peakRss(() =>
    runImport(
      {
        ctx: { db: handle.db, actor: systemActor('bench') },
        input: {
          kind,
          filePath: file,
          filename: path.basename(file),
          options: { map: {}, locale: 'en', asOf: new Date(), createMissingCustomers: false, dryRun: false },
        },
      },
      (p) => {
        const quarter = Math.floor((4 * p.bytesRead) / Math.max(1, p.totalBytes));
        if (quarter > rssAtQuarters.length) rssAtQuarters.push(process.memoryUsage().rss);
      },
    ),
  );
  // The KPI rollup refresh that follows an import is reported apart: \copy does nothing of the kind.
  const refreshMs = (result.kpiRefresh?.seconds ?? 0) * 1000;
  return { summary: result, ms: performance.now() - started - refreshMs, refreshMs, peakRss: peak, rssAtQuarters };
}

/** The import target: at least 0.7x the rate of psql `\copy`, i.e. at most 1/0.7 times its time. */
const IMPORT_TARGET: Target = { label: '<= 1.43x (>= 0.7x the \\copy rate)', of: 'ratio', max: 1 / 0.7 };

function rateFigure(name: string, rows: number, ms: number, copyMs: number | null): Figure {
  const rate = rows / (ms / 1000);
  const copyRate = copyMs === null ? null : rows / (copyMs / 1000);
  return {
    name,
    value: rate,
    unit: 'rows/s',
    reference: { name: 'psql \\copy, same file, same indexed table', value: copyRate, unit: 'rows/s' },
    ratio: copyMs === null ? null : ms / copyMs,
    target: IMPORT_TARGET,
    note: `${rows.toLocaleString('en-US')} rows in ${(ms / 1000).toFixed(1)} s${copyMs === null ? '' : ` (\\copy ${(copyMs / 1000).toFixed(1)} s)`}`,
  };
}

/**
 * The import target: `holdfast import` against a bare psql `\copy` of the same file into the same indexed table,
 * both starting from empty tables of a freshly migrated database.
 */
export const importSection: BenchSection = {
  title: 'Import (PostgreSQL fast path)',
  run: async (ctx, out) => {
    const files = generateFiles(ctx);
    let copyUrl: string | null = null;
    if (psqlAvailable()) {
      const name = `${ctx.databasePrefix}_copy`;
      await (await freshDatabase(ctx.serverUrl, name)).close();
      copyUrl = databaseUrl(ctx.serverUrl, name);
    }
    // Each kind's \copy runs right before its import, so that a change in the machine's load between them (on a
    // shared 2-core machine, the rule rather than the exception) skews their ratio as little as it can.
    // Customers get ids 1..N in file order, which the events file references.
    const copy = (kind: keyof typeof COPY_COLUMNS) => {
      if (!copyUrl) return null;
      ctx.log(`Reference: psql \\copy of the ${kind} file ...`);
      return timePsql(copyUrl, `\\copy ${COPY_COLUMNS[kind]} from '${files[kind]}' csv header`);
    };

    const handle = await freshDatabase(ctx.serverUrl, `${ctx.databasePrefix}_import`);
    try {
      const copyCustomersMs = copy('customers');
      ctx.log('holdfast import of the same customers file ...');
      const customers = await timeImport(handle, 'customers', files.customers);
      const copyEventsMs = copy('events');
      ctx.log('holdfast import of the same events file ...');
      const events = await timeImport(handle, 'events', files.events);
      const again = await timeImport(handle, 'events', files.events);
      out.figures.push(
        rateFigure('import customers', customers.summary.inserted, customers.ms, copyCustomersMs),
        rateFigure('import events', events.summary.inserted, events.ms, copyEventsMs),
        {
          name: 'KPI rollups recomputed after the customers import (not in the rates above)',
          value: customers.refreshMs / 1000,
          unit: 's',
          note: customers.summary.kpiRefresh
            ? `${customers.summary.kpiRefresh.changedCustomers.toLocaleString('en-US')} changed customers`
            : 'nothing to recompute',
        },
        {
          name: 're-import of the same events file',
          value: again.summary.rowsRead / (again.ms / 1000),
          unit: 'rows/s',
          note: `${again.summary.unchanged.toLocaleString('en-US')} unchanged, ${again.summary.inserted + again.summary.updated} written`,
        },
        {
          name: 'resident memory while importing events (at 25/50/75/100% of the file)',
          value: mb(events.peakRss),
          unit: 'MB peak',
          note: memoryNote(events.rssAtQuarters),
        },
      );
      out.notes.push(
        `Files: ${ctx.options.importCustomers.toLocaleString('en-US')} customers, ${ctx.options.importEvents.toLocaleString('en-US')} events (scripts/generate-import-files.mjs). Each side starts from empty tables of a freshly migrated database; the import includes parsing, validation, COPY into staging, duplicate checks and the set-based merge. Each file's \\copy runs right before its import.`,
      );
      if (!copyUrl) out.notes.push('psql is not installed, so the bare `\\copy` reference is missing.');
    } finally {
      await handle.close();
    }
  },
};
