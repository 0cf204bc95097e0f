import type { EntityManager } from '../../../shared/db/orm';
import { RepairTarget } from '../../../shared/domain/vocabulary';
import { publishEvent } from '../../../shared/events/publish';
import { idArgument } from '../../../shared/graphql/arguments';
import { withCalendar } from '../../../shared/graphql/calendar-errors';
import { conflict, forbidden } from '../../../shared/graphql/errors';
import { runWorkflowStep } from '../../../shared/workflow/step';
import { CommitmentFact } from '../entities/commitment-fact';
import { RepairCase } from '../entities/repair-case';
import { ListEntryFact } from '../entities/target-facts';
import type { RepairsContext } from '../loaders';
import { Actor, actorOf, mayDecide, mayHandle } from '../rules/access';
import { decisionDueOn } from '../rules/deadlines';
import { externalAuthority } from '../rules/eligibility';
import { isActiveRepairCommitment } from '../rules/repair-commitment';
import { CaseAction, nextStatus, RepairAction } from '../rules/workflow';
import { recordCaseStep } from './case-history';
import { notRepairable } from './refusal';

/** Who may take a step: the handling department (or the credit office), or the case's decider. */
type Authorization = 'handle' | 'decide';

/** What a step does beyond its status and history. */
interface CaseEffect {
  apply?(repairCase: RepairCase, em: EntityManager): void | Promise<void>;
  publish?(repairCase: RepairCase, em: EntityManager): Promise<void>;
}

const mayAct = (authorization: Authorization, actor: Actor, repairCase: RepairCase): boolean =>
  authorization === 'handle'
    ? mayHandle(actor, repairCase.handledByCode)
    : mayDecide(actor, repairCase.target, repairCase.handledByCode);

function refusedActor(authorization: Authorization, repairCase: RepairCase): string {
  if (authorization === 'decide' && repairCase.target === RepairTarget.LIST_ENTRY) {
    return `谁认定、谁修复: a list-entry repair case is decided by its designating department${repairCase.handledByCode ? ` (${repairCase.handledByCode})` : ''}; the credit office coordinates but does not decide it`;
  }
  return repairCase.handledByCode
    ? `only ${repairCase.handledByCode} or the credit office handles this repair case`
    : 'only the credit office handles this repair case';
}

/** Closes a case with a decision (or a refusal at intake) by the acting department; returns when. */
function decide(repairCase: RepairCase, ctx: RepairsContext, note: string): Date {
  const decidedAt = new Date();
  repairCase.decidedAt = decidedAt;
  repairCase.decidedByCode = ctx.principal.org;
  repairCase.decisionNote = note;
  return decidedAt;
}

/** Refuses a decision on a case opened before list kinds were known that targets an external authority's entry: it is not decided here. */
async function requireDecidedHere(repairCase: RepairCase, em: EntityManager): Promise<void> {
  if (repairCase.target !== RepairTarget.LIST_ENTRY) return;
  const fact = await em.findOne(ListEntryFact, { id: repairCase.targetId });
  const external = fact ? externalAuthority(fact) : null;
  if (external) throw notRepairable(external, { status: repairCase.status });
}

/** One step on one case (shared/workflow/step.ts). */
function step(
  ctx: RepairsContext,
  rawId: string,
  action: CaseAction,
  authorization: Authorization,
  note: string | null,
  effect: CaseEffect,
): Promise<RepairCase> {
  const id = idArgument('id', rawId, 'a repair case');
  const actor = actorOf(ctx.principal);
  return runWorkflowStep(ctx.em, ctx.loaders, {
    entity: RepairCase,
    id,
    missing: `no repair case ${id}`,
    authorize: async (repairCase, em) => {
      if (authorization === 'decide') await requireDecidedHere(repairCase, em);
      if (!mayAct(authorization, actor, repairCase)) throw forbidden(refusedActor(authorization, repairCase));
    },
    transition: (repairCase) => nextStatus(repairCase.status, action),
    apply: effect.apply,
    record: (repairCase, from, em) => recordCaseStep(em, repairCase, action, from, ctx.principal, note),
    publish: effect.publish,
  });
}

/** 受理: SUBMITTED → ACCEPTED; sets the decision time limit. */
export async function acceptCase(ctx: RepairsContext, id: string): Promise<RepairCase> {
  // Reference data through the request's loaders before the transaction: inside it, only its own EntityManager may be used.
  const [calendar, rule] = await Promise.all([ctx.loaders.calendar(), ctx.loaders.deadlineRule()]);
  return step(ctx, id, RepairAction.ACCEPT, 'handle', null, {
    apply: (repairCase) => {
      const acceptedAt = new Date();
      repairCase.acceptedAt = acceptedAt;
      const due = withCalendar('id', () => decisionDueOn(acceptedAt, rule, calendar));
      repairCase.decisionDueOn = due.date;
      repairCase.decisionDueOnProvisional = due.provisional;
    },
  });
}

/** 不予受理: SUBMITTED → REJECTED_AT_INTAKE, with the reason. */
export function rejectCaseAtIntake(ctx: RepairsContext, id: string, reason: string): Promise<RepairCase> {
  return step(ctx, id, RepairAction.REJECT_AT_INTAKE, 'handle', reason, {
    apply: (repairCase) => void decide(repairCase, ctx, reason),
  });
}

/** 准予修复: ACCEPTED → APPROVED; publicity and sharing end (penalty.repaired), or the entry leaves its list (list-entry.repaired). */
export function approveCase(ctx: RepairsContext, id: string, note: string): Promise<RepairCase> {
  return step(ctx, id, RepairAction.APPROVE, 'decide', note, {
    apply: async (repairCase, em) => {
      // A commitment breached or withdrawn while the case was handled no longer carries the repair.
      if (repairCase.repairCommitmentId !== null) {
        const commitment = await em.findOne(CommitmentFact, { id: repairCase.repairCommitmentId });
        if (!commitment || !isActiveRepairCommitment(commitment, repairCase.subjectId, ctx.loaders.today)) {
          throw conflict(
            `the repair commitment ${repairCase.repairCommitmentId} is no longer in effect: deny the case instead`,
            'id',
            'COMMITMENT_NOT_IN_EFFECT',
          );
        }
      }
      // Published with the decision, in its transaction: the step has passed every check by now.
      const decidedAt = decide(repairCase, ctx, note).toISOString();
      if (repairCase.target === RepairTarget.PENALTY) {
        await publishEvent(em, 'penalty.repaired', {
          penaltyId: repairCase.targetId,
          repairCaseId: repairCase.id,
          decidedAt,
        });
      } else {
        await publishEvent(em, 'list-entry.repaired', {
          entryId: repairCase.targetId,
          repairCaseId: repairCase.id,
          decidedAt,
        });
      }
    },
  });
}

/** 不予修复: ACCEPTED → DENIED, with the reason. */
export function denyCase(ctx: RepairsContext, id: string, reason: string): Promise<RepairCase> {
  return step(ctx, id, RepairAction.DENY, 'decide', reason, {
    apply: (repairCase) => void decide(repairCase, ctx, reason),
  });
}

/** 撤回申请, before a decision: SUBMITTED or ACCEPTED → WITHDRAWN, with the reason. */
export function withdrawCase(ctx: RepairsContext, id: string, reason: string): Promise<RepairCase> {
  return step(ctx, id, RepairAction.WITHDRAW, 'handle', reason, {
    apply: (repairCase) => {
      repairCase.decisionNote = reason;
    },
  });
}
