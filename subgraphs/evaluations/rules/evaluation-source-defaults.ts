/** 全国 (the national centre's 公共信用综合评价) or 行业 (a department's 行业信用评价). */
export enum EvaluationSourceKind {
  NATIONAL = 'NATIONAL',
  INDUSTRY = 'INDUSTRY',
}

/** A row of evaluations.evaluation_source (who evaluates, on what scale). */
export interface EvaluationSourceRow {
  code: string;
  name: string;
  kind: EvaluationSourceKind;
  /** The department that may import it (its org); null = the credit office only. */
  ownerCode: string | null;
  /** Grades, best first. */
  scale: readonly string[];
  /** Highest score the source gives; null = not bounded above (never negative). */
  maxScore: number | null;
  basis: string;
}

/**
 * The sources the district receives, inserted by the migration that creates the table; the table,
 * not this file, is what runs (a new source is a row: docs/SUPERVISION.md). Owners are department
 * codes of the directory (gusu.xyb 区信用办, gusu.swj 区税务局, gusu.zjw 区住建委).
 */
const SOURCES: Record<string, Omit<EvaluationSourceRow, 'code'>> = {
  NATIONAL_PUBLIC_CREDIT: {
    name: '全国公共信用综合评价',
    kind: EvaluationSourceKind.NATIONAL,
    ownerCode: 'gusu.xyb',
    scale: ['A', 'B', 'C', 'D'],
    maxScore: null,
    basis:
      '国家公共信用信息中心 市场主体公共信用综合评价, 推送省级平台 (发改办财金〔2021〕885号 as issue 16 cites; not in the corpus): 四级 A 优、B 良、C 中、D 差; 工作要点 §16 推广应用; 区信用办 receives it',
  },
  TAX_CREDIT: {
    name: '纳税信用级别',
    kind: EvaluationSourceKind.INDUSTRY,
    ownerCode: 'gusu.swj',
    scale: ['A', 'B', 'M', 'C', 'D'],
    maxScore: 100,
    basis:
      '《纳税信用管理办法（试行）》(国家税务总局公告2014年第40号): 年度评价指标得分 100 分制; M 级 (新设立、评价年度内无收入…) added by 国家税务总局公告2018年第8号: A、B、M、C、D 五级, M between B and C (issue 16 says “A–M”)',
  },
  CONSTRUCTION_CREDIT: {
    name: '建筑业企业信用评价',
    kind: EvaluationSourceKind.INDUSTRY,
    ownerCode: 'gusu.zjw',
    scale: ['AAA', 'AA', 'A', 'B', 'C'],
    maxScore: null,
    basis:
      '住房城乡建设部门 建筑市场主体信用评价; scale AAA、AA、A、B、C is an ASSUMPTION (the common five-level 建筑业企业信用等级; not verified against 江苏省 建筑业企业信用综合评价): 区住建委 confirms or changes the row',
  },
  ENVIRONMENTAL_CREDIT: {
    name: '企业环境信用评价',
    kind: EvaluationSourceKind.INDUSTRY,
    ownerCode: null,
    scale: ['绿', '蓝', '黄', '红', '黑'],
    maxScore: null,
    basis:
      '《企业环境信用评价办法（试行）》(环发〔2013〕150号): 绿、蓝、黄、红 四级; 江苏省 企业环保信用评价 publishes five (绿、蓝、黄、红、黑, “五色榜”, 江苏省环保厅 results since 2015 per press reports). Owner null: the 生态环境 bureau is not in the district directory, so 区信用办 imports it until a department row names it',
  },
};

export const DEFAULT_EVALUATION_SOURCES: readonly EvaluationSourceRow[] = Object.entries(SOURCES).map(
  ([code, source]) => ({ code, ...source }),
);
