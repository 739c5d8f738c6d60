import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLine, csvRecords } from '@/lib/export/csv';
import { serializer } from '@/lib/export/formats';

const readBack = (text: string): string[][] => parse(text, { relax_column_count: true });

describe('the CSV writer', () => {
  it('neutralises text a spreadsheet would run as a formula with a leading single quote', () => {
    const attacks = [
      '=HYPERLINK("http://x","y")',
      "+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(1+1)',
      '\t=1+1',
      '\r=1+1',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(1)',
    ];
    expect(readBack(csvLine(attacks))[0]).toEqual(attacks.map((cell) => `'${cell}`));
  });

  it('keeps numbers as they are: number values and text that is a plain decimal number', () => {
    expect(csvLine([-12.5, '-12.50', '+5', '-1e3', 0, 42n, '-.5'])).toBe('-12.5,-12.50,+5,-1e3,0,42,-.5\n');
    expect(csvLine(['-12.5.1', '-', '+'])).toBe("'-12.5.1,'-,'+\n");
  });

  it('quotes cells with commas, quotes and line breaks, and reads back to the same text', () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rinside', 'ünïcödé', '', ' leading space'];
    expect(readBack(csvLine(cells))[0]).toEqual(cells);
  });

  it('writes null as empty, dates as ISO 8601, booleans as words and objects as JSON (never a formula)', () => {
    const line = csvLine([null, undefined, new Date('2026-03-01T10:00:00Z'), true, { name: '=1+1' }, ['=x']]);
    expect(readBack(line)[0]).toEqual(['', '', '2026-03-01T10:00:00.000Z', 'true', '{"name":"=1+1"}', '["=x"]']);
  });

  it('neutralises header cells and records alike', () => {
    const text = csvLine(['id', '=cmd']) + csvRecords(['id', '=cmd'], [{ id: 1, '=cmd': '@evil' }]);
    expect(readBack(text)).toEqual([
      ['id', "'=cmd"],
      ['1', "'@evil"],
    ]);
  });

  it('is what the export serialiser writes for CSV', () => {
    const csv = serializer('csv', ['name', 'mrr']);
    expect(csv.start() + csv.rows([{ name: '=HYPERLINK("http://x","y")', mrr: '-12.50' }], true)).toBe(
      `name,mrr\n"'=HYPERLINK(""http://x"",""y"")",-12.50\n`,
    );
  });
});
