import { CreditList, ListEntryStatus, Verdict } from '../../../shared/domain/vocabulary';
import type { ScreeningChange } from '../../../shared/exchange/record-snapshot';
import { isActiveEntry } from './active';
import { gradedVerdict, GradeMeasures } from './graded-verdict';

/** A subject as the verdict needs it: its entries (any status), its evaluation, and the verdict last announced. */
export interface VerdictInput {
  subjectId: string;
  uscc: string;
  name: string;
  entries: {
    entryId: string;
    list: CreditList;
    listKind: string;
    status: ListEntryStatus;
    validFrom: string | null;
    validUntil: string | null;
  }[];
  evaluation: GradeMeasures | null;
  /** The verdict stored in sanctions.screening_verdict; null when the subject has none yet. */
  previousVerdict: Verdict | null;
}

export interface VerdictOutcome {
  subjectId: string;
  verdict: Verdict;
  /** The entries of the lists that decide it (graded-verdict.ts: applicableLists). */
  entries: ScreeningChange['entries'];
}

/** The verdict a screening gives the subject today (screen.resolver.ts: active entries and the grade, as a reader with credit:read). */
export function currentVerdict(input: VerdictInput, today: string): VerdictOutcome {
  const hits = input.entries.filter((entry) => isActiveEntry(entry, today));
  const graded = gradedVerdict(
    hits.map((hit) => hit.list),
    input.evaluation,
  );
  return {
    subjectId: input.subjectId,
    verdict: graded.verdict,
    entries: hits
      .filter((hit) => graded.applicableLists.includes(hit.list))
      .map((hit) => ({ entryId: hit.entryId, list: hit.list, listKind: hit.listKind })),
  };
}

/**
 * What to store and what to announce after the subjects' entries or grades changed: every verdict that
 * differs from the stored one is stored; it is announced (screening.changed) when it differs from what a
 * screening said before — CLEAR for a subject never stored — so a subject first met and clear is stored
 * quietly, and one that comes out as it was is not announced at all.
 */
export function verdictChanges(
  inputs: readonly VerdictInput[],
  today: string,
  changedAt: string,
): { store: VerdictOutcome[]; announce: ScreeningChange[] } {
  const store: VerdictOutcome[] = [];
  const announce: ScreeningChange[] = [];
  for (const input of inputs) {
    const outcome = currentVerdict(input, today);
    if (outcome.verdict === input.previousVerdict) continue;
    store.push(outcome);
    if (outcome.verdict === (input.previousVerdict ?? Verdict.CLEAR)) continue;
    announce.push({
      subjectId: input.subjectId,
      uscc: input.uscc,
      name: input.name,
      verdict: outcome.verdict,
      previousVerdict: input.previousVerdict,
      entries: outcome.entries,
      changedAt,
    });
  }
  return { store, announce };
}
