import { describe, expect, it } from 'vitest';
import { parseBoolean } from '@/lib/import/booleans';
import { parseDate } from '@/lib/import/dates';
import { detectDelimiter } from '@/lib/import/delimiter';
import { minorUnitDigits, parseMoneyToMinor, parseNumber } from '@/lib/import/numbers';

describe('parseMoneyToMinor', () => {
  it.each([
    ['1234.56', 'en', 123456],
    ['1,234.56', 'en', 123456],
    ['1.234,56', 'pt-BR', 123456],
    ['R$ 1.234,56', 'pt-BR', 123456],
    ['0,1', 'pt-BR', 10],
    ['29.85', 'en', 2985],
    ['19.999', 'en', 2000],
    ['-5.005', 'en', -501],
    ['(12.50)', 'en', -1250],
    ['$1,000,000', 'en', 100000000],
    ['.5', 'en', 50],
  ] as const)('%s (%s) -> %d cents', (text, locale, cents) => {
    expect(parseMoneyToMinor(text, locale)).toBe(cents);
  });

  it('has no float error on amounts that floats get wrong', () => {
    expect(parseMoneyToMinor('1.005')).toBe(101);
    expect(parseMoneyToMinor('4.35')).toBe(435);
  });

  it('uses the minor unit of the currency', () => {
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(parseMoneyToMinor('1,234', 'en', 'JPY')).toBe(1234);
    expect(parseMoneyToMinor('1.2345', 'en', 'BHD')).toBe(1235);
  });

  it.each(['', 'abc', '1.234,56', '12..3', '1,23,4'])('refuses %j in the en locale', (text) => {
    expect(parseMoneyToMinor(text, 'en')).toBeNull();
  });

  it('refuses an en-formatted number in pt-BR instead of misreading it', () => {
    expect(parseMoneyToMinor('1,234.56', 'pt-BR')).toBeNull();
  });
});

describe('parseNumber', () => {
  it('reads both locales', () => {
    expect(parseNumber('1.234,5', 'pt-BR')).toBe(1234.5);
    expect(parseNumber('-0.25')).toBe(-0.25);
    expect(parseNumber('7')).toBe(7);
    expect(parseNumber(' ')).toBeNull();
  });
});

describe('parseBoolean', () => {
  it.each([
    ['Yes', true],
    ['no', false],
    ['TRUE', true],
    ['false', false],
    ['1', true],
    ['0', false],
    ['Sim', true],
    ['não', false],
  ] as const)('%s -> %s', (text, value) => expect(parseBoolean(text)).toBe(value));
  it('returns null for anything else', () => expect(parseBoolean('maybe')).toBeNull());
});

describe('parseDate', () => {
  it('reads ISO dates and date-times as UTC unless a zone is given', () => {
    expect(parseDate('2025-03-07')?.toISOString()).toBe('2025-03-07T00:00:00.000Z');
    expect(parseDate('2025-03-07T09:05:00')?.toISOString()).toBe('2025-03-07T09:05:00.000Z');
    expect(parseDate('2025-03-07 09:05')?.toISOString()).toBe('2025-03-07T09:05:00.000Z');
    expect(parseDate('2025-03-07T09:05:00-03:00')?.toISOString()).toBe('2025-03-07T12:05:00.000Z');
  });

  it('reads a given format strictly', () => {
    expect(parseDate('3/7/2025 9:05', 'M/D/YYYY H:mm')?.toISOString()).toBe('2025-03-07T09:05:00.000Z');
    expect(parseDate('07/03/2025', 'DD/MM/YYYY')?.toISOString()).toBe('2025-03-07T00:00:00.000Z');
    expect(parseDate('2025-03-07', 'M/D/YYYY H:mm')).toBeNull();
  });

  it('knows leap years: Feb 29 exists in 2024 and 2000, not in 2025 or 1900', () => {
    expect(parseDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDate('2000-02-29')?.toISOString()).toBe('2000-02-29T00:00:00.000Z');
    expect(parseDate('2025-02-29')).toBeNull();
    expect(parseDate('1900-02-29')).toBeNull();
    expect(parseDate('2025-04-31T10:00:00Z')).toBeNull();
    expect(parseDate('2025-12-31T23:59:59.999Z')?.toISOString()).toBe('2025-12-31T23:59:59.999Z');
  });

  it.each(['2025-02-30', '2025-13-01', '07/03/2025', 'yesterday', ''])('refuses %j without a format', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('refuses impossible dates in a format too', () => {
    expect(parseDate('2/30/2025 10:00', 'M/D/YYYY H:mm')).toBeNull();
  });
});

describe('detectDelimiter', () => {
  it('finds comma, semicolon, tab and pipe', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('id;valor\n1;1.234,56\n2;7,00')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2|3')).toBe('|');
  });

  it('ignores delimiters inside quoted cells and a BOM', () => {
    expect(detectDelimiter('\uFEFFname;note\n"Doe, Jane";"a, b, c"\n"Roe, R";x')).toBe(';');
  });
});
