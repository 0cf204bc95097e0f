import { CreditList, ListAction, ListEntryStatus, Verdict } from '../../shared/domain/vocabulary';
import { EntryForExchange, entrySnapshot, entryWithdrawal } from '../../subgraphs/sanctions/rules/exchange-entries';
import { currentVerdict, verdictChanges, VerdictInput } from '../../subgraphs/sanctions/rules/screening-change';

const TODAY = '2026-12-03';
const CHANGED_AT = '2026-12-03T06:00:00.000Z';

const entry = (overrides: Partial<EntryForExchange> = {}): EntryForExchange => ({
  id: 'e1',
  subjectId: 's1',
  subjectUscc: '91320508MA1XXXXX0X',
  subjectName: '苏州测试有限公司',
  list: CreditList.BLACK,
  status: ListEntryStatus.PUBLISHED,
  reason: '事由',
  basis: '依据',
  decisionNo: '姑市监黑〔2026〕1号',
  decidedByCode: 'gusu.scjgj',
  listKind: 'BLACK_DISTRICT',
  designatingAuthorityKind: 'LOCAL_DEPARTMENT',
  designatingAuthority: 'gusu.scjgj',
  decidedAt: '2026-10-01',
  validFrom: '2026-10-01',
  validUntil: '2029-10-01',
  reportedAt: new Date('2026-10-02T01:00:00.000Z'),
  notifiedAt: '2026-10-02',
  objectionDeadline: '2026-10-12',
  removalReason: null,
  ...overrides,
});

const KIND = { name: '区级严重失信主体名单', repairableHere: true, turnTo: null };

describe('list entry snapshots for the exchange', () => {
  it('shares a published entry in its validity, with its list, kind and designator', () => {
    const snapshot = entrySnapshot(entry(), KIND, 12, ListAction.PUBLISH, TODAY, CHANGED_AT);
    expect(snapshot).toMatchObject({
      kind: 'LIST_ENTRY',
      key: 'e1',
      version: 12,
      state: 'ACTIVE',
      withdrawalReason: null,
      subject: { id: 's1', uscc: '91320508MA1XXXXX0X', name: '苏州测试有限公司' },
      fields: {
        list: 'BLACK',
        status: 'PUBLISHED',
        listKind: 'BLACK_DISTRICT',
        listKindName: '区级严重失信主体名单',
        designatingAuthorityKind: 'LOCAL_DEPARTMENT',
        designatingAuthority: 'gusu.scjgj',
        decidedAt: '2026-10-01',
        validUntil: '2029-10-01',
        reason: '事由',
        basis: '依据',
        reportedAt: '2026-10-02T01:00:00.000Z',
        published: true,
      },
      changedAt: CHANGED_AT,
    });
  });

  it('withdraws a removed entry as REPAIRED when its last step was a repair, else REMOVED', () => {
    const removed = entry({ status: ListEntryStatus.REMOVED, removalReason: '信用修复' });
    expect(entryWithdrawal(removed, ListAction.REPAIR, TODAY)).toBe('REPAIRED');
    expect(entryWithdrawal(removed, ListAction.REVOKE, TODAY)).toBe('REMOVED');
    expect(entryWithdrawal(removed, ListAction.UPHOLD_OBJECTION, TODAY)).toBe('REMOVED');
    expect(entryWithdrawal(removed, null, TODAY)).toBe('REMOVED');
  });

  it('withdraws an entry past its validity as EXPIRED, its status read as EXPIRED', () => {
    const expired = entry({ validUntil: '2026-12-02' });
    expect(entryWithdrawal(expired, ListAction.PUBLISH, TODAY)).toBe('EXPIRED');
    expect(entrySnapshot(expired, KIND, 1, ListAction.PUBLISH, TODAY, CHANGED_AT).fields.status).toBe('EXPIRED');
  });

  it('sends entries not yet binding (designated, notified, objected, or ahead of their validity) as NOT_PUBLIC', () => {
    for (const status of [ListEntryStatus.DESIGNATED, ListEntryStatus.NOTIFIED, ListEntryStatus.OBJECTED])
      expect(entryWithdrawal(entry({ status }), ListAction.NOTIFY, TODAY)).toBe('NOT_PUBLIC');
    expect(entryWithdrawal(entry({ validFrom: '2026-12-04' }), ListAction.PUBLISH, TODAY)).toBe('NOT_PUBLIC');
  });

  it('sends a published watch-list entry as ACTIVE but not published (the catalogue filters it)', () => {
    const watch = entrySnapshot(entry({ list: CreditList.WATCH }), KIND, 3, ListAction.PUBLISH, TODAY, CHANGED_AT);
    expect(watch).toMatchObject({ state: 'ACTIVE', fields: { list: 'WATCH', published: false } });
  });
});

const subject = (overrides: Partial<VerdictInput> = {}): VerdictInput => ({
  subjectId: 's1',
  uscc: '91320508MA1XXXXX0X',
  name: '苏州测试有限公司',
  entries: [],
  evaluation: null,
  previousVerdict: null,
  ...overrides,
});

const black = {
  entryId: 'e1',
  list: CreditList.BLACK,
  listKind: 'BLACK_DISTRICT',
  status: ListEntryStatus.PUBLISHED,
  validFrom: '2026-10-01',
  validUntil: null,
};

describe('screening verdict changes', () => {
  it('gives the verdict a screening gives, with the entries of the deciding list', () => {
    const red = { ...black, entryId: 'e2', list: CreditList.RED, listKind: 'RED_DISTRICT' };
    expect(currentVerdict(subject({ entries: [black, red] }), TODAY)).toEqual({
      subjectId: 's1',
      verdict: Verdict.RESTRICT,
      entries: [{ entryId: 'e1', list: 'BLACK', listKind: 'BLACK_DISTRICT' }],
    });
    // An expired entry no longer counts; the grade's floor does.
    const floor = { grade: 'D', verdictFloor: Verdict.CAUTION, tolerantAcceptance: false, basis: '分级分类监管' };
    expect(
      currentVerdict(subject({ entries: [{ ...black, validUntil: '2026-12-02' }], evaluation: floor }), TODAY),
    ).toEqual({ subjectId: 's1', verdict: Verdict.CAUTION, entries: [] });
  });

  it('announces a change from the stored verdict, with it as previousVerdict', () => {
    const { store, announce } = verdictChanges(
      [subject({ entries: [black], previousVerdict: Verdict.INCENTIVE })],
      TODAY,
      CHANGED_AT,
    );
    expect(store.map((s) => s.verdict)).toEqual([Verdict.RESTRICT]);
    expect(announce).toEqual([
      {
        subjectId: 's1',
        uscc: '91320508MA1XXXXX0X',
        name: '苏州测试有限公司',
        verdict: Verdict.RESTRICT,
        previousVerdict: Verdict.INCENTIVE,
        entries: [{ entryId: 'e1', list: 'BLACK', listKind: 'BLACK_DISTRICT' }],
        changedAt: CHANGED_AT,
      },
    ]);
  });

  it('stores nothing and announces nothing when the verdict stays', () => {
    expect(
      verdictChanges([subject({ entries: [black], previousVerdict: Verdict.RESTRICT })], TODAY, CHANGED_AT),
    ).toEqual({ store: [], announce: [] });
  });

  it('stores a subject never stored quietly when it is clear, and announces it from null when it is not', () => {
    const clear = verdictChanges([subject()], TODAY, CHANGED_AT);
    expect(clear.store.map((s) => s.verdict)).toEqual([Verdict.CLEAR]);
    expect(clear.announce).toEqual([]);
    const listed = verdictChanges([subject({ entries: [black] })], TODAY, CHANGED_AT);
    expect(listed.announce.map((c) => [c.previousVerdict, c.verdict])).toEqual([[null, Verdict.RESTRICT]]);
  });
});
