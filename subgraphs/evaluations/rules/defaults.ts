import { CreditGrade } from '../../../shared/domain/vocabulary';
import type { FactKind } from './facts';
import type { IndicatorRow, ModelRows } from './model';

/**
 * The default model the migration installs (docs/EVALUATION.md). Its weights are the district's own
 * choice: the work points (§2, §16) ask for a public credit evaluation on the national one's pattern
 * and for grading by it, but set no weights; each row says so. The national grade's reading follows
 * 发改办财金〔2021〕885号 as the issue cites it (not verifiable offline when this was written).
 */
const OWN = '姑苏区社会信用体系建设工作要点 §2、§16 (公共信用综合评价、分级分类监管); 分值为本区选择';
const PENALTY = `${OWN}; 仅计公示期内、未撤销、未修复的行政处罚 (《失信行为纠正后的信用信息修复管理办法（试行）》公示期)`;
const LISTS = `${OWN}; 名单在有效期内 (公示中) 计`;
const NATIONAL = `${OWN}; 全国公共信用综合评价结果推送省级平台供部门使用 (发改办财金〔2021〕885号, 据 issue 16 所引, 离线未能核验)`;
const INDUSTRY = `${OWN}; 行业主管部门的行业信用评价 (§16 行业信用评价), 最高档/最低档`;
const COMMITMENTS = `${OWN}; §8 信用承诺履约情况`;
const SPOT_CHECKS = `${OWN}; 双随机、一公开抽查结果 (分级分类监管的反馈)`;

/** A default indicator counting the fact kind of its own name ("项" unless said otherwise). */
function indicator(
  fact: FactKind,
  label: string,
  pointsEach: number,
  source: string,
  more: Partial<Pick<IndicatorRow, 'cap' | 'gradeCap' | 'unit' | 'detail'>> = {},
): IndicatorRow {
  return { code: fact, label, fact, pointsEach, cap: null, gradeCap: null, unit: '项', detail: null, source, ...more };
}

export const DEFAULT_MODEL_VERSION = 'GUSU-2026.1';
export const DEFAULT_MODEL_EFFECTIVE_FROM = '2026-01-01';

export const DEFAULT_MODEL: ModelRows & { source: string } = {
  version: DEFAULT_MODEL_VERSION,
  baseScore: 80,
  source: `${OWN}; 基础分 80, 四级 (A 优 ≥ 90, B 良 ≥ 70, C 中 ≥ 55, D 差 < 55) 与全国公共信用综合评价的四级对应`,
  grades: [
    { grade: CreditGrade.A, label: '优', minScore: 90 },
    { grade: CreditGrade.B, label: '良', minScore: 70 },
    { grade: CreditGrade.C, label: '中', minScore: 55 },
    { grade: CreditGrade.D, label: '差', minScore: 0 },
  ],
  indicators: [
    indicator('PENALTY_SERIOUS_IN_PUBLICITY', '严重行政处罚', -20, PENALTY, { detail: '公示期内' }),
    indicator('PENALTY_GENERAL_IN_PUBLICITY', '一般行政处罚', -6, PENALTY, { detail: '公示期内' }),
    indicator('PENALTY_MINOR_IN_PUBLICITY', '轻微行政处罚', -1, PENALTY, { detail: '公示期内' }),
    indicator('BLACK_LIST_ACTIVE', '严重失信主体名单', -40, LISTS, { detail: '有效期内', gradeCap: CreditGrade.D }),
    indicator('WATCH_LIST_ACTIVE', '重点关注名单', -15, LISTS, { detail: '有效期内', gradeCap: CreditGrade.C }),
    indicator('RED_LIST_ACTIVE', '守信激励 (红名单)', 10, LISTS, { detail: '有效期内' }),
    indicator('COMMITMENT_FULFILLED', '信用承诺已履约', 1, COMMITMENTS, { cap: 5 }),
    indicator('COMMITMENT_BREACHED', '信用承诺违诺', -10, COMMITMENTS),
    indicator('REPAIR_COMPLETED', '信用修复完成', 2, `${OWN}; 主动纠正失信行为并完成信用修复`, { cap: 6 }),
    indicator('LICENSE_VALID', '有效行政许可', 1, `${OWN}; 依法取得并在有效期内的行政许可`, { cap: 3 }),
    indicator('NATIONAL_GRADE_A', '全国公共信用综合评价 A 级', 5, NATIONAL, { unit: null }),
    indicator('NATIONAL_GRADE_B', '全国公共信用综合评价 B 级', 0, NATIONAL, { unit: null }),
    indicator('NATIONAL_GRADE_C', '全国公共信用综合评价 C 级', -5, NATIONAL, { unit: null }),
    indicator('NATIONAL_GRADE_D', '全国公共信用综合评价 D 级', -15, NATIONAL, { unit: null }),
    indicator('INDUSTRY_RATING_TOP', '行业信用评价最高档', 3, INDUSTRY),
    indicator('INDUSTRY_RATING_BOTTOM', '行业信用评价最低档', -5, INDUSTRY),
    indicator('SPOT_CHECK_NO_PROBLEM', '双随机抽查未发现问题', 1, SPOT_CHECKS, { cap: 3, unit: '次' }),
    indicator('SPOT_CHECK_PROBLEMS', '双随机抽查发现问题', -5, SPOT_CHECKS, { unit: '次' }),
  ],
};
