import {
  ExchangeRecordRow,
  licenseSnapshot,
  penaltySnapshot,
  penaltyWithdrawal,
} from '../../subgraphs/subjects/rules/exchange-records';

const CHANGED_AT = '2026-12-03T06:00:00.000Z';
const TODAY = '2026-12-03';

const penaltyRow = (fields: Record<string, string | number | boolean | null> = {}): ExchangeRecordRow => ({
  id: 'p1',
  version: '41',
  subjectId: 's1',
  subjectUscc: '91320508MA1XXXXX0X',
  subjectName: '苏州测试有限公司',
  subjectKind: 'ENTERPRISE',
  subjectIdNumber: null,
  subjectIdType: null,
  fields: {
    id: 'p1',
    decisionNo: '姑市监罚〔2026〕1号',
    decidedAt: '2026-11-01',
    severity: 'GENERAL',
    published: true,
    publicityEndsAt: '2027-11-01',
    repairedAt: null,
    revokedAt: null,
    fineAmount: 1.5,
    authorityCode: 'gusu.scjg',
    authorityName: '姑苏区市场监督管理局',
    ...fields,
  },
});

describe('penalty snapshots for the exchange', () => {
  it('shares a published penalty in its publicity period in full, with its version as a number', () => {
    const snapshot = penaltySnapshot(penaltyRow(), CHANGED_AT, TODAY);
    expect(snapshot).toEqual({
      kind: 'PENALTY',
      key: 'p1',
      version: 41,
      state: 'ACTIVE',
      withdrawalReason: null,
      subject: { id: 's1', uscc: '91320508MA1XXXXX0X', name: '苏州测试有限公司', kind: 'ENTERPRISE' },
      fields: expect.objectContaining({
        decisionNo: '姑市监罚〔2026〕1号',
        fineAmount: 1.5,
        minor: false,
        published: true,
        idNumber: null,
        idType: null,
        authorityName: '姑苏区市场监督管理局',
      }),
      changedAt: CHANGED_AT,
    });
  });

  it('withdraws by the first reason that applies: revoked, repaired, not public, publicity over', () => {
    const reason = (fields: Record<string, string | boolean | null>) =>
      penaltyWithdrawal({ ...penaltyRow().fields, ...fields }, TODAY);
    expect(reason({})).toBeNull();
    expect(reason({ revokedAt: '2026-12-01T00:00:00.000Z', repairedAt: '2026-11-30T00:00:00.000Z' })).toBe('REVOKED');
    expect(reason({ repairedAt: '2026-11-30T00:00:00.000Z', published: false })).toBe('REPAIRED');
    expect(reason({ published: false })).toBe('NOT_PUBLIC');
    expect(reason({ publicityEndsAt: '2026-12-02' })).toBe('EXPIRED');
    expect(reason({ publicityEndsAt: TODAY })).toBeNull();
  });

  it('a withdrawal still carries the fields, so a receiver finds its copy', () => {
    const snapshot = penaltySnapshot(penaltyRow({ repairedAt: '2026-12-02T08:00:00.000Z' }), CHANGED_AT, TODAY);
    expect(snapshot).toMatchObject({
      state: 'WITHDRAWN',
      withdrawalReason: 'REPAIRED',
      fields: { decisionNo: '姑市监罚〔2026〕1号', repairedAt: '2026-12-02T08:00:00.000Z' },
    });
  });

  it('marks a minor penalty (轻微失信信息), which Order 36 keeps out of publicity unless marked necessary', () => {
    const snapshot = penaltySnapshot(penaltyRow({ severity: 'MINOR', published: false }), CHANGED_AT, TODAY);
    expect(snapshot).toMatchObject({
      state: 'WITHDRAWN',
      withdrawalReason: 'NOT_PUBLIC',
      fields: { minor: true, published: false },
    });
  });

  it('sends a natural person’s 证件号码 unmasked (the catalogue decides), and no one else’s', () => {
    const person: ExchangeRecordRow = {
      ...penaltyRow(),
      subjectUscc: null,
      subjectName: '张三',
      subjectKind: 'NATURAL_PERSON',
      subjectIdNumber: '320508199001011234',
      subjectIdType: null,
    };
    expect(penaltySnapshot(person, CHANGED_AT, TODAY).fields).toMatchObject({
      idNumber: '320508199001011234',
      idType: '身份证',
    });
    const enterprise = { ...penaltyRow(), subjectIdNumber: '320508199001011234' };
    expect(penaltySnapshot(enterprise, CHANGED_AT, TODAY).fields.idNumber).toBeNull();
  });
});

describe('licence snapshots for the exchange', () => {
  const licenseRow = (status: string): ExchangeRecordRow => ({
    ...penaltyRow(),
    id: 'l1',
    version: '7',
    fields: { id: 'l1', licenseNo: '姑食许〔2026〕1号', status, validUntil: null },
  });

  it('shares a valid licence and withdraws one that became 无效 as revoked', () => {
    expect(licenseSnapshot(licenseRow('VALID'), CHANGED_AT)).toMatchObject({
      kind: 'LICENSE',
      key: 'l1',
      version: 7,
      state: 'ACTIVE',
      withdrawalReason: null,
      fields: { licenseNo: '姑食许〔2026〕1号', validUntil: null },
    });
    expect(licenseSnapshot(licenseRow('INVALID'), CHANGED_AT)).toMatchObject({
      state: 'WITHDRAWN',
      withdrawalReason: 'REVOKED',
    });
  });
});
