import {
  CommitmentKind,
  CommitmentStatus,
  CreditList,
  ListEntryStatus,
  PenaltyDomain,
  RepairStatus,
  RepairTarget,
  Severity,
} from '../../shared/domain/vocabulary';
import type { Actor } from '../../subgraphs/repairs/rules/access';
import { DEFAULT_LIST_REPAIR_RULES } from '../../subgraphs/repairs/rules/defaults';
import {
  EligibilityInput,
  judgeEligibility,
  ListEntryFactView,
  PenaltyFactView,
  RepairCondition,
} from '../../subgraphs/repairs/rules/eligibility';
import { CommitmentFactView, repairCommitmentProblem } from '../../subgraphs/repairs/rules/repair-commitment';
import { addMonths, judgePublicity } from '../../subgraphs/subjects/rules/publicity';
import { DEFAULT_PUBLICITY_REPAIR_RULES } from '../../subgraphs/subjects/rules/publicity-repair-defaults';

const OFFICE: Actor = { org: 'gusu.xyb', office: true };
const rules = { lists: DEFAULT_LIST_REPAIR_RULES };

/**
 * A penalty fact as repairs holds it: the publicity facts are what subjects computed
 * from its rule table and sent (here computed the same way, as subjects would).
 */
const penalty = (
  over: Partial<PenaltyFactView> & {
    domain?: PenaltyDomain;
    specificSerious?: boolean;
    necessaryPublicityMonths?: number | null;
  } = {},
): PenaltyFactView => {
  const { domain = PenaltyDomain.GENERAL, specificSerious = false, necessaryPublicityMonths = null, ...fact } = over;
  const base = {
    subjectId: 'subject-1',
    severity: Severity.GENERAL,
    decidedAt: '2025-01-10',
    dataSourceCode: 'gusu.scjgj',
    revoked: false,
    ...fact,
  };
  const computed = judgePublicity(DEFAULT_PUBLICITY_REPAIR_RULES, {
    decidedAt: base.decidedAt,
    severity: base.severity as Severity,
    domain,
    specificSerious,
    necessaryPublicityMonths,
  });
  return { ...computed, ...base };
};
const entry = (over: Partial<ListEntryFactView> = {}): ListEntryFactView => ({
  subjectId: 'subject-1',
  list: CreditList.BLACK,
  status: ListEntryStatus.PUBLISHED,
  decidedByCode: 'gusu.scjgj',
  validUntil: '2028-01-01',
  listKind: 'MARKET_SERIOUS_VIOLATION',
  designatingAuthority: '姑苏区市场监督管理局',
  repairableHere: true,
  turnTo: null,
  ...over,
});

function judge(over: Partial<EligibilityInput> = {}) {
  return judgeEligibility({
    target: RepairTarget.PENALTY,
    targetId: 'target-1',
    penalty: penalty(),
    entry: null,
    rules,
    today: '2026-03-10',
    cases: [],
    actor: OFFICE,
    commitmentProblem: null,
    fulfilmentEvidence: '罚款已于2025-02-01缴清 (缴款书 320500-0001)',
    ...over,
  });
}

const conditions = (over: Partial<EligibilityInput> = {}) => judge(over).failures.map((f) => f.condition);

describe('repair eligibility: every failed condition with its reason', () => {
  it('finds a penalty past its minimum period, with commitment and evidence, eligible', () => {
    expect(judge()).toEqual({
      eligible: true,
      subjectId: 'subject-1',
      ownerCode: 'gusu.scjgj',
      regime: 'NDRC_ORDER_58',
      earliestDate: '2025-04-10',
      openCaseId: null,
      failures: [],
    });
  });

  it('TARGET_UNKNOWN: no fact of that kind; the commitment cannot be judged, the obligations still can', () => {
    expect(conditions({ penalty: null })).toEqual([RepairCondition.TARGET_UNKNOWN]);
    expect(conditions({ penalty: null, commitmentProblem: 'none', fulfilmentEvidence: null })).toEqual([
      RepairCondition.TARGET_UNKNOWN,
      RepairCondition.OBLIGATIONS,
    ]);
    // A penalty id asked for as a list entry is unknown as a list entry.
    expect(conditions({ target: RepairTarget.LIST_ENTRY })).toEqual([RepairCondition.TARGET_UNKNOWN]);
  });

  it('NOT_OWN: a department handles only the records it reported; the credit office all', () => {
    expect(conditions({ actor: { org: 'gusu.scjgj', office: false } })).toEqual([]);
    expect(conditions({ actor: { org: 'gusu.swj', office: false } })).toEqual([RepairCondition.NOT_OWN]);
    expect(conditions({ actor: { org: null, office: false } })).toEqual([RepairCondition.NOT_OWN]);
    expect(
      conditions({
        target: RepairTarget.LIST_ENTRY,
        penalty: null,
        entry: entry({ decidedByCode: 'gusu.swj' }),
        actor: { org: 'gusu.scjgj', office: false },
      }),
    ).toEqual([RepairCondition.NOT_OWN]);
    expect(judge({ actor: { org: 'gusu.swj', office: false } }).failures[0].message).toContain('gusu.scjgj');
  });

  it('the subject applying itself (at the window, online) may apply for any of its records: no NOT_OWN, the owner handles it', () => {
    expect(conditions({ actor: null })).toEqual([]);
    expect(judge({ actor: null }).ownerCode).toBe('gusu.scjgj');
    // Every other condition holds as for a department.
    expect(conditions({ actor: null, fulfilmentEvidence: null })).toEqual([RepairCondition.OBLIGATIONS]);
  });

  it('judges a minor penalty before 2026 as its publicity was (as a general one)', () => {
    const minor2019 = judge({ penalty: penalty({ severity: Severity.MINOR, decidedAt: '2023-03-01' }) });
    expect(minor2019).toMatchObject({ regime: 'CREDIT_CHINA_2019', earliestDate: '2023-06-01' });
    expect(minor2019.failures.map((f) => f.condition)).toEqual([RepairCondition.NOT_REPAIRABLE]); // publicity ended at 12 months
    expect(judge({ penalty: penalty({ severity: Severity.MINOR, decidedAt: '2025-06-01' }) })).toMatchObject({
      regime: 'NDRC_ORDER_58',
      earliestDate: '2025-09-01',
    });
  });

  it('NOT_REPAIRABLE: revoked, past its publicity, or decided before any regime', () => {
    expect(judge({ penalty: penalty({ revoked: true }) }).failures).toEqual([
      {
        condition: RepairCondition.NOT_REPAIRABLE,
        message: 'the decision was revoked: it is no longer published or shared',
        date: null,
      },
    ]);
    // CREDIT_CHINA_2019, GENERAL: at most 1 year, so publicity ended on 2023-12-01 by itself.
    expect(
      judge({ penalty: penalty({ decidedAt: '2022-12-01' }) }).failures.map((f) => [f.condition, f.message]),
    ).toEqual([
      [RepairCondition.NOT_REPAIRABLE, 'its publicity ended by itself on 2023-12-01 (under CREDIT_CHINA_2019)'],
    ]);
    // The last day of publicity still counts.
    expect(conditions({ penalty: penalty({ decidedAt: '2022-12-01' }), today: '2023-12-01' })).toEqual([]);
    expect(conditions({ penalty: penalty({ decidedAt: '2018-12-31' }) })).toEqual([RepairCondition.NOT_REPAIRABLE]);
    expect(conditions({ penalty: penalty({ decidedAt: '2019-06-30' }), today: '2019-12-01' })).toEqual([
      RepairCondition.NOT_REPAIRABLE,
    ]);
  });

  it('NOT_REPAIRABLE: subjects has not yet sent the publicity facts (an event from before they existed)', () => {
    const pending = {
      ...penalty(),
      regime: null,
      published: null,
      repairable: null,
      repairableFrom: null,
      publicityEndsAt: null,
    };
    expect(judge({ penalty: pending }).failures.map((f) => [f.condition, f.message])).toEqual([
      [RepairCondition.NOT_REPAIRABLE, expect.stringContaining('not yet sent') as unknown as string],
    ]);
  });

  it('judges on the facts subjects sent, not on a table of its own', () => {
    const sent = { ...penalty({ decidedAt: '2025-01-10' }), repairableFrom: '2026-05-01' };
    expect(judge({ penalty: sent })).toMatchObject({ eligible: false, earliestDate: '2026-05-01' });
    expect(judge({ penalty: sent }).failures.map((f) => f.date)).toEqual(['2026-05-01']);
  });

  it('a fire-brigade penalty of 2026-03-01 (Order 58, 消防) may be repaired from 2027-03-01', () => {
    const fire = penalty({ decidedAt: '2026-03-01', domain: PenaltyDomain.FIRE, dataSourceCode: 'gusu.xfjy' });
    expect(judge({ penalty: fire, today: '2027-02-28' }).failures).toEqual([
      {
        condition: RepairCondition.MINIMUM_PERIOD,
        message: expect.stringContaining('2027-03-01') as unknown as string,
        date: '2027-03-01',
      },
    ]);
    expect(judge({ penalty: fire, today: '2027-03-01' })).toMatchObject({
      eligible: true,
      regime: 'NDRC_ORDER_58',
      earliestDate: '2027-03-01',
    });
  });

  it('NOT_REPAIRABLE: a 2019 特定严重失信 penalty is published its full period', () => {
    const specific = penalty({ severity: Severity.SERIOUS, decidedAt: '2021-03-10', specificSerious: true });
    expect(judge({ penalty: specific, today: '2022-03-10' })).toMatchObject({ eligible: false, earliestDate: null });
    expect(judge({ penalty: specific, today: '2022-03-10' }).failures.map((f) => [f.condition, f.message])).toEqual([
      [
        RepairCondition.NOT_REPAIRABLE,
        'under CREDIT_CHINA_2019 it is published for its full period, until 2024-03-10, and not repaired early',
      ],
    ]);
  });

  it('NOT_REPAIRABLE: a minor penalty under Order 36 that is not published has nothing to repair', () => {
    expect(
      judge({
        penalty: penalty({ severity: Severity.MINOR, decidedAt: '2026-05-01' }),
        today: '2026-05-02',
      }).failures.map((f) => [f.condition, f.message]),
    ).toEqual([
      [
        RepairCondition.NOT_REPAIRABLE,
        'under NDRC_ORDER_36_2026 a MINOR penalty is not published: there is nothing to repair',
      ],
    ]);
  });

  it('NOT_REPAIRABLE: a red entry, one removed, not yet published or expired', () => {
    const onList = (over: Partial<ListEntryFactView>) =>
      conditions({ target: RepairTarget.LIST_ENTRY, penalty: null, entry: entry(over) });
    expect(onList({})).toEqual([]);
    expect(onList({ list: CreditList.WATCH, validUntil: null })).toEqual([]);
    expect(onList({ list: CreditList.RED })).toEqual([RepairCondition.NOT_REPAIRABLE]);
    expect(onList({ status: ListEntryStatus.REMOVED })).toEqual([RepairCondition.NOT_REPAIRABLE]);
    expect(onList({ status: ListEntryStatus.NOTIFIED })).toEqual([RepairCondition.NOT_REPAIRABLE]);
    expect(onList({ validUntil: '2026-03-09' })).toEqual([RepairCondition.NOT_REPAIRABLE]);
    expect(onList({ validUntil: '2026-03-10' })).toEqual([]);
    expect(judge({ target: RepairTarget.LIST_ENTRY, penalty: null, entry: entry() })).toMatchObject({
      regime: null,
      earliestDate: null,
      ownerCode: 'gusu.scjgj',
    });
  });

  it('MINIMUM_PERIOD: says from which day an application may be made', () => {
    const early = judge({ penalty: penalty({ decidedAt: '2025-12-10' }), today: '2026-03-09' });
    expect(early.failures).toEqual([
      {
        condition: RepairCondition.MINIMUM_PERIOD,
        message: expect.stringContaining('2026-03-10') as unknown as string,
        date: '2026-03-10',
      },
    ]);
    expect(early.earliestDate).toBe('2026-03-10');
    expect(conditions({ penalty: penalty({ decidedAt: '2025-12-10' }), today: '2026-03-10' })).toEqual([]);
    // Month ends clamp: 2025-11-30 + 3 months = 2026-02-28.
    expect(judge({ penalty: penalty({ decidedAt: '2025-11-30' }) }).earliestDate).toBe('2026-02-28');
  });

  it('judges each penalty by the regime in force on its decision date, at each boundary', () => {
    const regime = (decidedAt: string, severity = Severity.SERIOUS) => {
      const result = judge({ penalty: penalty({ decidedAt, severity }), today: '2027-06-01' });
      return [result.regime, result.earliestDate];
    };
    expect(regime('2019-06-30')).toEqual(['NONE_IN_FORCE', null]);
    expect(regime('2019-07-01')).toEqual(['CREDIT_CHINA_2019', '2020-01-01']);
    expect(regime('2023-04-30')).toEqual(['CREDIT_CHINA_2019', '2023-10-30']);
    expect(regime('2023-05-01')).toEqual(['NDRC_ORDER_58', '2023-08-01']);
    expect(regime('2026-03-31')).toEqual(['NDRC_ORDER_58', '2026-06-30']);
    expect(regime('2026-04-01')).toEqual(['NDRC_ORDER_36_2026', '2027-04-01']);
    expect(regime('2026-04-01', Severity.GENERAL)).toEqual(['NDRC_ORDER_36_2026', '2026-07-01']);
  });

  it('lets a minor penalty marked necessary under the 2026 regime be repaired at once, until its 3 months of publicity end', () => {
    const minor = penalty({ severity: Severity.MINOR, decidedAt: '2026-05-01', necessaryPublicityMonths: 3 });
    expect(judge({ penalty: minor, today: '2026-05-01' })).toMatchObject({
      eligible: true,
      regime: 'NDRC_ORDER_36_2026',
      earliestDate: '2026-05-01',
    });
    expect(conditions({ penalty: minor, today: '2026-08-01' })).toEqual([]);
    expect(conditions({ penalty: minor, today: '2026-08-02' })).toEqual([RepairCondition.NOT_REPAIRABLE]);
  });

  it('ALREADY_REPAIRED and OPEN_CASE come from the target’s cases; closed ones do not block', () => {
    expect(conditions({ cases: [{ id: 'c1', status: RepairStatus.APPROVED }] })).toEqual([
      RepairCondition.ALREADY_REPAIRED,
    ]);
    const open = judge({
      cases: [
        { id: 'c0', status: RepairStatus.DENIED },
        { id: 'c1', status: RepairStatus.ACCEPTED },
      ],
    });
    expect(open.failures.map((f) => f.condition)).toEqual([RepairCondition.OPEN_CASE]);
    expect(open.openCaseId).toBe('c1');
    expect(conditions({ cases: [{ id: 'c1', status: RepairStatus.SUBMITTED }] })).toEqual([RepairCondition.OPEN_CASE]);
    for (const status of [RepairStatus.DENIED, RepairStatus.WITHDRAWN, RepairStatus.REJECTED_AT_INTAKE]) {
      expect(conditions({ cases: [{ id: 'c1', status }] })).toEqual([]);
    }
  });

  it('NO_REPAIR_COMMITMENT and OBLIGATIONS', () => {
    expect(judge({ commitmentProblem: 'the application must name it' }).failures).toEqual([
      { condition: RepairCondition.NO_REPAIR_COMMITMENT, message: 'the application must name it', date: null },
    ]);
    expect(conditions({ fulfilmentEvidence: null })).toEqual([RepairCondition.OBLIGATIONS]);
    expect(conditions({ fulfilmentEvidence: '  ' })).toEqual([RepairCondition.OBLIGATIONS]);
  });

  it('lists every failed condition at once', () => {
    expect(
      conditions({
        penalty: penalty({ revoked: true, decidedAt: '2026-02-01' }),
        actor: { org: 'gusu.swj', office: false },
        cases: [
          { id: 'a', status: RepairStatus.APPROVED },
          { id: 'b', status: RepairStatus.SUBMITTED },
        ],
        commitmentProblem: 'none',
        fulfilmentEvidence: null,
      }),
    ).toEqual([
      RepairCondition.NOT_OWN,
      RepairCondition.NOT_REPAIRABLE,
      RepairCondition.MINIMUM_PERIOD,
      RepairCondition.ALREADY_REPAIRED,
      RepairCondition.OPEN_CASE,
      RepairCondition.NO_REPAIR_COMMITMENT,
      RepairCondition.OBLIGATIONS,
    ]);
  });
});

describe('the repair commitment an application names', () => {
  const today = '2026-03-10';
  const fact = (over: Partial<CommitmentFactView> = {}): CommitmentFactView => ({
    id: 'c1',
    subjectId: 'subject-1',
    kind: CommitmentKind.REPAIR,
    status: CommitmentStatus.IN_EFFECT,
    validUntil: '2027-01-01',
    ...over,
  });
  const problem = (over: Partial<CommitmentFactView> | null) =>
    repairCommitmentProblem('c1', over === null ? null : fact(over), 'subject-1', today);

  it('must be named, known, the subject’s own, a REPAIR commitment, in effect and valid today', () => {
    expect(problem({})).toBeNull();
    expect(problem({ validUntil: null })).toBeNull();
    expect(problem({ validUntil: today })).toBeNull();
    expect(repairCommitmentProblem(undefined, fact(), 'subject-1', today)).toContain('must name');
    expect(problem(null)).toContain('not known');
    expect(problem({ subjectId: 'subject-2' })).toContain('another subject');
    expect(problem({ kind: CommitmentKind.PROACTIVE })).toContain('not a repair commitment');
    expect(problem({ status: CommitmentStatus.BREACHED })).toContain('BREACHED');
    expect(problem({ validUntil: '2026-03-09' })).toContain('expired on 2026-03-09');
  });
});

describe('addMonths', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2026-04-01', 12)).toBe('2027-04-01');
  });
});
