import { describe, expect, it } from 'vitest';
import { memoryNote } from '@/bench/memory';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sameStamp, seedSourceHash } from '@/bench/reference-stamp';
import { tally, toMarkdown, verdict, type Figure, type Report } from '@/bench/report';

const MB = 2 ** 20;
const target = { label: 'p95 <= 50 ms', of: 'value' as const, max: 50 };
const figure = (over: Partial<Figure>): Figure => ({ name: 'f', value: 10, unit: 'ms', target, ...over });

describe('bench verdicts', () => {
  it('pass within the target, fail above it, and a trivial figure is not measured rather than passed', () => {
    expect(verdict(figure({ value: 49 }))).toBe('pass');
    expect(verdict(figure({ value: 51 }))).toBe('FAIL');
    expect(verdict(figure({ value: 1, trivial: '0 rows match: nothing to sort' }))).toBe('not measured');
    expect(verdict(figure({ target: undefined }))).toBe('');
  });

  it('judge a ratio target by the ratio to the floor', () => {
    const importTarget = { label: '<= 1.43x', of: 'ratio' as const, max: 1 / 0.7 };
    expect(verdict(figure({ value: 10_000, unit: 'rows/s', ratio: 1.2, target: importTarget }))).toBe('pass');
    expect(verdict(figure({ value: 10_000, unit: 'rows/s', ratio: 2.5, target: importTarget }))).toBe('FAIL');
    expect(verdict(figure({ value: 10_000, unit: 'rows/s', ratio: null, target: importTarget }))).toBe('not measured');
  });

  it('name failed sections and failing figures in the summary, and keep the figures measured before a failure', () => {
    const report: Report = {
      generatedAt: '2026-12-02T00:00:00Z',
      machine: {},
      postgres: { autovacuum: 'off' },
      volume: {},
      sections: [
        {
          title: 'KPI page',
          notes: [],
          figures: [figure({ name: 'inputs', value: 12 })],
          failed: 'update customers … where id in ()',
        },
        {
          title: 'List',
          notes: [],
          figures: [figure({ name: 'sort name', value: 80 }), figure({ name: 'risk', trivial: 'no scores' })],
        },
      ],
    };
    expect(tally(report)).toEqual({
      pass: 1,
      fail: ['List: sort name'],
      notMeasured: ['List: risk'],
      failedSections: ['KPI page'],
    });
    const md = toMarkdown(report);
    expect(md).toContain('**This section stopped with an error:** update customers … where id in ()');
    expect(md).toContain('| inputs | 12 ms |');
    expect(md).toContain('not measured: no scores');
    expect(md).toContain('- autovacuum: off');
  });
});

describe('the import memory note', () => {
  it('says what the numbers say', () => {
    expect(memoryNote([200 * MB, 205 * MB, 210 * MB, 212 * MB])).toContain(
      '+6% from the first sample to the last (flat within 15%)',
    );
    expect(memoryNote([200 * MB, 300 * MB, 400 * MB, 500 * MB])).toContain(
      '+150% from the first sample to the last (growing)',
    );
  });
});

describe('the reference database stamp', () => {
  it('matches only the same volume and the same seed', () => {
    const stamp = { customers: 1_000_000, seed: 'abc' };
    expect(sameStamp({ ...stamp }, stamp)).toBe(true);
    expect(sameStamp({ ...stamp, seed: 'def' }, stamp)).toBe(false);
    expect(sameStamp({ ...stamp, customers: 20_000 }, stamp)).toBe(false);
    expect(sameStamp(null, stamp)).toBe(false);
  });

  it('changes its seed hash when any seed file changes', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-hash-'));
    fs.mkdirSync(path.join(root, 'db', 'seed'), { recursive: true });
    fs.writeFileSync(path.join(root, 'db', 'seed', 'generate.ts'), 'export const WINDOW_MONTHS = 24;');
    const before = seedSourceHash(root);
    expect(seedSourceHash(root)).toBe(before);
    fs.writeFileSync(path.join(root, 'db', 'seed', 'generate.ts'), 'export const WINDOW_MONTHS = 36;');
    expect(seedSourceHash(root)).not.toBe(before);
    fs.rmSync(root, { recursive: true });
  });
});
