import type { HallLookupData, ScreenResult } from '../../hall/browser/operations';
import { gradeReasonOf, verdictOf } from '../../hall/browser/verdict';

/** The hall's verdict (hall/browser/verdict.ts): never CLEAR unless the screening said so. */
const result = (over: Partial<ScreenResult> = {}): ScreenResult => ({
  screeningId: 's1',
  uscc: 'X',
  invalidReason: null,
  found: true,
  verdict: 'CLEAR',
  verdictReasons: [],
  evaluation: null,
  hits: [],
  measures: [],
  ...over,
});
const data = (screen: ScreenResult[] | null): HallLookupData => ({ subject: null, screen });

describe('verdictOf', () => {
  it('shows the screening’s verdict', () => {
    for (const verdict of ['CLEAR', 'INCENTIVE', 'CAUTION', 'RESTRICT'] as const)
      expect(verdictOf(data([result({ verdict })]), []).state).toBe(verdict);
  });

  it('is unavailable, not CLEAR, when the sanctions subgraph is down', () => {
    const view = verdictOf(data(null), [
      { message: 'x', path: ['screen'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'sanctions' } },
    ]);
    expect(view).toMatchObject({ state: 'UNAVAILABLE', title: '无法比对', reason: '联合奖惩比对服务暂不可用' });
  });

  it('is unavailable when the field was refused, or the answer has no screening at all', () => {
    expect(
      verdictOf(data(null), [{ message: 'no', path: ['screen'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } }])
        .state,
    ).toBe('UNAVAILABLE');
    expect(verdictOf(null, [{ message: 'network' }]).state).toBe('UNAVAILABLE');
    expect(verdictOf(data([]), []).state).toBe('UNAVAILABLE');
  });

  it('is unavailable when a screening error sits beside a CLEAR (a partial answer is not a clean one)', () => {
    expect(
      verdictOf(data([result()]), [
        { message: 'x', path: ['screen', 0, 'measures'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } },
      ]).state,
    ).toBe('UNAVAILABLE');
  });

  it('keeps the verdict when only the matched subject’s own fields failed', () => {
    expect(
      verdictOf(data([result({ verdict: 'RESTRICT' })]), [
        { message: 'x', path: ['screen', 0, 'subject', 'name'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } },
      ]).state,
    ).toBe('RESTRICT');
  });

  it('is unavailable for a code too malformed to look up, with its reason', () => {
    expect(
      verdictOf(data([result({ verdict: null, found: false, invalidReason: '统一社会信用代码应为18位' })]), []),
    ).toMatchObject({ state: 'UNAVAILABLE', reason: '统一社会信用代码应为18位' });
  });

  it('says the subject was not found rather than CLEAR', () => {
    expect(verdictOf(data([result({ found: false })]), []).state).toBe('NOT_FOUND');
  });
});

describe('gradeReasonOf', () => {
  const evaluation = {
    grade: 'D' as const,
    score: 52,
    tolerantAcceptance: false,
    verdictFloor: 'CAUTION' as const,
    basis: '姑苏区分级分类监管规则',
    evaluatedAt: '2026-12-02T04:00:00Z',
  };

  it('says what the grade’s rule did: a verdict floor, 容缺受理, or nothing', () => {
    expect(gradeReasonOf(result({ verdict: 'CAUTION', evaluation }))).toEqual({
      text: '信用等级 D 差（得分 52.0）：比对结论不低于“审慎”',
      basis: '姑苏区分级分类监管规则',
    });
    expect(
      gradeReasonOf(
        result({
          verdict: 'INCENTIVE',
          evaluation: { ...evaluation, grade: 'A', score: 95.5, verdictFloor: null, tolerantAcceptance: true },
        }),
      )?.text,
    ).toBe('信用等级 A 优（得分 95.5）：可容缺受理');
    expect(gradeReasonOf(result({ evaluation: { ...evaluation, grade: 'B', verdictFloor: null } }))?.text).toBe(
      '信用等级 B 良（得分 52.0）：不影响比对结论',
    );
  });

  it('is nothing when the screening used no grade', () => {
    expect(gradeReasonOf(result())).toBeNull();
    expect(gradeReasonOf(null)).toBeNull();
  });
});
