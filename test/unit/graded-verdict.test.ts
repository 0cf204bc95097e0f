import { CreditList, Verdict } from '../../shared/domain/vocabulary';
import { gradedVerdict, GradeMeasures } from '../../subgraphs/sanctions/rules/graded-verdict';

const grade = (letter: string, overrides: Partial<GradeMeasures> = {}): GradeMeasures => ({
  grade: letter,
  verdictFloor: null,
  tolerantAcceptance: false,
  basis: `测试规则 ${letter}`,
  ...overrides,
});
const D = grade('D', { verdictFloor: Verdict.CAUTION });
const A = grade('A', { tolerantAcceptance: true });

describe('screening verdicts under graded supervision (分级分类监管)', () => {
  it('is the lists’ verdict without an evaluation', () => {
    expect(gradedVerdict([], null)).toEqual({
      verdict: Verdict.CLEAR,
      applicableLists: [],
      reasons: ['未发现名单记录'],
    });
    const black = gradedVerdict([CreditList.BLACK, CreditList.WATCH], null);
    expect(black.verdict).toBe(Verdict.RESTRICT);
    expect(black.applicableLists).toEqual([CreditList.BLACK]);
    expect(black.reasons).toEqual([expect.stringMatching(/^严重失信主体名单: RESTRICT \(国办发〔2020〕49号/)]);
  });

  it('raises the verdict to the grade’s floor, saying so with the rule’s basis', () => {
    const result = gradedVerdict([], D);
    expect(result.verdict).toBe(Verdict.CAUTION);
    expect(result.reasons).toEqual(['信用等级 D: 结论不低于 CAUTION (测试规则 D)']);
  });

  it('takes the stronger of lists and floor: the black list still restricts a graded subject', () => {
    const result = gradedVerdict([CreditList.BLACK], D);
    expect(result.verdict).toBe(Verdict.RESTRICT);
    expect(result.applicableLists).toEqual([CreditList.BLACK]);
    expect(result.reasons.some((r) => r.startsWith('信用等级'))).toBe(false);
    expect(gradedVerdict([CreditList.WATCH], D).verdict).toBe(Verdict.CAUTION);
    expect(gradedVerdict([CreditList.BLACK], A).verdict).toBe(Verdict.RESTRICT);
  });

  it('gives no red-list incentive measures when the grade’s floor outranks the red list', () => {
    const result = gradedVerdict([CreditList.RED], D);
    expect(result.verdict).toBe(Verdict.CAUTION);
    expect(result.applicableLists).toEqual([]);
    expect(result.reasons).toEqual([
      expect.stringMatching(/^守信红名单: INCENTIVE/),
      '信用等级 D: 结论不低于 CAUTION (测试规则 D)',
    ]);
  });

  it('turns CLEAR into INCENTIVE when the grade allows 容缺受理, and only CLEAR', () => {
    const clear = gradedVerdict([], A);
    expect(clear.verdict).toBe(Verdict.INCENTIVE);
    expect(clear.reasons).toEqual(['信用等级 A: 容缺受理 → INCENTIVE (测试规则 A)']);
    expect(gradedVerdict([CreditList.WATCH], A).verdict).toBe(Verdict.CAUTION);
    const red = gradedVerdict([CreditList.RED], A);
    expect(red.verdict).toBe(Verdict.INCENTIVE);
    expect(red.applicableLists).toEqual([CreditList.RED]);
    expect(red.reasons).toHaveLength(1);
  });

  it('never names the watch list to a caller without credit:read', () => {
    expect(gradedVerdict([CreditList.WATCH], null, false).reasons).toEqual(['不公开的名单记录: CAUTION']);
    expect(gradedVerdict([CreditList.WATCH], null, true).reasons).toEqual([
      expect.stringMatching(/^重点关注名单: CAUTION/),
    ]);
    expect(gradedVerdict([CreditList.BLACK], null, false).reasons).toEqual([
      expect.stringMatching(/^严重失信主体名单: RESTRICT/),
    ]);
  });

  it('leaves the lists’ verdict alone for a grade whose rule says nothing', () => {
    expect(gradedVerdict([], grade('B'))).toEqual(gradedVerdict([], null));
    expect(gradedVerdict([CreditList.WATCH], grade('C'))).toEqual(gradedVerdict([CreditList.WATCH], null));
    // A floor weaker than the lists' verdict changes nothing either.
    expect(gradedVerdict([CreditList.WATCH], grade('C', { verdictFloor: Verdict.INCENTIVE })).verdict).toBe(
      Verdict.CAUTION,
    );
  });
});
