import { CreditGrade, Verdict } from '../../../shared/domain/vocabulary';

/** A row of evaluations.supervision_rule (分级分类监管: grade × industry → measures). */
export interface SupervisionRuleDefault {
  grade: CreditGrade;
  /** null = any industry; a row for an industry wins over it (rules/supervision-rule.ts). */
  industry: string | null;
  /** Share of the grade drawn for 双随机、一公开 spot checks per period (0–1). */
  spotCheckRatio: number;
  /** 容缺受理: the hall may accept an application with documents to follow. */
  tolerantAcceptance: boolean;
  /** The least verdict a screening gives this grade (sanctions takes the stronger of it and the lists'). */
  verdictFloor: Verdict | null;
  measures: readonly string[];
  basis: string;
}

// 国办发〔2019〕35号 (构建以信用为基础的新型监管机制) 大力推进信用分级分类监管: 对信用较好、风险较低的市场主体，可合理降低抽查比例和频次；
// 对信用风险一般的按常规比例和频次抽查；对违法失信、风险较高的适当提高抽查比例和频次 — quoted from memory of the
// published text (the corpus has only the district's work points). The percentages are the district's choice: no
// national figure exists; each department's annual 抽查计划 may set its own by an industry row.
const GRADED =
  '国办发〔2019〕35号 信用分级分类监管 + 国办发〔2015〕58号 推广随机抽查 (双随机、一公开); 比例为本区默认取值';

export const DEFAULT_SUPERVISION_RULES: readonly SupervisionRuleDefault[] = [
  {
    grade: CreditGrade.A,
    industry: null,
    spotCheckRatio: 0.02,
    tolerantAcceptance: true,
    verdictFloor: null,
    measures: ['合理降低抽查比例和频次', '容缺受理', '绿色通道'],
    basis: `${GRADED}; 容缺受理、绿色通道: 工作要点 §14 (为诚信主体提供“绿色通道”和“容缺受理”等服务便利), 国发〔2016〕33号`,
  },
  {
    grade: CreditGrade.B,
    industry: null,
    spotCheckRatio: 0.05,
    tolerantAcceptance: false,
    verdictFloor: null,
    measures: ['按常规比例和频次抽查'],
    basis: GRADED,
  },
  {
    grade: CreditGrade.C,
    industry: null,
    spotCheckRatio: 0.1,
    tolerantAcceptance: false,
    verdictFloor: null,
    measures: ['适当提高抽查比例和频次', '加大日常监管力度'],
    basis: `${GRADED}; 工作要点 §14 (加大日常监管力度，提高抽查的比例和频次)`,
  },
  {
    grade: CreditGrade.D,
    industry: null,
    spotCheckRatio: 0.3,
    tolerantAcceptance: false,
    verdictFloor: Verdict.CAUTION,
    measures: ['列为重点监管对象', '加大日常监管力度，提高抽查的比例和频次', '办理事项加强审核'],
    basis: `${GRADED}; 工作要点 §14 (将严重失信主体列入重点监管对象，加大日常监管力度，提高抽查的比例和频次); verdict floor CAUTION: 重点关注，加强审核 (a grade alone restricts nothing: only a list entry on a legal basis does)`,
  },
  ...['住宿和餐饮业', '建筑业'].map((industry): SupervisionRuleDefault => ({
    grade: CreditGrade.D,
    industry,
    spotCheckRatio: 0.5,
    tolerantAcceptance: false,
    verdictFloor: Verdict.CAUTION,
    measures: ['列为重点监管对象', '重点领域加大监管力度，抽查比例提高至 50%', '办理事项加强审核'],
    basis: `${GRADED}; 工作要点 §16 (食品药品、工程质量、安全生产…重点领域探索加大对严重违法失信主体监管和惩戒力度); 50% is the district's choice`,
  })),
];
