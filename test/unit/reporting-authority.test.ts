import { CreditList, ListEntryStatus } from '../../shared/domain/vocabulary';
import { maskPersonName } from '../../shared/identifiers/person-name';
import { visibleTo } from '../../subgraphs/sanctions/rules/active';
import {
  authoritiesOf,
  DelegationTerms,
  isDelegationInForce,
  mayUpdateReported,
} from '../../subgraphs/subjects/rules/reporting-authority';

const delegation = (overrides: Partial<DelegationTerms> = {}): DelegationTerms => ({
  authorityCode: 'gusu.scjgj',
  delegateCode: 'gusu.cgj',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  revokedAt: null,
  ...overrides,
});

describe('reporting authority (谁的决定谁报送)', () => {
  it('a delegation binds from its first to its last day until revoked', () => {
    expect(isDelegationInForce(delegation(), '2026-01-01')).toBe(true);
    expect(isDelegationInForce(delegation(), '2026-12-31')).toBe(true);
    expect(isDelegationInForce(delegation(), '2025-12-31')).toBe(false);
    expect(isDelegationInForce(delegation(), '2027-01-01')).toBe(false);
    expect(isDelegationInForce(delegation({ validUntil: null }), '2099-01-01')).toBe(true);
    expect(isDelegationInForce(delegation({ revokedAt: new Date() }), '2026-06-01')).toBe(false);
  });

  it('a department reports for itself and for the authorities delegated to it, not for those it delegated', () => {
    const all = [
      delegation(),
      delegation({ authorityCode: 'gusu.zjw', revokedAt: new Date() }),
      delegation({ authorityCode: 'gusu.cgj', delegateCode: 'gusu.xfjy' }),
    ];
    expect([...authoritiesOf('gusu.cgj', all, '2026-06-01')].sort()).toEqual(['gusu.cgj', 'gusu.scjgj']);
    expect([...authoritiesOf('gusu.scjgj', all, '2026-06-01')]).toEqual(['gusu.scjgj']);
    expect([...authoritiesOf('gusu.xfjy', all, '2026-06-01')].sort()).toEqual(['gusu.cgj', 'gusu.xfjy']);
  });

  it('the authority updates any record in its name; a delegate only what it reported', () => {
    expect(mayUpdateReported('gusu.scjgj', { authorityCode: 'gusu.scjgj', dataSourceCode: 'gusu.cgj' })).toBe(true);
    expect(mayUpdateReported('gusu.cgj', { authorityCode: 'gusu.scjgj', dataSourceCode: 'gusu.cgj' })).toBe(true);
    expect(mayUpdateReported('gusu.xfjy', { authorityCode: 'gusu.scjgj', dataSourceCode: 'gusu.cgj' })).toBe(false);
  });
});

describe('list entries by reader (one rule for listEntries and screening)', () => {
  const entry = (list: CreditList, status = ListEntryStatus.PUBLISHED) => ({
    list,
    status,
    validFrom: null,
    validUntil: null,
  });
  it('without credit:read only published red and black entries in force; with it all of them', () => {
    const entries = [
      entry(CreditList.BLACK),
      entry(CreditList.WATCH),
      entry(CreditList.RED),
      entry(CreditList.BLACK, ListEntryStatus.NOTIFIED),
    ];
    expect(visibleTo(entries, false, '2026-06-01').map((e) => e.list)).toEqual([CreditList.BLACK, CreditList.RED]);
    expect(visibleTo(entries, true, '2026-06-01')).toEqual(entries);
  });
});

describe('the masked name', () => {
  it('shows the first character and one * per other character', () => {
    expect([maskPersonName('禤翀骞'), maskPersonName('张三'), maskPersonName('王'), maskPersonName(' 李四 ')]).toEqual([
      '禤**',
      '张*',
      '*',
      '李*',
    ]);
  });
});
