import { describe, expect, it } from 'vitest';
import { auditSearchString, parseAuditQuery } from '@/lib/validation/audit';

describe('parseAuditQuery', () => {
  it('reads allow-listed filters and a cursor', () => {
    expect(
      parseAuditQuery({
        actor: '7',
        entity: 'user',
        action: 'user.create',
        from: '2025-01-01',
        to: '2025-01-31',
        after: '2025-01-02T03:04:05.123456Z~99',
      }),
    ).toEqual({
      actor: 7,
      entityType: 'user',
      action: 'user.create',
      from: '2025-01-01',
      to: '2025-01-31',
      after: { createdAt: '2025-01-02T03:04:05.123456Z', id: 99 },
    });
    expect(parseAuditQuery({ actor: 'system' })).toEqual({ actor: 'system' });
  });

  it('drops each bad parameter on its own instead of failing', () => {
    expect(
      parseAuditQuery({
        actor: '1 or 1=1',
        entity: 'customers; drop table users',
        action: 'user.explode',
        from: '2025-02-30',
        to: 'yesterday',
        after: 'not-a-cursor',
        before: '2025-01-02T03:04:05Z~1',
      }),
    ).toEqual({ before: { createdAt: '2025-01-02T03:04:05Z', id: 1 } });
    expect(parseAuditQuery({ actor: ['3', '4'], entity: '' })).toEqual({ actor: 3 });
    expect(parseAuditQuery({ actor: '2147483648', after: '0000-01-01T00:00:00Z~1' })).toEqual({});
  });

  it('round-trips filters and a page position through the URL', () => {
    const search = auditSearchString(
      { actor: 'system', from: '2025-01-01' },
      { after: { createdAt: '2025-01-02T03:04:05.000001Z', id: 5 } },
    );
    const params = Object.fromEntries(new URLSearchParams(search));
    expect(parseAuditQuery(params)).toEqual({
      actor: 'system',
      from: '2025-01-01',
      after: { createdAt: '2025-01-02T03:04:05.000001Z', id: 5 },
    });
    expect(auditSearchString({})).toBe('');
  });
});
