'use client';

import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { IMPORT_KINDS, type ImportKind } from '@/lib/import/columns';
import { DELIMITERS, type Delimiter } from '@/lib/import/delimiter';
import { DATE_FORMAT_SUGGESTIONS, DELIMITER_LABELS, KIND_LABELS, LOCALE_LABELS } from '@/lib/import/labels';
import { NUMBER_LOCALES, type NumberLocale } from '@/lib/import/numbers';
import type { WizardSettings } from './wizard-settings';

type ImportSettingsFormProps = {
  kind: ImportKind;
  suggestedKind: ImportKind | null;
  detectedDelimiter: Delimiter;
  settings: WizardSettings;
  errors?: Record<string, string[]>;
  onChange: (patch: Partial<WizardSettings>) => void;
};

/** What the file holds and how to read it; every change refreshes the preview. */
export function ImportSettingsForm({
  kind,
  suggestedKind,
  detectedDelimiter,
  settings,
  errors,
  onChange,
}: ImportSettingsFormProps) {
  return (
    <div className="space-y-4">
      <Field name="kind" label="The file holds" hint={KIND_LABELS[kind].description} errors={errors?.kind}>
        {(control) => (
          // A new kind has other columns: the overrides made for the old one no longer apply.
          <Select
            {...control}
            value={kind}
            onChange={(e) => onChange({ kind: e.target.value as ImportKind, map: {} })}
            className="sm:max-w-xs"
          >
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k].label}
                {k === suggestedKind ? ' (matches the headers)' : ''}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field name="locale" label="Number format" errors={errors?.locale}>
          {(control) => (
            <Select
              {...control}
              value={settings.locale}
              onChange={(e) => onChange({ locale: e.target.value as NumberLocale })}
            >
              {NUMBER_LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {LOCALE_LABELS[locale]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          name="dateFormat"
          label="Date format"
          hint="Empty: ISO dates such as 2026-03-01."
          errors={errors?.dateFormat}
        >
          {(control) => (
            <>
              <Input
                {...control}
                list="import-date-formats"
                placeholder="YYYY-MM-DD"
                value={settings.dateFormat}
                onChange={(e) => onChange({ dateFormat: e.target.value })}
                autoComplete="off"
                spellCheck={false}
              />
              <datalist id="import-date-formats">
                {DATE_FORMAT_SUGGESTIONS.map((format) => (
                  <option key={format} value={format} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field name="delimiter" label="Delimiter" errors={errors?.delimiter}>
          {(control) => (
            <Select
              {...control}
              value={settings.delimiter}
              onChange={(e) => onChange({ delimiter: e.target.value as WizardSettings['delimiter'] })}
            >
              <option value="auto">Detect ({DELIMITER_LABELS[detectedDelimiter].toLowerCase()} found)</option>
              {DELIMITERS.map((d) => (
                <option key={d} value={d}>
                  {DELIMITER_LABELS[d]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {kind === 'customers' ? (
          <Field
            name="asOf"
            label="As of"
            hint="The day “churned: yes” means; tenure counts back from it. Empty: today."
            errors={errors?.asOf}
          >
            {(control) => (
              <Input
                {...control}
                type="date"
                value={settings.asOf}
                onChange={(e) => onChange({ asOf: e.target.value })}
              />
            )}
          </Field>
        ) : (
          <div className="flex items-start gap-2 pt-6">
            <input
              id="createMissingCustomers"
              type="checkbox"
              checked={settings.createMissingCustomers}
              onChange={(e) => onChange({ createMissingCustomers: e.target.checked })}
              className="mt-0.5 size-4 rounded border-zinc-300 accent-accent-700"
            />
            <label htmlFor="createMissingCustomers" className="text-sm text-zinc-800">
              Create missing customers
              <span className="block text-xs text-zinc-600">
                Rows for a customer id the workspace lacks add a bare customer instead of being rejected.
              </span>
            </label>
          </div>
        )}
      </div>
    </div>
  );
}
