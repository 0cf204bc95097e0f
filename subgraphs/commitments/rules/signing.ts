import { CommitmentKind } from '../../../shared/domain/vocabulary';

export interface SigningFacts {
  kind: CommitmentKind;
  publicized: boolean;
  validUntil: string | null;
}

export interface SigningProblem {
  field: 'publicized' | 'validUntil';
  message: string;
}

/** What a new commitment must satisfy on its signing day (`today`). */
export function signingProblems(facts: SigningFacts, today: string): SigningProblem[] {
  const problems: SigningProblem[] = [];
  if (facts.validUntil !== null && facts.validUntil < today) {
    problems.push({
      field: 'validUntil',
      message: `a commitment cannot end (${facts.validUntil}) before it is signed (${today})`,
    });
  }
  // A repair commitment is a condition of credit repair and is made in public (§8).
  if (facts.kind === CommitmentKind.REPAIR && !facts.publicized) {
    problems.push({ field: 'publicized', message: 'a credit repair commitment (信用修复型) is always publicized' });
  }
  return problems;
}

/** The day of a breach lies between the signing day and today (inclusive); null when it does. */
export function breachDateProblem(breachedOn: string, signedAt: string, today: string): string | null {
  if (breachedOn > today) return `the breach date (${breachedOn}) is in the future`;
  if (breachedOn < signedAt) return `the breach date (${breachedOn}) is before the commitment was signed (${signedAt})`;
  return null;
}
