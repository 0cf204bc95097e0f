import type { CreditGrade } from '../../../shared/domain/vocabulary';

export enum EvaluationModelStatus {
  DRAFT = 'DRAFT', // 草稿
  PUBLISHED = 'PUBLISHED', // 已发布
  RETIRED = 'RETIRED', // 已停用
}

/** One indicator row as the rules read it (evaluation_indicator). */
export interface IndicatorRow {
  code: string;
  label: string;
  fact: string;
  pointsEach: number;
  cap: number | null;
  gradeCap: CreditGrade | null;
  unit: string | null;
  detail: string | null;
  source: string;
}

/** One band row (grade_band). */
export interface GradeBandRow {
  grade: CreditGrade;
  label: string;
  minScore: number;
}

/** A model version with its rows: what score() needs. */
export interface ModelRows {
  version: string;
  baseScore: number;
  indicators: IndicatorRow[];
  grades: GradeBandRow[];
}

/** The facts of one subject: how many of each fact kind (FactKind) hold today. */
export type FactCounts = Partial<Record<string, number>>;
