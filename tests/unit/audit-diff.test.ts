import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '@/lib/audit/diff';
import { auditEntitySubject } from '@/lib/audit/catalog';

describe('diffSnapshots', () => {
  it('compares field by field', () => {
    expect(diffSnapshots({ role: 'csm', name: 'A', gone: 1 }, { role: 'lead', name: 'A', added: true })).toEqual([
      { key: 'added', before: null, after: 'true', change: 'added' },
      { key: 'gone', before: '1', after: null, change: 'removed' },
      { key: 'name', before: '"A"', after: '"A"', change: 'unchanged' },
      { key: 'role', before: '"csm"', after: '"lead"', change: 'changed' },
    ]);
  });

  it('treats a missing side as empty and a non-object snapshot as one value', () => {
    expect(diffSnapshots(null, { a: 1 })).toEqual([{ key: 'a', before: null, after: '1', change: 'added' }]);
    expect(diffSnapshots(3, [1])).toEqual([{ key: '(value)', before: '3', after: '[1]', change: 'changed' }]);
  });

  it('names the subject of an entry from its snapshot', () => {
    expect(auditEntitySubject(null, { name: 'Nia', email: 'nia@x.test' })).toBe('Nia (nia@x.test)');
    expect(auditEntitySubject({ email: 'old@x.test' }, null)).toBe('old@x.test');
    expect(auditEntitySubject(null, { count: 2 })).toBeNull();
    expect(auditEntitySubject(null, { kind: 'customers', filename: 'telco.csv' })).toBe('telco.csv');
  });
});
