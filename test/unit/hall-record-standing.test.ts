import type { MyAction, MyLicense, MyListEntry, MyPenalty } from '../../hall/browser/operations';
import {
  actionStanding,
  licenseStanding,
  listEntryStanding,
  penaltyPublicity,
  penaltyStanding,
} from '../../hall/browser/record-standing';

/** Where the subject's own records stand on /hall/my, and when 提出异议 is offered (hall/browser/record-standing.ts). */
const penalty = (over: Partial<MyPenalty> = {}): MyPenalty => ({
  id: 'p1',
  decisionNo: '姑苏罚〔2026〕1号',
  decidedAt: '2026-03-01',
  content: '警告',
  published: true,
  publicityEndsAt: '2026-06-01',
  repairedAt: null,
  revokedAt: null,
  revocationReason: null,
  objectionPending: false,
  authority: null,
  ...over,
});
const license = (over: Partial<MyLicense> = {}): MyLicense => ({
  id: 'l1',
  documentName: '食品经营许可决定书',
  licenseNo: '姑苏许〔2026〕1号',
  title: null,
  category: 'APPROVAL',
  categoryDetail: null,
  content: '准予食品经营许可',
  decidedAt: '2026-03-01',
  validity: '2026-03-01 至 2031-02-28',
  status: 'VALID',
  inForce: true,
  invalidatedAt: null,
  invalidationReason: null,
  objectionPending: false,
  authority: null,
  ...over,
});
const action = (over: Partial<MyAction> = {}): MyAction => ({
  id: 'a1',
  actionKind: 'ENFORCEMENT',
  documentNo: '姑苏强〔2026〕1号',
  title: '查封经营场所',
  content: '查封',
  decidedAt: '2026-03-01',
  withdrawnAt: null,
  withdrawalReason: null,
  objectionPending: false,
  authority: null,
  ...over,
});
const entry = (over: Partial<MyListEntry> = {}): MyListEntry => ({
  id: 'e1',
  list: 'BLACK',
  status: 'PUBLISHED',
  reason: '严重失信',
  basis: '依据',
  decisionNo: '姑苏认〔2026〕1号',
  designatingAuthority: '姑苏区市场监督管理局',
  decidedAt: '2026-03-01',
  validUntil: '2029-03-01',
  objectionDeadline: '2026-03-10',
  removalReason: null,
  objectionPending: false,
  listKind: { name: '严重违法失信名单', repairableHere: true, turnTo: null },
  ...over,
});
// 2026-03-02T10:00:00+08:00
const AT = '2026-03-02T02:00:00.000Z';

describe('record standing on /hall/my', () => {
  it('penalties: publicity by China date; revoked and repaired ones are closed', () => {
    expect(penaltyPublicity(penalty(), '2026-03-02')).toBe('公示中（至 2026-06-01）');
    expect(penaltyPublicity(penalty(), '2026-07-01')).toBe('公示期已满');
    expect(penaltyPublicity(penalty({ published: false }), '2026-03-02')).toBe('不公示');
    expect(penaltyStanding(penalty())).toEqual({ text: '有效', closed: null, elsewhere: null });
    expect(penaltyStanding(penalty({ revokedAt: AT, revocationReason: '复议撤销' }))).toEqual({
      text: '已撤销（2026-03-02：复议撤销）',
      closed: '已撤销',
      elsewhere: null,
    });
    expect(penaltyStanding(penalty({ repairedAt: AT })).closed).toBe('已修复');
  });

  it('licences: 无效 is closed with when and why; one out of its term may still be objected to', () => {
    expect(licenseStanding(license())).toEqual({ text: '有效', closed: null, elsewhere: null });
    expect(licenseStanding(license({ inForce: false })).closed).toBeNull();
    expect(
      licenseStanding(license({ status: 'INVALID', inForce: false, invalidatedAt: AT, invalidationReason: '注销' })),
    ).toEqual({ text: '无效（2026-03-02：注销）', closed: '无效', elsewhere: null });
  });

  it('actions: a withdrawn one is closed', () => {
    expect(actionStanding(action()).closed).toBeNull();
    const withdrawn = actionStanding(action({ withdrawnAt: AT, withdrawalReason: '异议成立 GSYY-2026-00000001' }));
    expect(withdrawn.closed).toBe('已撤回');
    expect(withdrawn.text).toContain('GSYY-2026-00000001');
  });

  it('list entries: removed is closed; an outside authority’s and one not yet published are objected to elsewhere', () => {
    expect(listEntryStanding(entry())).toEqual({ text: '公示中', closed: null, elsewhere: null });
    expect(listEntryStanding(entry({ status: 'EXPIRED' })).elsewhere).toBeNull();
    expect(listEntryStanding(entry({ status: 'REMOVED', removalReason: '信用修复' }))).toEqual({
      text: '已移出：信用修复',
      closed: '已移出',
      elsewhere: null,
    });
    const external = listEntryStanding(
      entry({
        designatingAuthority: '国家税务总局苏州市税务局',
        listKind: { name: '重大税收违法失信主体', repairableHere: false, turnTo: '国家税务总局苏州市税务局' },
      }),
    );
    expect(external.closed).toBeNull();
    expect(external.elsewhere).toContain('请向国家税务总局苏州市税务局提出');
    const notified = listEntryStanding(entry({ status: 'NOTIFIED' }));
    expect(notified.text).toBe('已告知');
    expect(notified.elsewhere).toContain('异议期至 2026-03-10');
  });
});
