import { createHash } from 'node:crypto';
import { CreditGrade } from '../../../shared/domain/vocabulary';

/** A graded subject of the population a draw is made from. */
export interface DrawCandidate {
  subjectId: string;
  grade: CreditGrade;
}

/** How many of a grade there were, at what ratio, and how many were drawn. */
export interface GradeQuota {
  grade: CreditGrade;
  population: number;
  ratio: number;
  drawn: number;
}

export interface DrawResult {
  quotas: GradeQuota[];
  /** The drawn subjects, grade by grade (A first), each grade in draw order. */
  drawn: DrawCandidate[];
}

const GRADES: readonly CreditGrade[] = [CreditGrade.A, CreditGrade.B, CreditGrade.C, CreditGrade.D];

/**
 * The draw order of a subject for a seed: SHA-256 of `seed:subjectId`, hex. Hashing each subject
 * on its own (rather than shuffling a list) makes the order independent of how the population was
 * read, and a subject joining the population moves nobody else: the same seed and the same
 * population always give the same list, which anyone can recompute from the recorded seed.
 */
export function drawKey(seed: string, subjectId: string): string {
  return createHash('sha256').update(`${seed}:${subjectId}`).digest('hex');
}

/** ceil(ratio × population), the share the supervision rule asks for (an exact product is not rounded up by float noise). */
export function quotaOf(ratio: number, population: number): number {
  if (population === 0 || ratio <= 0) return 0;
  return Math.min(population, Math.ceil(Number((ratio * population).toFixed(9))));
}

/**
 * Quotas cut down to `size` in proportion (largest remainder; ties to the worse grade, which the
 * rule inspects more): a department with fewer inspectors than the ratios ask for keeps their
 * proportions. A size at or above the sum changes nothing: the ratios are what the rule requires.
 */
export function capQuotas(quotas: readonly number[], size: number | null): number[] {
  const total = quotas.reduce((sum, q) => sum + q, 0);
  if (size === null || size >= total) return [...quotas];
  const exact = quotas.map((q) => (q * size) / total);
  const capped = exact.map(Math.floor);
  let left = size - capped.reduce((sum, q) => sum + q, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || b.index - a.index);
  for (const { index } of order) {
    if (left === 0) break;
    capped[index] += 1;
    left -= 1;
  }
  return capped;
}

/**
 * 双随机: per grade, the population ordered by drawKey(seed, id) (ties, impossible in practice, by
 * id), and the first quota of that order drawn, quota = ceil(ratio × count of the grade), cut to
 * `size` if given. `ratioOf` is the supervision rule's spotCheckRatio for the grade.
 */
export function drawSpotCheckList(
  population: readonly DrawCandidate[],
  ratioOf: (grade: CreditGrade) => number,
  seed: string,
  size: number | null,
): DrawResult {
  const byGrade = GRADES.map((grade) =>
    population
      .filter((c) => c.grade === grade)
      .map((c) => ({ candidate: c, key: drawKey(seed, c.subjectId) }))
      .sort((a, b) =>
        a.key < b.key ? -1 : a.key > b.key ? 1 : a.candidate.subjectId < b.candidate.subjectId ? -1 : 1,
      ),
  );
  const wanted = GRADES.map((grade, i) => quotaOf(ratioOf(grade), byGrade[i].length));
  const quotas = capQuotas(wanted, size);
  return {
    quotas: GRADES.map((grade, i) => ({
      grade,
      population: byGrade[i].length,
      ratio: ratioOf(grade),
      drawn: quotas[i],
    })),
    drawn: byGrade.flatMap((ordered, i) => ordered.slice(0, quotas[i]).map((entry) => entry.candidate)),
  };
}
