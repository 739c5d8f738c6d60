/**
 * Locale-aware number parsing for imported cells. Exact: decimal strings are handled as digits, never through
 * floating point, so that "1.234,56" becomes 123456 cents and not 123455.99999.
 */
export type NumberLocale = 'en' | 'pt-BR';

const SEPARATORS: Record<NumberLocale, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  'pt-BR': { group: '.', decimal: ',' },
};

export const NUMBER_LOCALES = Object.keys(SEPARATORS) as NumberLocale[];

type Decimal = { negative: boolean; integer: string; fraction: string };

// Compiled once per locale: parsing runs for every numeric cell of files with millions of rows.
const PATTERNS = Object.fromEntries(
  NUMBER_LOCALES.map((locale) => {
    const { group, decimal } = SEPARATORS[locale];
    const g = group === '.' ? '\\.' : ',';
    const d = decimal === '.' ? '\\.' : ',';
    return [
      locale,
      { grouped: new RegExp(`^\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`), plain: new RegExp(`^\\d+(${d}\\d*)?$|^${d}\\d+$`) },
    ];
  }),
) as Record<NumberLocale, { grouped: RegExp; plain: RegExp }>;

/** Splits a locale number ("-1.234,56", "(1,234.56)", "$ 12") into sign and digit strings; null if it is not one. */
function parseDecimal(text: string, locale: NumberLocale): Decimal | null {
  if (/^\d+$/.test(text)) return { negative: false, integer: text, fraction: '' };
  const { group, decimal } = SEPARATORS[locale];
  let s = text.trim().replace(/\s+/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  // Currency symbols or codes before or after the amount, e.g. "R$1.234,56", "1,234.56 USD".
  s = s.replace(/^[A-Za-z$€£¥R]{1,3}(?=[-+\d.,])/, '').replace(/(?<=[\d.,])[A-Za-z$€£¥]{1,3}$/, '');
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = negative || s.startsWith('-');
    s = s.slice(1);
  }
  const { grouped, plain } = PATTERNS[locale];
  if (!grouped.test(s) && !plain.test(s)) return null;
  const [integer, fraction = ''] = s.split(group).join('').split(decimal);
  return { negative, integer: integer || '0', fraction };
}

export function parseNumber(text: string, locale: NumberLocale = 'en'): number | null {
  const d = parseDecimal(text, locale);
  if (!d) return null;
  const value = Number(`${d.integer}.${d.fraction || '0'}`);
  return d.negative ? -value : value;
}

/** Digits after the decimal point in a currency's minor unit (USD 2, JPY 0, BHD 3). */
const minorDigitsOf = new Map<string, number>();

export function minorUnitDigits(currency: string): number {
  let digits = minorDigitsOf.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    minorDigitsOf.set(currency, digits);
  }
  return digits;
}

/** A money amount in integer minor units, rounded half away from zero; null if the text is not a number. */
export function parseMoneyToMinor(text: string, locale: NumberLocale = 'en', currency = 'USD'): number | null {
  const d = parseDecimal(text, locale);
  if (!d) return null;
  const digits = minorUnitDigits(currency);
  const fraction = d.fraction.padEnd(digits + 1, '0');
  let minor = BigInt(d.integer + fraction.slice(0, digits));
  if (Number(fraction[digits]) >= 5) minor += 1n;
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(d.negative ? -minor : minor);
}
