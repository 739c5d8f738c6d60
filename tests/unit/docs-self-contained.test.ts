import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const SKIP = new Set([
  'node_modules',
  '.next',
  '.holdfast',
  '.git',
  'test-results',
  'playwright-report',
  'results',
  'meta',
]);
const TEXT = /\.(ts|tsx|mjs|js|md|css|json|sql)$|^run$/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return TEXT.test(entry.name) && !entry.name.startsWith('package-lock') ? [full] : [];
  });
}

const sources = files(root).map((file) => ({ file: path.relative(root, file), text: fs.readFileSync(file, 'utf8') }));
// This file names what it looks for.
const others = sources.filter(({ file }) => file !== path.join('tests', 'unit', 'docs-self-contained.test.ts'));

describe('the repository explains itself', () => {
  it('points to no design document or section kept outside it', () => {
    const outside = others.flatMap(({ file, text }) =>
      text
        .split('\n')
        .flatMap((line, index) =>
          /DESIGN(\.md)?\b|STACK\.md|§/.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(outside).toEqual([]);
  });

  it('points only to docs that exist', () => {
    const pointers = others.flatMap(({ file, text }) =>
      [...text.matchAll(/\bdocs\/[\w-]+\.md\b/g)].map((match) => ({ file, doc: match[0] })),
    );
    expect(pointers.length).toBeGreaterThan(0);
    expect(pointers.filter(({ doc }) => !fs.existsSync(path.join(root, doc)))).toEqual([]);
  });

  it('links, in README and docs, only files of the repository', () => {
    const broken = others
      .filter(({ file }) => file.endsWith('.md'))
      .flatMap(({ file, text }) =>
        [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
          .map((match) => match[1])
          .filter((target) => !/^[a-z]+:/.test(target))
          .map((target) => ({ file, target, resolved: path.resolve(root, path.dirname(file), target) }))
          .filter(({ resolved }) => !resolved.startsWith(root + path.sep) || !fs.existsSync(resolved)),
      );
    expect(broken.map(({ file, target }) => `${file}: ${target}`)).toEqual([]);
  });
});
