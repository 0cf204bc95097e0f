import { CreditGrade } from '../../shared/domain/vocabulary';
import { DEFAULT_MODEL } from '../../subgraphs/evaluations/rules/defaults';
import { FACT_KINDS } from '../../subgraphs/evaluations/rules/facts';
import type { ModelRows } from '../../subgraphs/evaluations/rules/model';
import { formatPoints, roundScore, score } from '../../subgraphs/evaluations/rules/score';

/** The district's model (docs/EVALUATION.md): each indicator of the default rows, caps, bands, a new version. */
describe('the evaluation model', () => {
  const lineOf = (facts: Partial<Record<string, number>>, code: string) =>
    score(facts, DEFAULT_MODEL).lines.find((l) => l.indicator === code);

  it('gives a subject without facts the base score and its band', () => {
    expect(score({}, DEFAULT_MODEL)).toEqual({
      modelVersion: 'GUSU-2026.1',
      score: 80,
      grade: CreditGrade.B,
      gradeLabel: '良',
      lines: [],
    });
  });

  it.each([
    ['PENALTY_SERIOUS_IN_PUBLICITY', 1, -20, '−20: 严重行政处罚 1 项, 公示期内'],
    ['PENALTY_GENERAL_IN_PUBLICITY', 2, -12, '−12: 一般行政处罚 2 项, 公示期内'],
    ['PENALTY_MINOR_IN_PUBLICITY', 3, -3, '−3: 轻微行政处罚 3 项, 公示期内'],
    ['BLACK_LIST_ACTIVE', 1, -40, '−40: 严重失信主体名单 1 项, 有效期内, 等级不高于 D'],
    ['WATCH_LIST_ACTIVE', 1, -15, '−15: 重点关注名单 1 项, 有效期内, 等级不高于 C'],
    ['RED_LIST_ACTIVE', 1, 10, '+10: 守信激励 (红名单) 1 项, 有效期内'],
    ['COMMITMENT_FULFILLED', 2, 2, '+2: 信用承诺已履约 2 项'],
    ['COMMITMENT_BREACHED', 1, -10, '−10: 信用承诺违诺 1 项'],
    ['REPAIR_COMPLETED', 2, 4, '+4: 信用修复完成 2 项'],
    ['LICENSE_VALID', 2, 2, '+2: 有效行政许可 2 项'],
    ['NATIONAL_GRADE_A', 1, 5, '+5: 全国公共信用综合评价 A 级'],
    ['NATIONAL_GRADE_C', 1, -5, '−5: 全国公共信用综合评价 C 级'],
    ['NATIONAL_GRADE_D', 1, -15, '−15: 全国公共信用综合评价 D 级'],
    ['INDUSTRY_RATING_TOP', 1, 3, '+3: 行业信用评价最高档 1 项'],
    ['INDUSTRY_RATING_BOTTOM', 1, -5, '−5: 行业信用评价最低档 1 项'],
    ['SPOT_CHECK_NO_PROBLEM', 2, 2, '+2: 双随机抽查未发现问题 2 次'],
    ['SPOT_CHECK_PROBLEMS', 1, -5, '−5: 双随机抽查发现问题 1 次'],
  ])('%s × %i counts %i points: "%s"', (fact, count, points, text) => {
    const result = score({ [fact]: count }, DEFAULT_MODEL);
    expect(result.score).toBe(80 + points);
    expect(result.lines).toEqual([
      expect.objectContaining({ indicator: fact, count, points, text, source: expect.stringContaining('§2') }),
    ]);
  });

  it('counts a national B grade for nothing and leaves its line out', () => {
    expect(score({ NATIONAL_GRADE_B: 1 }, DEFAULT_MODEL)).toMatchObject({ score: 80, lines: [] });
  });

  it('has a default row for every fact kind, each citing its source', () => {
    expect(DEFAULT_MODEL.indicators.map((i) => i.fact).sort()).toEqual([...FACT_KINDS].sort());
    for (const i of DEFAULT_MODEL.indicators) expect(i.source).toContain('工作要点');
    expect(DEFAULT_MODEL.indicators.find((i) => i.fact === 'NATIONAL_GRADE_A')?.source).toContain(
      '发改办财金〔2021〕885号',
    );
  });

  it('limits an indicator at its cap and says so', () => {
    expect(lineOf({ COMMITMENT_FULFILLED: 7 }, 'COMMITMENT_FULFILLED')).toMatchObject({
      count: 7,
      points: 5,
      text: '+5: 信用承诺已履约 7 项, 计至上限 +5',
    });
    expect(lineOf({ REPAIR_COMPLETED: 4 }, 'REPAIR_COMPLETED')?.points).toBe(6);
    expect(lineOf({ LICENSE_VALID: 12 }, 'LICENSE_VALID')?.points).toBe(3);
    expect(lineOf({ SPOT_CHECK_NO_PROBLEM: 9 }, 'SPOT_CHECK_NO_PROBLEM')?.points).toBe(3);
  });

  it('keeps a negative cap as a floor of the points', () => {
    const model: ModelRows = {
      ...DEFAULT_MODEL,
      indicators: [{ ...DEFAULT_MODEL.indicators[1], cap: -15 }],
    };
    expect(score({ PENALTY_GENERAL_IN_PUBLICITY: 4 }, model)).toMatchObject({ score: 65 });
  });

  it.each([
    [{}, 80, CreditGrade.B],
    [{ RED_LIST_ACTIVE: 1 }, 90, CreditGrade.A],
    [{ RED_LIST_ACTIVE: 1, PENALTY_MINOR_IN_PUBLICITY: 1 }, 89, CreditGrade.B],
    [{ PENALTY_GENERAL_IN_PUBLICITY: 1 }, 74, CreditGrade.B],
    [{ PENALTY_GENERAL_IN_PUBLICITY: 2 }, 68, CreditGrade.C],
    [{ PENALTY_SERIOUS_IN_PUBLICITY: 1, PENALTY_MINOR_IN_PUBLICITY: 5 }, 55, CreditGrade.C],
    [{ PENALTY_SERIOUS_IN_PUBLICITY: 1, PENALTY_MINOR_IN_PUBLICITY: 6 }, 54, CreditGrade.D],
  ])('bands: %j scores %d, grade %s', (facts, expected, grade) => {
    expect(score(facts, DEFAULT_MODEL)).toMatchObject({ score: expected, grade });
  });

  it('caps the grade whatever the score: black list at most D, watch list at most C', () => {
    const black = score(
      { BLACK_LIST_ACTIVE: 1, RED_LIST_ACTIVE: 2, NATIONAL_GRADE_A: 1, LICENSE_VALID: 3 },
      DEFAULT_MODEL,
    );
    expect(black).toMatchObject({ score: 68, grade: CreditGrade.D, gradeLabel: '差' });
    const watch = score({ WATCH_LIST_ACTIVE: 1, RED_LIST_ACTIVE: 3 }, DEFAULT_MODEL);
    expect(watch).toMatchObject({ score: 95, grade: CreditGrade.C, gradeLabel: '中' });
    // Two caps: the worse holds.
    expect(score({ WATCH_LIST_ACTIVE: 1, BLACK_LIST_ACTIVE: 1 }, DEFAULT_MODEL).grade).toBe(CreditGrade.D);
  });

  it('keeps the score within 0–100', () => {
    expect(score({ PENALTY_SERIOUS_IN_PUBLICITY: 9 }, DEFAULT_MODEL)).toMatchObject({ score: 0, grade: CreditGrade.D });
    expect(score({ RED_LIST_ACTIVE: 5 }, DEFAULT_MODEL)).toMatchObject({ score: 100, grade: CreditGrade.A });
  });

  it('orders the lines by |points|, largest first (ties by indicator code)', () => {
    const result = score(
      { PENALTY_GENERAL_IN_PUBLICITY: 2, LICENSE_VALID: 1, RED_LIST_ACTIVE: 1, PENALTY_MINOR_IN_PUBLICITY: 1 },
      DEFAULT_MODEL,
    );
    expect(result.lines.map((l) => l.points)).toEqual([-12, 10, 1, -1]);
  });

  it('rounds to one decimal and writes points with U+2212', () => {
    expect(roundScore(72.25)).toBe(72.3);
    expect(roundScore(-0.04)).toBe(0);
    expect(formatPoints(-1.5)).toBe('\u22121.5');
    expect(formatPoints(2)).toBe('+2');
    const model: ModelRows = {
      ...DEFAULT_MODEL,
      indicators: [{ ...DEFAULT_MODEL.indicators[2], pointsEach: -0.35 }],
    };
    expect(score({ PENALTY_MINOR_IN_PUBLICITY: 3 }, model)).toMatchObject({
      score: 78.9,
      lines: [expect.objectContaining({ points: -1.1, text: '−1.1: 轻微行政处罚 3 项, 公示期内' })],
    });
  });

  it('scores the same facts differently on a new model version', () => {
    const facts = { PENALTY_GENERAL_IN_PUBLICITY: 2 };
    const next: ModelRows = {
      version: 'GUSU-2027.1',
      baseScore: 85,
      indicators: DEFAULT_MODEL.indicators.map((i) =>
        i.fact === 'PENALTY_GENERAL_IN_PUBLICITY' ? { ...i, pointsEach: -4 } : i,
      ),
      grades: DEFAULT_MODEL.grades.map((b) => (b.grade === CreditGrade.B ? { ...b, minScore: 75 } : b)),
    };
    expect(score(facts, DEFAULT_MODEL)).toMatchObject({ modelVersion: 'GUSU-2026.1', score: 68, grade: 'C' });
    expect(score(facts, next)).toMatchObject({
      modelVersion: 'GUSU-2027.1',
      score: 77,
      grade: 'B',
      lines: [expect.objectContaining({ points: -8, text: '−8: 一般行政处罚 2 项, 公示期内' })],
    });
  });
});
