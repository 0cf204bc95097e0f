import type { EntityManager } from '../../../shared/db/orm';
import { CommitmentKind, RepairTarget } from '../../../shared/domain/vocabulary';
import { CommitmentFact } from '../entities/commitment-fact';
import { RepairCase } from '../entities/repair-case';
import { ListEntryFact, PenaltyFact } from '../entities/target-facts';
import type { TargetRef } from '../inputs/repair-target.input';
import type { Actor } from '../rules/access';
import { Eligibility, judgeEligibility } from '../rules/eligibility';
import { isActiveRepairCommitment, repairCommitmentProblem } from '../rules/repair-commitment';
import type { RepairRules } from '../rules/rule-rows';

export interface ApplicationTerms {
  repairCommitmentId: string | undefined;
  fulfilmentEvidence: string | null;
  /**
   * An application must name its commitment; a question of eligibility that
   * names none is answered by whether the subject has one in effect.
   */
  commitmentMustBeNamed: boolean;
}

export interface Assessment extends Eligibility {
  /** The subject's repair commitments in effect today: one of them is to be named. */
  repairCommitmentIds: string[];
}

/**
 * Reads what eligibility is judged on (the target's fact, its cases, the
 * subject's commitments) through `em` — the transaction's, when applying —
 * and judges it (rules/eligibility.ts).
 */
export async function assessApplication(
  em: EntityManager,
  target: TargetRef,
  terms: ApplicationTerms,
  context: { rules: RepairRules; today: string; actor: Actor | null },
): Promise<Assessment> {
  const [penalty, entry, cases] = await Promise.all([
    target.kind === RepairTarget.PENALTY ? em.findOne(PenaltyFact, { id: target.id }) : null,
    target.kind === RepairTarget.LIST_ENTRY ? em.findOne(ListEntryFact, { id: target.id }) : null,
    em.find(RepairCase, { targetId: target.id }),
  ]);
  const subjectId = penalty?.subjectId ?? entry?.subjectId ?? null;
  const named = terms.repairCommitmentId;
  const commitments =
    subjectId === null
      ? []
      : await em.find(CommitmentFact, {
          $or: [{ subjectId, kind: CommitmentKind.REPAIR }, ...(named ? [{ id: named }] : [])],
        });
  const active =
    subjectId === null ? [] : commitments.filter((c) => isActiveRepairCommitment(c, subjectId, context.today));
  let commitmentProblem: string | null = null;
  if (subjectId !== null) {
    if (named !== undefined || terms.commitmentMustBeNamed) {
      commitmentProblem = repairCommitmentProblem(
        named,
        commitments.find((c) => c.id === named) ?? null,
        subjectId,
        context.today,
      );
    } else if (active.length === 0) {
      commitmentProblem =
        'the subject has no repair commitment (信用修复承诺书) in effect: it signs one before applying';
    }
  }
  const eligibility = judgeEligibility({
    target: target.kind,
    targetId: target.id,
    penalty,
    entry,
    rules: context.rules,
    today: context.today,
    cases,
    actor: context.actor,
    commitmentProblem,
    fulfilmentEvidence: terms.fulfilmentEvidence,
  });
  return { ...eligibility, repairCommitmentIds: active.map((c) => c.id).sort() };
}
