import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, type CsvRecord } from '@/db/import/read-csv';
import { cellsOf, mapHeaders } from '@/lib/import/header-mapping';
import { writeTelcoCsv } from '../helpers/telco-shaped';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-csv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function read(name: string, text: string): Promise<CsvRecord[]> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const out: CsvRecord[] = [];
  for await (const record of readCsv(file)) out.push(record);
  return out;
}

describe('readCsv', () => {
  it('gives each record the line it starts on, across quoted multi-line cells and blank lines', async () => {
    const records = await read('multi.csv', 'id,note\nA,plain\nB,"two\nlines"\n\nC,"three\r\nlines\r\nhere"\nD,last\n');
    expect(records.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'id'],
      [2, 'A'],
      [3, 'B'],
      [6, 'C'],
      [9, 'D'],
    ]);
  });

  it('counts lines right in a CRLF file with line breaks inside cells', async () => {
    const records = await read('crlf.csv', 'id,note\r\nA,x\r\nB,"two\r\nlines"\r\nC,y\r\n');
    expect(records.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'id'],
      [2, 'A'],
      [3, 'B'],
      [5, 'C'],
    ]);
  });

  it('strips a UTF-8 BOM and detects a semicolon delimiter (pt-BR spreadsheets)', async () => {
    const records = await read('ptbr.csv', '\uFEFFcustomer_id;valor\nC-1;1.234,56\n');
    expect(records[0].cells).toEqual(['customer_id', 'valor']);
    expect(records[1].cells).toEqual(['C-1', '1.234,56']);
  });

  it('reports progress in bytes and streams a Telco-shaped file', async () => {
    const file = path.join(dir, 'telco.csv');
    const [first] = writeTelcoCsv(file, 5_000);
    let last = { bytesRead: 0, totalBytes: 0 };
    let count = 0;
    let header: string[] = [];
    for await (const record of readCsv(file, { onProgress: (p) => (last = p) })) {
      if (count === 0) header = record.cells;
      count++;
    }
    expect(count).toBe(5_001);
    expect(last.bytesRead).toBe(last.totalBytes);
    const mapping = mapHeaders('customers', header);
    expect(mapping.missingRequired).toEqual([]);
    const cells = cellsOf([first.customerID, first.gender], header, mapping);
    expect(cells.mapped.id).toBe(first.customerID);
    expect(cells.unmapped.gender).toBe(first.gender);
  });
});
