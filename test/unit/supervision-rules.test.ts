import { CreditGrade, Verdict } from '../../shared/domain/vocabulary';
import { pickSupervisionRule } from '../../subgraphs/evaluations/rules/supervision-rule';
import { DEFAULT_SUPERVISION_RULES } from '../../subgraphs/evaluations/rules/supervision-rule-defaults';

describe('supervision rules (分级分类监管)', () => {
  it('gives every grade an any-industry row, inspecting worse grades more', () => {
    const ratios = [CreditGrade.A, CreditGrade.B, CreditGrade.C, CreditGrade.D].map(
      (grade) => pickSupervisionRule(DEFAULT_SUPERVISION_RULES, grade, null)?.spotCheckRatio,
    );
    expect(ratios).toEqual([0.02, 0.05, 0.1, 0.3]);
  });

  it('allows 容缺受理 for A only, and floors D at CAUTION', () => {
    const a = pickSupervisionRule(DEFAULT_SUPERVISION_RULES, CreditGrade.A, '制造业');
    const d = pickSupervisionRule(DEFAULT_SUPERVISION_RULES, CreditGrade.D, '制造业');
    expect(a).toMatchObject({ tolerantAcceptance: true, verdictFloor: null });
    expect(d).toMatchObject({ tolerantAcceptance: false, verdictFloor: Verdict.CAUTION });
    expect(DEFAULT_SUPERVISION_RULES.filter((r) => r.tolerantAcceptance).map((r) => r.grade)).toEqual([CreditGrade.A]);
  });

  it('lets an industry’s own row win over the any-industry row', () => {
    expect(pickSupervisionRule(DEFAULT_SUPERVISION_RULES, CreditGrade.D, '住宿和餐饮业')?.spotCheckRatio).toBe(0.5);
    expect(pickSupervisionRule(DEFAULT_SUPERVISION_RULES, CreditGrade.D, '批发和零售业')?.spotCheckRatio).toBe(0.3);
    // An industry row of another grade does not leak into this one.
    expect(pickSupervisionRule(DEFAULT_SUPERVISION_RULES, CreditGrade.C, '住宿和餐饮业')?.industry).toBeNull();
  });

  it('answers null when the table has no row for the grade', () => {
    expect(pickSupervisionRule([{ grade: CreditGrade.A, industry: '建筑业' }], CreditGrade.A, '教育')).toBeNull();
    expect(pickSupervisionRule([], CreditGrade.B, null)).toBeNull();
  });

  it('names a source for every row', () => {
    for (const rule of DEFAULT_SUPERVISION_RULES) {
      expect(rule.basis).toMatch(/国办发〔2019〕35号/);
      expect(rule.spotCheckRatio).toBeGreaterThan(0);
      expect(rule.spotCheckRatio).toBeLessThanOrEqual(1);
    }
  });
});
