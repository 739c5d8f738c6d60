'use client';

import { FileText, Loader2, Play, X } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useEffectEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CardContent } from '@/components/ui/card';
import { formatBytes, formatCount } from '@/lib/format';
import { KIND_LABELS } from '@/lib/import/labels';
import { NO_ROWS } from '@/lib/import/upload-check';
import type { ActionResult } from '@/server/errors';
import type { ImportPreview } from '@/server/services/import-preview';
import type { UploadDTO } from '@/server/services/import-uploads';
import type { previewImportAction, startImportAction } from '@/app/(app)/imports/actions';
import { ColumnMapping } from './column-mapping';
import { ImportJobView } from './import-job-panel';
import { ImportSettingsForm } from './import-settings-form';
import { PreviewTable } from './preview-table';
import { StepCard } from './step-card';
import { useImportJob } from './use-import-job';
import { UploadDropzone } from './upload-dropzone';
import { INITIAL_SETTINGS, settingsPayload, type WizardSettings } from './wizard-settings';

type ImportWizardProps = {
  maxBytes: number;
  previewAction: typeof previewImportAction;
  startAction: typeof startImportAction;
};

type Refusal = Extract<ActionResult, { ok: false }>;

// Settings change with every keystroke in the date format: the preview waits for a pause.
const PREVIEW_DELAY_MS = 250;

/** Upload, then kind and options, mapping, preview, and a dry run or the import, each step on the same page. */
export function ImportWizard({ maxBytes, previewAction, startAction }: ImportWizardProps) {
  const [upload, setUpload] = useState<UploadDTO | null>(null);
  const [settings, setSettings] = useState<WizardSettings>(INITIAL_SETTINGS);
  // Each answer is kept with the settings it answers, so that the page knows when it is out of date.
  const [previewed, setPreviewed] = useState<{ for: WizardSettings; preview: ImportPreview } | null>(null);
  const [refused, setRefused] = useState<{ for: WizardSettings; refusal: Refusal } | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [startRefusal, setStartRefusal] = useState<Refusal | null>(null);
  const [starting, setStarting] = useState(false);
  const followed = useImportJob(jobId);

  // The action is a prop, which a refresh of the page (after each import) hands over anew: an effect event, so that
  // only a change of file or settings asks for a new preview.
  const requestPreview = useEffectEvent((uploadId: string, asked: WizardSettings) =>
    previewAction(null, settingsPayload(uploadId, asked)),
  );

  useEffect(() => {
    if (!upload) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await requestPreview(upload.id, settings);
      // An answer to settings changed since is dropped.
      if (!current) return;
      if (result.ok && result.data) setPreviewed({ for: settings, preview: result.data });
      else if (!result.ok) setRefused({ for: settings, refusal: result });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [upload, settings]);

  const preview = previewed?.preview ?? null;
  const previewRefusal = refused?.for === settings ? refused.refusal : null;
  const previewing = !!upload && previewed?.for !== settings && !previewRefusal;

  function reset() {
    setUpload(null);
    setSettings(INITIAL_SETTINGS);
    setPreviewed(null);
    setRefused(null);
    setJobId(null);
    setStartRefusal(null);
  }

  const change = (patch: Partial<WizardSettings>) => {
    setSettings((s) => ({ ...s, ...patch }));
    // A refusal to start was about the settings as they were.
    setStartRefusal(null);
  };

  async function start(dryRun: boolean) {
    if (!upload || !preview) return;
    setStarting(true);
    setStartRefusal(null);
    const result = await startAction(null, { ...settingsPayload(upload.id, settings), kind: preview.kind, dryRun });
    setStarting(false);
    if (result.ok && result.data) setJobId(result.data.jobId);
    else if (!result.ok) setStartRefusal(result);
  }

  const fieldErrors = { ...previewRefusal?.fieldErrors, ...startRefusal?.fieldErrors };
  const ready = !!preview && !previewing && !previewRefusal && preview.missingRequired.length === 0 && !followed.active;

  return (
    <div className="space-y-6">
      <StepCard
        step={1}
        title="Upload a file"
        description="A CSV export of customers, orders, subscriptions, usage events, tickets or feedback."
      >
        <CardContent>
          {upload ? (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3">
              <span className="flex min-w-0 items-center gap-3">
                <FileText aria-hidden className="size-5 shrink-0 text-accent-700" />
                <span className="min-w-0">
                  <span className="block truncate font-medium text-zinc-900" data-testid="uploaded-file">
                    {upload.filename}
                  </span>
                  <span className="block text-xs text-zinc-600">{formatBytes(upload.size)} uploaded</span>
                </span>
              </span>
              <Button variant="secondary" size="sm" onClick={reset}>
                <X aria-hidden /> Choose another file
              </Button>
            </div>
          ) : (
            <UploadDropzone maxBytes={maxBytes} onUploaded={setUpload} />
          )}
        </CardContent>
      </StepCard>

      {upload && !preview && (
        <div className="rounded-lg border border-zinc-200 bg-white px-5 py-6 text-sm text-zinc-600">
          {previewRefusal ? (
            <Alert tone="error">{previewRefusal.message}</Alert>
          ) : (
            <span className="inline-flex items-center gap-2">
              <Loader2 aria-hidden className="size-4 animate-spin" /> Reading the file…
            </span>
          )}
        </div>
      )}

      {upload && preview && (
        <>
          <StepCard
            step={2}
            title="What the file holds"
            description="How to read it: numbers, dates and the delimiter."
          >
            <CardContent>
              <ImportSettingsForm
                kind={settings.kind ?? preview.kind}
                suggestedKind={preview.suggestedKind}
                detectedDelimiter={preview.delimiter.detected}
                settings={settings}
                errors={fieldErrors}
                onChange={change}
              />
            </CardContent>
          </StepCard>

          <StepCard
            step={3}
            title="Columns"
            description={`Which ${KIND_LABELS[preview.kind].label.toLowerCase()} column each file column fills. Headers are matched by name and common synonyms.`}
          >
            {(preview.missingRequired.length > 0 || fieldErrors.map) && (
              <CardContent className="border-b border-zinc-200">
                <Alert tone="error">
                  {preview.missingRequired.length > 0
                    ? `Choose the file column that holds: ${preview.missingRequired.join(', ')}.`
                    : fieldErrors.map?.join(' ')}
                </Alert>
              </CardContent>
            )}
            <ColumnMapping
              kind={preview.kind}
              columns={preview.columns}
              pendingMap={previewing ? settings.map : undefined}
              overridden={Object.keys(settings.map).length > 0}
              onMap={(key, target) => change({ map: { ...settings.map, [key]: target } })}
              onReset={() => change({ map: {} })}
            />
          </StepCard>

          <StepCard
            step={4}
            title="Preview"
            description={
              preview.rows.length === 0
                ? NO_ROWS
                : `The first ${formatCount(preview.rows.length)} rows: ${formatCount(preview.validRows)} valid, ${formatCount(preview.rows.length - preview.validRows)} with problems. Unknown customers and repeated ids are found by the dry run.`
            }
            aside={
              previewing && (
                <span className="inline-flex shrink-0 items-center gap-1.5 text-xs text-zinc-600" role="status">
                  <Loader2 aria-hidden className="size-3.5 animate-spin" /> Updating
                </span>
              )
            }
          >
            {previewRefusal && (
              <CardContent className="border-b border-zinc-200">
                <Alert tone="error">{previewRefusal.message}</Alert>
              </CardContent>
            )}
            {preview.rows.length > 0 && (
              <PreviewTable kind={preview.kind} columns={preview.columns} rows={preview.rows} />
            )}
          </StepCard>

          <StepCard
            step={5}
            title="Import"
            description="A dry run reads and checks the whole file against the workspace and writes nothing. Importing the same file again changes nothing."
          >
            <CardContent className="space-y-4">
              {jobId !== null && (
                <ImportJobView
                  jobId={jobId}
                  job={followed.job}
                  problem={followed.problem}
                  next={(finished) => (
                    <div className="flex flex-wrap items-center gap-3 text-sm">
                      <Link href={`/imports/${finished.id}`} className="font-medium text-accent-800 hover:underline">
                        {finished.dryRun ? 'Dry run' : 'Import'} #{finished.id} details
                      </Link>
                      {!finished.dryRun && finished.status === 'succeeded' && (
                        <Button variant="secondary" size="sm" onClick={reset}>
                          Import another file
                        </Button>
                      )}
                    </div>
                  )}
                />
              )}
              {startRefusal && <Alert tone="error">{startRefusal.message}</Alert>}
              <div className="flex flex-wrap gap-3">
                <Button variant="secondary" disabled={!ready || starting} onClick={() => start(true)}>
                  Dry run
                </Button>
                <Button disabled={!ready || starting} onClick={() => start(false)}>
                  <Play aria-hidden /> Run import
                </Button>
              </div>
            </CardContent>
          </StepCard>
        </>
      )}
    </div>
  );
}
