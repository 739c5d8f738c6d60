import { describe, expect, it } from 'vitest';
import { erasableValues, scrubJson, scrubText } from '@/lib/customers/erased-values';

const LABEL = 'Erased customer 7';

describe("scrubbing an erased customer's values from what users typed", () => {
  it('looks for values of three characters or more, once each, longest first', () => {
    expect(erasableValues(['Maria', ' Maria Souza ', 'maria', 'Al', null, undefined, '', 'm@x.io'])).toEqual([
      'Maria Souza',
      'm@x.io',
      'Maria',
    ]);
  });

  it('replaces every occurrence whatever its case, and regular-expression characters literally', () => {
    const values = erasableValues(['Maria Souza', 'Maria', 'a.b+c@x.io']);
    expect(scrubText('Call MARIA SOUZA, then maria', values, LABEL)).toBe(`Call ${LABEL}, then ${LABEL}`);
    expect(scrubText('a.b+c@x.io and aXb+c@x.io', values, LABEL)).toBe(`${LABEL} and aXb+c@x.io`);
  });

  it('reads a list search string parameter by parameter and keeps one it does not touch as it was', () => {
    const values = erasableValues(['Maria Souza', 'maria@x.io']);
    expect(scrubText('?q=maria+souza&sort=mrr', values, LABEL)).toBe('?q=Erased+customer+7&sort=mrr');
    expect(scrubText('?q=maria%40x.io', values, LABEL)).toBe('?q=Erased+customer+7');
    expect(scrubText('?segment=b2c&q=%20x', values, LABEL)).toBe('?segment=b2c&q=%20x');
  });

  it('walks JSON snapshots, leaving numbers, booleans and nulls alone', () => {
    const values = erasableValues(['Maria Souza']);
    expect(
      scrubJson(
        { format: 'csv', filter: { q: 'Maria Souza', ids: [1, 2] }, rows: 3, shared: false, x: null },
        values,
        LABEL,
      ),
    ).toEqual({
      format: 'csv',
      filter: { q: LABEL, ids: [1, 2] },
      rows: 3,
      shared: false,
      x: null,
    });
  });
});
