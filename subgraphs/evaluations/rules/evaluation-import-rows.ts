import { checkUscc } from '../../../shared/identifiers/uscc';
import { periodProblem } from './evaluation-period';

/** What a source says about the rows it sends (evaluations.evaluation_source). */
export interface SourceScale {
  code: string;
  /** Grades, best first (e.g. A, B, M, C, D for 纳税信用级别). */
  scale: readonly string[];
  /** Highest score the source gives; null = unbounded above (scores are never negative). */
  maxScore: number | null;
}

/** One row as sent (EvaluationResultRowInput). */
export interface EvaluationRowInput {
  uscc: string;
  name?: string | null;
  grade: string;
  score?: number | null;
  period: string;
  model?: string | null;
  evaluatedOn: string;
}

/** A row that passed every check, normalized. */
export interface CheckedRow {
  row: number;
  uscc: string;
  grade: string;
  score: number | null;
  period: string;
  model: string | null;
  evaluatedOn: string;
}

/** Why a row was rejected (EvaluationImportRejection): 1-based row, the field, a reason a clerk reads. */
export interface RowRejection {
  row: number;
  uscc: string | null;
  field: string;
  reason: string;
}

export type RowCheck = { ok: true; value: CheckedRow } | { ok: false; rejection: RowRejection };

/** Longest 主体名称 and 评价模型 kept or accepted (longer text is a rejection, not a failed batch). */
export const ROW_TEXT_LENGTH = 200;

function rejected(row: number, uscc: string | null, field: string, reason: string): RowCheck {
  return { ok: false, rejection: { row, uscc, field, reason } };
}

/**
 * One row checked against its source, first problem reported: the USCC (GB 32100, the check digit
 * included: an evaluation is matched to a subject by code, so a code that fails is not matched on a
 * guess), the grade in the source's scale, the period, the date (not after today), the score range.
 */
export function checkEvaluationRow(
  input: EvaluationRowInput,
  row: number,
  source: SourceScale,
  today: string,
): RowCheck {
  const code = checkUscc(input.uscc);
  if (code.problem) return rejected(row, input.uscc.trim() || null, 'uscc', code.reason ?? '统一社会信用代码无效');
  const uscc = code.normalized;
  const grade = input.grade.trim().toUpperCase();
  if (!source.scale.includes(grade))
    return rejected(
      row,
      uscc,
      'grade',
      `评价等级“${input.grade}”不在 ${source.code} 的等级表 (${source.scale.join('/')}) 中`,
    );
  const period = input.period.trim().toUpperCase();
  const badPeriod = periodProblem(period, today);
  if (badPeriod) return rejected(row, uscc, 'period', badPeriod);
  if (input.evaluatedOn > today)
    return rejected(row, uscc, 'evaluatedOn', `评价日期 ${input.evaluatedOn} 晚于今天 (${today})`);
  const score = input.score ?? null;
  if (score !== null && (!Number.isFinite(score) || score < 0 || (source.maxScore !== null && score > source.maxScore)))
    return rejected(row, uscc, 'score', `评价得分 ${score} 应在 0–${source.maxScore ?? '∞'} 之间`);
  const model = input.model?.trim() || null;
  if (model !== null && model.length > ROW_TEXT_LENGTH)
    return rejected(row, uscc, 'model', `评价模型超过 ${ROW_TEXT_LENGTH} 个字符`);
  if ((input.name?.length ?? 0) > ROW_TEXT_LENGTH)
    return rejected(row, uscc, 'name', `主体名称超过 ${ROW_TEXT_LENGTH} 个字符`);
  return { ok: true, value: { row, uscc, grade, score, period, model, evaluatedOn: input.evaluatedOn } };
}

/**
 * Within one batch a subject has one result per period: the last row sent wins, as in 双公示
 * reporting, and each earlier one is rejected naming the row that replaced it.
 */
export function rejectEarlierDuplicates(checks: RowCheck[]): RowCheck[] {
  const last = new Map<string, number>();
  for (const check of checks) if (check.ok) last.set(`${check.value.uscc}|${check.value.period}`, check.value.row);
  return checks.map((check) => {
    if (!check.ok) return check;
    const winner = last.get(`${check.value.uscc}|${check.value.period}`);
    if (winner === undefined || winner === check.value.row) return check;
    return rejected(
      check.value.row,
      check.value.uscc,
      'uscc',
      `与同一批次第 ${winner} 行为同一主体、同一评价周期，以后者为准`,
    );
  });
}

/** A stored result and a checked row say the same thing (the row is `unchanged`). */
export function sameResult(
  stored: { grade: string; score: number | null; model: string | null; evaluatedOn: string },
  row: CheckedRow,
): boolean {
  return (
    stored.grade === row.grade &&
    (stored.score ?? null) === row.score &&
    (stored.model ?? null) === row.model &&
    stored.evaluatedOn === row.evaluatedOn
  );
}
