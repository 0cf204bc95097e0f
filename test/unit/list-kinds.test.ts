import { generateDemoData } from '../../shared/demo/generator';
import {
  AuthorityKind,
  CreditList,
  ListEntryStatus,
  RepairStatus,
  RepairTarget,
  Scenario,
} from '../../shared/domain/vocabulary';
import { DEFAULT_LIST_REPAIR_RULES } from '../../subgraphs/repairs/rules/defaults';
import {
  externalAuthority,
  judgeEligibility,
  ListEntryFactView,
  RepairCondition,
} from '../../subgraphs/repairs/rules/eligibility';
import { BasisKind } from '../../subgraphs/sanctions/rules/basis-kind';
import { designate, isRefusal, requestedKind } from '../../subgraphs/sanctions/rules/designation';
import {
  DEFAULT_KIND_BY_LIST,
  DEFAULT_LIST_KINDS,
  LIST_KIND,
  ListKindDefinition,
} from '../../subgraphs/sanctions/rules/list-kinds';
import { DEFAULT_MEASURES } from '../../subgraphs/sanctions/rules/measure-catalogue';
import { measuresOfKind, measuresOfKinds } from '../../subgraphs/sanctions/rules/measure-selection';

const kind = (code: string): ListKindDefinition => {
  const found = DEFAULT_LIST_KINDS.find((k) => k.code === code);
  if (!found) throw new Error(`no kind ${code}`);
  return found;
};
const EXTERNAL = [AuthorityKind.COURT, AuthorityKind.TAX, AuthorityKind.UPPER_PLATFORM];

/** The fact sanctions' event gives repairs of a published entry of `code` designated by `org`. */
const factOf = (code: string, org: string): ListEntryFactView => {
  const k = kind(code);
  return {
    subjectId: 's',
    list: k.list,
    status: ListEntryStatus.PUBLISHED,
    decidedByCode: org,
    validUntil: '2029-01-01',
    listKind: k.code,
    designatingAuthority: k.authorityName,
    repairableHere: k.repairableHere,
    turnTo: k.turnTo,
  };
};
const judgeEntry = (fact: ListEntryFactView, org: string, office = false) =>
  judgeEligibility({
    target: RepairTarget.LIST_ENTRY,
    targetId: 't',
    penalty: null,
    entry: fact,
    rules: { lists: DEFAULT_LIST_REPAIR_RULES },
    today: '2026-12-02',
    cases: [],
    actor: { org, office },
    commitmentProblem: null,
    fulfilmentEvidence: '已履行',
  });

describe('the list-kind catalogue', () => {
  it('gives every kind a colour, an authority, a removal rule and a source; codes are unique; every colour has a default kind', () => {
    expect(new Set(DEFAULT_LIST_KINDS.map((k) => k.code)).size).toBe(DEFAULT_LIST_KINDS.length);
    for (const k of DEFAULT_LIST_KINDS) {
      expect(k.name.length).toBeGreaterThan(0);
      expect(k.source.length).toBeGreaterThan(10);
      expect(k.removalRule.length).toBeGreaterThan(0);
      // An entry not repaired here says where to turn, unless it is a red list (never repaired).
      if (!k.repairableHere && k.list !== CreditList.RED) expect(k.turnTo).toBeTruthy();
    }
    for (const list of Object.values(CreditList)) expect(kind(DEFAULT_KIND_BY_LIST[list]).list).toBe(list);
  });

  it('cites the national texts of the named lists', () => {
    expect(kind(LIST_KIND.courtDefaulter)).toMatchObject({
      name: '失信被执行人',
      authorityKind: AuthorityKind.COURT,
      repairableHere: false,
    });
    expect(kind(LIST_KIND.courtDefaulter).source).toContain('最高人民法院关于公布失信被执行人名单信息的若干规定');
    expect(kind(LIST_KIND.majorTaxViolation).source).toContain('国家税务总局令第54号');
    expect(kind(LIST_KIND.wageArrears).source).toContain('人力资源社会保障部令第45号');
    expect(kind(LIST_KIND.workSafety).source).toContain('应急管理部令第11号');
  });
});

describe('repairability by list kind (谁认定、谁修复)', () => {
  it.each(DEFAULT_LIST_KINDS.filter((k) => k.list !== CreditList.RED).map((k) => [k.code, k] as const))(
    '%s',
    (code, k) => {
      const org = k.designatorCode ?? 'gusu.scjgj';
      const judged = judgeEntry(factOf(code, org), org);
      if (EXTERNAL.includes(k.authorityKind)) {
        expect(judged.eligible).toBe(false);
        expect(judged.failures[0]).toMatchObject({
          condition: RepairCondition.NOT_REPAIRABLE,
          authority: k.authorityName,
          turnTo: k.turnTo,
        });
        expect(judged.failures[0].message).toContain(`由${k.authorityName}认定`);
      } else {
        expect(judged).toMatchObject({ eligible: true, ownerCode: org, failures: [] });
      }
    },
  );

  it('a court entry the credit office recorded is not repairable here, whoever applies; the reason comes first', () => {
    const fact = factOf(LIST_KIND.courtDefaulter, 'gusu.xyb');
    expect(externalAuthority(fact)).toMatchObject({
      condition: RepairCondition.NOT_REPAIRABLE,
      turnTo: expect.stringContaining('人民法院'),
    });
    const byOffice = judgeEntry(fact, 'gusu.xyb', true);
    expect(byOffice.failures.map((f) => f.condition)).toEqual([RepairCondition.NOT_REPAIRABLE]);
    const byOther = judgeEntry(fact, 'gusu.scjgj');
    expect(byOther.failures.map((f) => f.condition)).toEqual([RepairCondition.NOT_REPAIRABLE, RepairCondition.NOT_OWN]);
  });

  it('a fact recorded before list kinds is refused rather than decided by the wrong body', () => {
    const legacy = {
      ...factOf(LIST_KIND.localSerious, 'gusu.scjgj'),
      listKind: null,
      designatingAuthority: null,
      repairableHere: null,
      turnTo: null,
    };
    const judged = judgeEntry(legacy, 'gusu.scjgj');
    expect(judged.failures.map((f) => f.condition)).toEqual([RepairCondition.NOT_REPAIRABLE]);
    expect(externalAuthority(legacy)).toBeNull();
  });
});

describe('designation: who may record which kind', () => {
  const d = (code: string, list: CreditList, org: string, office = false, authority: string | null = null) =>
    designate(kind(code), list, org, office, authority);

  it("a proposal without a kind gets its colour's general kind", () => {
    expect(requestedKind(CreditList.BLACK, null)).toBe(LIST_KIND.localSerious);
    expect(requestedKind(CreditList.WATCH, undefined)).toBe(LIST_KIND.keyAttention);
    expect(requestedKind(CreditList.RED, LIST_KIND.taxA)).toBe(LIST_KIND.taxA);
  });

  it("a department designates a local kind; the credit office's own is CREDIT_OFFICE", () => {
    expect(d(LIST_KIND.localSerious, CreditList.BLACK, 'gusu.scjgj')).toEqual({
      listKind: LIST_KIND.localSerious,
      designatingAuthorityKind: AuthorityKind.LOCAL_DEPARTMENT,
      designatingAuthority: 'gusu.scjgj',
    });
    expect(d(LIST_KIND.keyAttention, CreditList.WATCH, 'gusu.xyb', true)).toMatchObject({
      designatingAuthorityKind: AuthorityKind.CREDIT_OFFICE,
      designatingAuthority: '区信用办',
    });
    expect(d(LIST_KIND.wageArrears, CreditList.BLACK, 'gusu.rsj')).toMatchObject({
      designatingAuthorityKind: AuthorityKind.LOCAL_DEPARTMENT,
      designatingAuthority: '姑苏区人力资源和社会保障局',
    });
  });

  it('a kind one department designates is refused to the others, the credit office included', () => {
    const refused = d(LIST_KIND.wageArrears, CreditList.BLACK, 'gusu.scjgj');
    expect(isRefusal(refused) && refused.forbidden).toBe(true);
    const byOffice = d(LIST_KIND.majorTaxViolation, CreditList.BLACK, 'gusu.xyb', true);
    expect(isRefusal(byOffice)).toBe(true);
  });

  it('a court entry is recorded by the credit office alone, naming the court', () => {
    const byDepartment = d(LIST_KIND.courtDefaulter, CreditList.BLACK, 'gusu.scjgj');
    expect(isRefusal(byDepartment) && byDepartment.forbidden).toBe(true);
    expect(d(LIST_KIND.courtDefaulter, CreditList.BLACK, 'gusu.xyb', true, '苏州市姑苏区人民法院')).toEqual({
      listKind: LIST_KIND.courtDefaulter,
      designatingAuthorityKind: AuthorityKind.COURT,
      designatingAuthority: '苏州市姑苏区人民法院',
    });
  });

  it('a department names no other body as the designator of its own (local) kind', () => {
    // Review 2026-12-02: designatingAuthority was free text for every kind, so a department could publish
    // its own entry as the court's or another department's (认定单位 is public and tells the subject where to repair).
    for (const [code, list, org, office, authority] of [
      [LIST_KIND.localSerious, CreditList.BLACK, 'gusu.scjgj', false, '苏州市姑苏区人民法院'],
      [LIST_KIND.keyAttention, CreditList.WATCH, 'gusu.scjgj', false, 'gusu.rsj'],
      [LIST_KIND.wageArrears, CreditList.BLACK, 'gusu.rsj', false, '姑苏区市场监督管理局'],
      [LIST_KIND.localSerious, CreditList.BLACK, 'gusu.xyb', true, '姑苏区应急管理局'],
    ] as const) {
      const refused = d(code, list, org, office, authority);
      expect(isRefusal(refused) && !refused.forbidden && refused.argument).toBe('input.designatingAuthority');
    }
    // Naming itself (its code, or the kind's own authority when it is the kind's designator) is what the default says.
    expect(d(LIST_KIND.localSerious, CreditList.BLACK, 'gusu.scjgj', false, 'gusu.scjgj')).toMatchObject({
      designatingAuthority: 'gusu.scjgj',
    });
    expect(d(LIST_KIND.wageArrears, CreditList.BLACK, 'gusu.rsj', false, '姑苏区人力资源和社会保障局')).toMatchObject({
      designatingAuthority: '姑苏区人力资源和社会保障局',
    });
    // A tax kind added (by SQL) without a designating department is recorded by the credit office alone, like a court's.
    const unassigned = designate(
      { ...kind(LIST_KIND.majorTaxViolation), designatorCode: null },
      CreditList.BLACK,
      'gusu.scjgj',
      false,
      null,
    );
    expect(isRefusal(unassigned) && unassigned.forbidden).toBe(true);
    // The tax authority names its own office on a tax kind.
    expect(
      d(LIST_KIND.majorTaxViolation, CreditList.BLACK, 'gusu.swj', false, '国家税务总局苏州市姑苏区税务局'),
    ).toMatchObject({ designatingAuthority: '国家税务总局苏州市姑苏区税务局' });
  });

  it('a kind of another colour is BAD_USER_INPUT on input.listKind', () => {
    const wrong = d(LIST_KIND.taxA, CreditList.BLACK, 'gusu.swj');
    expect(isRefusal(wrong) && !wrong.forbidden && wrong.argument).toBe('input.listKind');
  });
});

describe('measures by list kind and scenario', () => {
  it("every catalogue measure names kinds and scenarios and rests on a law, regulation or central document — none on the district's own", () => {
    for (const m of DEFAULT_MEASURES) {
      expect(m.listKinds.length).toBeGreaterThan(0);
      for (const code of m.listKinds) expect(kind(code).list).toBeDefined();
      expect(m.lists).toEqual([...new Set(m.listKinds.map((code) => kind(code).list))]);
      expect(Object.values(BasisKind)).toContain(m.basisKind);
      expect(m.legalBasis).not.toMatch(/姑苏/);
    }
    expect(DEFAULT_MEASURES.find((m) => m.code === 'W-PERFORMANCE-WATCH')).toBeUndefined();
    expect(DEFAULT_MEASURES.find((m) => m.code === 'I-ACCEPT-INCOMPLETE')?.legalBasis).toContain('国发〔2016〕33号');
  });

  it("a court defaulter in procurement gets the court's measure; a wage-arrears entry gets its own, not the court's", () => {
    const court = measuresOfKind(DEFAULT_MEASURES, LIST_KIND.courtDefaulter, Scenario.PUBLIC_PROCUREMENT).map(
      (m) => m.code,
    );
    const wages = measuresOfKind(DEFAULT_MEASURES, LIST_KIND.wageArrears, Scenario.PUBLIC_PROCUREMENT).map(
      (m) => m.code,
    );
    expect(court).toEqual(expect.arrayContaining(['P-COURT-DEFAULTER', 'P-PROCUREMENT', 'P-NO-PREFERENCES']));
    expect(court).not.toContain('P-WAGE-ARREARS');
    expect(wages).toEqual(expect.arrayContaining(['P-WAGE-ARREARS', 'P-PROCUREMENT']));
    expect(wages).not.toContain('P-COURT-DEFAULTER');
    // The same kind, another scenario: the court's measure does not cover daily supervision, the safety one does only for its kind.
    expect(
      measuresOfKind(DEFAULT_MEASURES, LIST_KIND.courtDefaulter, Scenario.DAILY_SUPERVISION).map((m) => m.code),
    ).toEqual(['P-KEY-SUPERVISION', 'P-NO-PREFERENCES']);
    expect(
      measuresOfKind(DEFAULT_MEASURES, LIST_KIND.workSafety, Scenario.DAILY_SUPERVISION).map((m) => m.code),
    ).toContain('P-WORK-SAFETY');
    expect(measuresOfKind(DEFAULT_MEASURES, LIST_KIND.abnormalOperation, Scenario.BIDDING).map((m) => m.code)).toEqual([
      'W-ABNORMAL-OPERATION',
    ]);
    expect(measuresOfKind(DEFAULT_MEASURES, LIST_KIND.keyAttention, Scenario.BIDDING)).toEqual([]);
  });

  it('several hits: each measure once, in catalogue order', () => {
    const both = measuresOfKinds(
      DEFAULT_MEASURES,
      [LIST_KIND.courtDefaulter, LIST_KIND.wageArrears, LIST_KIND.courtDefaulter],
      Scenario.PUBLIC_PROCUREMENT,
    ).map((m) => m.code);
    expect(new Set(both).size).toBe(both.length);
    expect(both).toEqual(expect.arrayContaining(['P-COURT-DEFAULTER', 'P-WAGE-ARREARS']));
    expect(measuresOfKinds(DEFAULT_MEASURES, [], Scenario.PUBLIC_PROCUREMENT)).toEqual([]);
  });
});

describe('the demo dataset', () => {
  const data = generateDemoData({ seed: 20200101, subjects: 2000, today: '2026-12-02' });
  it("has entries of several kinds, a court 失信被执行人 entry among them, each with its kind's authority", () => {
    const kinds = new Set(data.listEntries.map((e) => e.listKind));
    expect(kinds.size).toBeGreaterThanOrEqual(6);
    expect(kinds).toContain(LIST_KIND.courtDefaulter);
    for (const e of data.listEntries) expect(kind(e.listKind).list).toBe(e.list);
  });

  it("opens no repair case on an external authority's entry, and has list-entry cases decided by their designating department", () => {
    const entries = new Map(data.listEntries.map((e) => [e.id, e]));
    const entryCases = data.repairCases.filter((r) => r.target === RepairTarget.LIST_ENTRY);
    expect(entryCases.length).toBeGreaterThan(0);
    for (const r of entryCases) {
      const entry = entries.get(r.targetId)!;
      expect(EXTERNAL).not.toContain(entry.designatingAuthorityKind);
      if (r.status === RepairStatus.APPROVED || r.status === RepairStatus.DENIED)
        expect(r.decidedByCode).toBe(entry.decidedByCode);
    }
  });
});
