import { CreditGrade } from '../../../shared/domain/vocabulary';
import { isFactKind } from './facts';
import type { GradeBandRow, IndicatorRow } from './model';

/** Bounds of a published model (publishEvaluationModel). */
export const MAX_INDICATORS = 64;
const VERSION = /^[A-Z0-9][A-Z0-9.-]{1,31}$/;
const CODE = /^[A-Z][A-Z0-9_]{1,47}$/;

export interface ModelDraft {
  version: string;
  effectiveFrom: string;
  baseScore: number;
  source: string;
  indicators: IndicatorRow[];
  grades: GradeBandRow[];
}

/** The first thing wrong with a draft, naming its field (`input.indicators[2].cap`); null when it may be published. */
export interface DraftProblem {
  field: string;
  message: string;
}

const text = (value: string | null, max: number): boolean =>
  value === null || (value.trim().length > 0 && [...value].length <= max);

function indicatorProblem(i: IndicatorRow, at: string): DraftProblem | null {
  if (!CODE.test(i.code)) return { field: `${at}.code`, message: 'code: capital letters, digits and _, 2–48' };
  if (!text(i.label, 64)) return { field: `${at}.label`, message: 'label: 1–64 characters' };
  if (!isFactKind(i.fact)) return { field: `${at}.fact`, message: `fact: not a fact kind (${i.fact})` };
  if (!Number.isFinite(i.pointsEach) || Math.abs(i.pointsEach) > 100)
    return { field: `${at}.pointsEach`, message: 'pointsEach: between −100 and 100' };
  if (
    i.cap !== null &&
    (!Number.isFinite(i.cap) || i.cap === 0 || Math.sign(i.cap) !== Math.sign(i.pointsEach) || Math.abs(i.cap) > 100)
  )
    return { field: `${at}.cap`, message: 'cap: non-zero, of the sign of pointsEach, at most 100' };
  if (!text(i.unit, 8)) return { field: `${at}.unit`, message: 'unit: 1–8 characters' };
  if (!text(i.detail, 32)) return { field: `${at}.detail`, message: 'detail: 1–32 characters' };
  if (!text(i.source, 200)) return { field: `${at}.source`, message: 'source: 1–200 characters' };
  return null;
}

/**
 * A new model version is whole and sound: a fresh version name, an effective date not before today,
 * a base score within 0–100, 1–64 indicators on known fact kinds with unique codes, each cap of the
 * sign of its points, and four bands A–D once each with minimum scores falling and D at 0 (every
 * score has a grade).
 */
export function draftProblem(
  draft: ModelDraft,
  today: string,
  existingVersions: readonly string[],
): DraftProblem | null {
  if (!VERSION.test(draft.version))
    return { field: 'input.version', message: 'version: capital letters, digits, . and -, 2–32' };
  if (existingVersions.includes(draft.version))
    return { field: 'input.version', message: `version ${draft.version} exists: a published model is never changed` };
  if (draft.effectiveFrom < today) return { field: 'input.effectiveFrom', message: 'effectiveFrom: not before today' };
  if (!Number.isFinite(draft.baseScore) || draft.baseScore < 0 || draft.baseScore > 100)
    return { field: 'input.baseScore', message: 'baseScore: between 0 and 100' };
  if (!text(draft.source, 200)) return { field: 'input.source', message: 'source: 1–200 characters' };
  if (draft.indicators.length === 0 || draft.indicators.length > MAX_INDICATORS)
    return { field: 'input.indicators', message: `indicators: 1–${MAX_INDICATORS}` };
  const codes = new Set<string>();
  for (const [n, indicator] of draft.indicators.entries()) {
    const at = `input.indicators[${n}]`;
    const problem = indicatorProblem(indicator, at);
    if (problem) return problem;
    if (codes.has(indicator.code)) return { field: `${at}.code`, message: `code ${indicator.code} given twice` };
    codes.add(indicator.code);
  }
  const order = [CreditGrade.A, CreditGrade.B, CreditGrade.C, CreditGrade.D];
  const bands = order.map((grade) => draft.grades.filter((b) => b.grade === grade));
  if (draft.grades.length !== 4 || bands.some((b) => b.length !== 1))
    return { field: 'input.grades', message: 'grades: A, B, C and D, once each' };
  for (const [n, band] of draft.grades.entries()) {
    if (!text(band.label, 8)) return { field: `input.grades[${n}].label`, message: 'label: 1–8 characters' };
  }
  const mins = bands.map((b) => b[0].minScore);
  if (mins[3] !== 0) return { field: 'input.grades', message: 'grades: D starts at 0, so every score has a grade' };
  if (mins.some((m, k) => !Number.isFinite(m) || m > 100 || (k > 0 && m >= mins[k - 1])))
    return { field: 'input.grades', message: 'grades: minimum scores fall from A to D, at most 100' };
  return null;
}
