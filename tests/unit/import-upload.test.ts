import { describe, expect, it } from 'vitest';
import { CsvContentCheck } from '@/lib/import/upload-check';
import { uploadDisplayName } from '@/lib/import/upload-filename';

function check(...chunks: (string | Uint8Array)[]): string | null {
  const c = new CsvContentCheck();
  for (const chunk of chunks) {
    const refused = c.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    if (refused) return refused;
  }
  return c.finish();
}

describe('CSV content check', () => {
  it('accepts UTF-8 text, with a BOM and with a character split across chunks', () => {
    expect(check('\uFEFFid,name\nA,José\n')).toBeNull();
    const bytes = new TextEncoder().encode('id,name\nA,José\n');
    const split = bytes.indexOf(0xc3) + 1;
    expect(check(bytes.subarray(0, split), bytes.subarray(split))).toBeNull();
  });

  it('refuses workbooks, PDFs, binary and UTF-16 files, Latin-1 text, a cut character and emptiness', () => {
    expect(check(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toMatch(/Excel or OpenDocument workbook/);
    expect(check(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toMatch(/old Excel workbook/);
    expect(check('%PDF-1.7\n')).toMatch(/PDF/);
    expect(check(new Uint8Array([0x69, 0x00, 0x64, 0x00]))).toMatch(/not a text file/);
    expect(check(new Uint8Array([0x69, 0x64, 0x0a, 0xe9, 0x0a]))).toMatch(/not UTF-8/);
    expect(check(new TextEncoder().encode('id\né').subarray(0, 4))).toMatch(/not UTF-8/);
    expect(check('')).toMatch(/empty/);
    expect(check('\uFEFF \r\n')).toMatch(/empty/);
  });
});

describe('upload display name', () => {
  it('keeps the base name only, decoded, without control characters, and never empty', () => {
    expect(uploadDisplayName(encodeURIComponent('Clientes março.csv'))).toBe('Clientes março.csv');
    expect(uploadDisplayName('..%2F..%2Fetc%2Fpasswd')).toBe('passwd');
    expect(uploadDisplayName('C:\\Users\\ana\\export.csv')).toBe('export.csv');
    expect(uploadDisplayName('bad%ZZname.csv')).toBe('bad%ZZname.csv');
    expect(uploadDisplayName('a\u0000b\u001f.csv')).toBe('ab.csv');
    expect(uploadDisplayName(null)).toBe('upload.csv');
    expect(uploadDisplayName('../')).toBe('upload.csv');
    expect(uploadDisplayName('x'.repeat(300))).toHaveLength(200);
  });
});
