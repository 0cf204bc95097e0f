import { CreditGrade } from '../../../shared/domain/vocabulary';
import type { FactCounts, IndicatorRow, ModelRows } from './model';

/** One line of an explanation, as stored (subject_evaluation.lines) and served (EvaluationLine). */
export interface EvaluationLineRow {
  indicator: string;
  label: string;
  count: number;
  points: number;
  text: string;
  source: string;
}

export interface ScoreResult {
  modelVersion: string;
  score: number;
  grade: CreditGrade;
  gradeLabel: string;
  lines: EvaluationLineRow[];
}

/** Best first: a grade cap keeps the worse of the band's grade and the cap. */
const GRADE_ORDER: readonly CreditGrade[] = [CreditGrade.A, CreditGrade.B, CreditGrade.C, CreditGrade.D];

const worse = (a: CreditGrade, b: CreditGrade): CreditGrade =>
  GRADE_ORDER.indexOf(a) >= GRADE_ORDER.indexOf(b) ? a : b;

/** One decimal, half away from zero (scores and points are shown with one decimal at most). */
export function roundScore(value: number): number {
  // The tolerance keeps a binary fraction just below a half (−0.35 × 3 = −1.0499…) from rounding down.
  return (Math.sign(value) * Math.round(Math.abs(value) * 10 + 1e-9)) / 10 || 0;
}

/** "+5", "−12", "+1.5": U+2212 for minus, as the explanation shows it. */
export function formatPoints(points: number): string {
  const abs = String(Math.abs(points));
  return points < 0 ? `\u2212${abs}` : `+${abs}`;
}

/** Points of one indicator for `count` facts, limited by its cap (signed like the points). */
export function indicatorPoints(indicator: IndicatorRow, count: number): number {
  const raw = indicator.pointsEach * count;
  if (indicator.cap === null) return roundScore(raw);
  return roundScore(indicator.pointsEach >= 0 ? Math.min(raw, indicator.cap) : Math.max(raw, indicator.cap));
}

/** "−12: 一般行政处罚 2 项, 公示期内"; a capped line says so, a grade cap is named. */
export function lineText(indicator: IndicatorRow, count: number, points: number): string {
  const parts = [
    `${formatPoints(points)}: ${indicator.label}${indicator.unit === null ? '' : ` ${count} ${indicator.unit}`}`,
  ];
  if (indicator.detail !== null) parts.push(indicator.detail);
  if (indicator.cap !== null && roundScore(indicator.pointsEach * count) !== points)
    parts.push(`计至上限 ${formatPoints(indicator.cap)}`);
  if (indicator.gradeCap !== null) parts.push(`等级不高于 ${indicator.gradeCap}`);
  return parts.join(', ');
}

/**
 * The score, grade and explanation of one subject's facts on one model: base score plus each
 * indicator's capped points, kept within 0–100 and rounded to one decimal; the grade is the best
 * band the score reaches, then no better than any grade cap of a fact present. Lines with zero
 * points are left out unless they cap the grade; the largest |points| come first.
 */
export function score(facts: FactCounts, model: ModelRows): ScoreResult {
  const lines: EvaluationLineRow[] = [];
  let total = model.baseScore;
  let cap: CreditGrade | null = null;
  for (const indicator of model.indicators) {
    const count = facts[indicator.fact] ?? 0;
    if (count <= 0) continue;
    const points = indicatorPoints(indicator, count);
    total += points;
    if (indicator.gradeCap !== null) cap = cap === null ? indicator.gradeCap : worse(cap, indicator.gradeCap);
    if (points === 0 && indicator.gradeCap === null) continue;
    lines.push({
      indicator: indicator.code,
      label: indicator.label,
      count,
      points,
      text: lineText(indicator, count, points),
      source: indicator.source,
    });
  }
  lines.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.indicator.localeCompare(b.indicator));
  const value = roundScore(Math.min(100, Math.max(0, total)));
  const bands = [...model.grades].sort((a, b) => b.minScore - a.minScore);
  const band = bands.find((b) => value >= b.minScore) ?? bands[bands.length - 1];
  if (!band) throw new Error(`model ${model.version} has no grade bands`);
  const grade = cap === null ? band.grade : worse(band.grade, cap);
  const label = model.grades.find((b) => b.grade === grade)?.label ?? grade;
  return { modelVersion: model.version, score: value, grade, gradeLabel: label, lines };
}
