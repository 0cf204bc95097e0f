import type { ReportField } from '../../shared/reporting/fields';

/**
 * The columns of an evaluation-results file (公共信用综合评价 from the national centre, a department's
 * 行业信用评价), one result per row, as `importEvaluationResults` takes them (EvaluationResultRowInput).
 * The source is the upload's `?source=`, not a column: one file is one source's results.
 */
export const EVALUATION_RESULT_FIELDS: readonly ReportField[] = [
  { field: 'uscc', header: '统一社会信用代码', required: true, maxLength: 18, hint: '18位' },
  { field: 'name', header: '主体名称', required: false, maxLength: 200, hint: '便于核对' },
  {
    field: 'grade',
    header: '评价等级',
    required: true,
    maxLength: 16,
    hint: '按评价来源的等级体系（如 A/B/C/D，纳税信用 A/B/M/C/D）',
  },
  { field: 'score', header: '评价得分', required: false, maxLength: 16, hint: '数字，可含小数' },
  { field: 'period', header: '评价周期', required: true, maxLength: 32, hint: '如 2026、2026-Q3' },
  { field: 'model', header: '评价模型', required: false, maxLength: 100, hint: '评价模型及其版本' },
  { field: 'evaluatedOn', header: '评价日期', required: true, maxLength: 10, hint: 'YYYY-MM-DD' },
];
