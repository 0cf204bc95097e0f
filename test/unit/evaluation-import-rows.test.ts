import { completeUscc } from '../../shared/identifiers/uscc';
import {
  checkEvaluationRow,
  EvaluationRowInput,
  rejectEarlierDuplicates,
  RowCheck,
  sameResult,
  SourceScale,
} from '../../subgraphs/evaluations/rules/evaluation-import-rows';
import { periodProblem } from '../../subgraphs/evaluations/rules/evaluation-period';
import { DEFAULT_EVALUATION_SOURCES } from '../../subgraphs/evaluations/rules/evaluation-source-defaults';

const TODAY = '2026-12-02';
const TAX: SourceScale = { code: 'TAX_CREDIT', scale: ['A', 'B', 'M', 'C', 'D'], maxScore: 100 };
const USCC = completeUscc('91320508MA1XYW123');

function row(overrides: Partial<EvaluationRowInput> = {}): EvaluationRowInput {
  return { uscc: USCC, grade: 'A', score: 92.5, period: '2025', evaluatedOn: '2026-04-10', ...overrides };
}

function rejection(check: RowCheck) {
  if (check.ok) throw new Error('expected a rejection');
  return check.rejection;
}

describe('evaluation result rows (评价结果导入, row by row)', () => {
  it('accepts a valid row, normalized', () => {
    const check = checkEvaluationRow(
      row({ uscc: ` ${USCC.toLowerCase()} `, grade: 'm', model: ' 2025版 ' }),
      1,
      TAX,
      TODAY,
    );
    expect(check).toEqual({
      ok: true,
      value: {
        row: 1,
        uscc: USCC,
        grade: 'M',
        score: 92.5,
        period: '2025',
        model: '2025版',
        evaluatedOn: '2026-04-10',
      },
    });
  });

  it('rejects a code that fails GB 32100, its check digit included', () => {
    const wrong = `${USCC.slice(0, 17)}${USCC[17] === '0' ? '1' : '0'}`;
    expect(rejection(checkEvaluationRow(row({ uscc: wrong }), 3, TAX, TODAY))).toMatchObject({
      row: 3,
      field: 'uscc',
      reason: expect.stringContaining('校验位'),
    });
    expect(rejection(checkEvaluationRow(row({ uscc: '123' }), 4, TAX, TODAY)).field).toBe('uscc');
  });

  it('rejects a grade outside the source’s scale, naming the scale', () => {
    const r = rejection(checkEvaluationRow(row({ grade: 'AA' }), 2, TAX, TODAY));
    expect(r).toMatchObject({ row: 2, uscc: USCC, field: 'grade' });
    expect(r.reason).toContain('A/B/M/C/D');
  });

  it('reads the period grammar: year, half, quarter, month', () => {
    for (const ok of ['2025', '2025-H2', '2026-Q4', '2026-01']) expect(periodProblem(ok, TODAY)).toBeNull();
    for (const bad of ['25', '2025-Q5', '2025-13', '2025/01', '2014', '2030'])
      expect(periodProblem(bad, TODAY)).not.toBeNull();
    expect(rejection(checkEvaluationRow(row({ period: '2025-Q5' }), 1, TAX, TODAY)).field).toBe('period');
  });

  it('rejects an evaluation dated after today', () => {
    expect(rejection(checkEvaluationRow(row({ evaluatedOn: '2026-12-03' }), 1, TAX, TODAY)).field).toBe('evaluatedOn');
  });

  it('checks the score against the source’s range; no score is fine', () => {
    expect(rejection(checkEvaluationRow(row({ score: 100.5 }), 1, TAX, TODAY)).field).toBe('score');
    expect(rejection(checkEvaluationRow(row({ score: -1 }), 1, TAX, TODAY)).field).toBe('score');
    expect(checkEvaluationRow(row({ score: null }), 1, TAX, TODAY).ok).toBe(true);
    const unbounded: SourceScale = { ...TAX, maxScore: null };
    expect(checkEvaluationRow(row({ score: 870 }), 1, unbounded, TODAY).ok).toBe(true);
  });

  it('keeps the last row of a subject and period in a batch, rejecting the earlier one', () => {
    const checks = [row(), row({ grade: 'B' }), row({ period: '2024' })].map((r, i) =>
      checkEvaluationRow(r, i + 1, TAX, TODAY),
    );
    const result = rejectEarlierDuplicates(checks);
    expect(rejection(result[0])).toMatchObject({ row: 1, field: 'uscc', reason: expect.stringContaining('第 2 行') });
    expect(result[1].ok && result[1].value.grade).toBe('B');
    expect(result[2].ok).toBe(true);
  });

  it('calls a row equal to the stored result unchanged', () => {
    const check = checkEvaluationRow(row(), 1, TAX, TODAY);
    if (!check.ok) throw new Error('expected a valid row');
    const stored = { grade: 'A', score: 92.5, model: null, evaluatedOn: '2026-04-10' };
    expect(sameResult(stored, check.value)).toBe(true);
    expect(sameResult({ ...stored, grade: 'B' }, check.value)).toBe(false);
    expect(sameResult({ ...stored, score: 90 }, check.value)).toBe(false);
  });

  it('ships the four default sources with their scales best first', () => {
    const scales = Object.fromEntries(DEFAULT_EVALUATION_SOURCES.map((s) => [s.code, s.scale.join('')]));
    expect(scales).toEqual({
      NATIONAL_PUBLIC_CREDIT: 'ABCD',
      TAX_CREDIT: 'ABMCD',
      CONSTRUCTION_CREDIT: 'AAAAAABC',
      ENVIRONMENTAL_CREDIT: '绿蓝黄红黑',
    });
    for (const source of DEFAULT_EVALUATION_SOURCES) expect(source.basis.length).toBeGreaterThan(20);
  });
});
