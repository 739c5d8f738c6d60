import type { ImportKind } from '@/lib/import/columns';
import type { NumberLocale } from '@/lib/import/numbers';
import type { DELIMITER_CHOICES, ImportSettingsInput } from '@/lib/validation/imports';

/** What the import page lets the user set, as its controls hold it. */
export type WizardSettings = {
  /** Undefined until the user picks one: the preview then uses the kind the file's headers fit. */
  kind?: ImportKind;
  /** Overrides by normalised header: a canonical column, or "-" for unmapped. */
  map: Record<string, string>;
  locale: NumberLocale;
  dateFormat: string;
  delimiter: (typeof DELIMITER_CHOICES)[number];
  /** YYYY-MM-DD, or empty for today. */
  asOf: string;
  createMissingCustomers: boolean;
};

export const INITIAL_SETTINGS: WizardSettings = {
  map: {},
  locale: 'en',
  dateFormat: '',
  delimiter: 'auto',
  asOf: '',
  createMissingCustomers: false,
};

/** The settings as the preview and start actions take them. */
export function settingsPayload(
  uploadId: string,
  settings: WizardSettings,
): Omit<ImportSettingsInput, 'kind'> & { kind?: ImportKind } {
  return {
    uploadId,
    kind: settings.kind,
    map: settings.map,
    locale: settings.locale,
    dateFormat: settings.dateFormat || undefined,
    delimiter: settings.delimiter,
    asOf: settings.asOf || undefined,
    createMissingCustomers: settings.createMissingCustomers,
  };
}
