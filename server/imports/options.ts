import 'server-only';
import type { ImportKind } from '@/lib/import/columns';
import { unknownOverrideTargets } from '@/lib/import/header-mapping';
import type { ImportSettings } from '@/lib/validation/imports';
import { ValidationError } from '../errors';
import type { ImportOptions } from '../services/imports';

function todayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The engine's options from the page's settings, the same for the preview and the run so that what was previewed is
 * what imports. Like the CLI, "as of" defaults to today (UTC).
 */
export function importOptionsOf(
  kind: ImportKind,
  settings: Omit<ImportSettings, 'kind' | 'uploadId'>,
  dryRun = false,
): ImportOptions {
  const unknown = unknownOverrideTargets(kind, settings.map);
  if (unknown.length) {
    const message = `These are not columns of ${kind}: ${[...new Set(unknown)].join(', ')}.`;
    throw new ValidationError({ map: [message] }, message);
  }
  return {
    map: settings.map,
    locale: settings.locale,
    dateFormat: settings.dateFormat,
    delimiter: settings.delimiter,
    asOf: settings.asOf ?? todayUtc(),
    createMissingCustomers: settings.createMissingCustomers,
    dryRun,
  };
}
