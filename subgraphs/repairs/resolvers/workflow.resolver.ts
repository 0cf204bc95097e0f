import { LockMode } from '@mikro-orm/core';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import type { EntityManager } from '../../../shared/db/orm';
import { RepairTarget } from '../../../shared/domain/vocabulary';
import { publishEvent } from '../../../shared/events/publish';
import { idArgument, textArgument as text } from '../../../shared/graphql/arguments';
import { conflict, forbidden, notFound } from '../../../shared/graphql/errors';
import { CommitmentFact } from '../entities/commitment-fact';
import { RepairCase } from '../entities/repair-case';
import type { RepairsContext } from '../loaders';
import { Actor, actorOf, mayDecide, mayHandle } from '../rules/access';
import { decisionDueOn } from '../rules/deadlines';
import { withCalendar } from '../../../shared/graphql/calendar-errors';
import { isActiveRepairCommitment } from '../rules/repair-commitment';
import { CaseAction, nextStatus, RepairAction, RepairTransitionError } from '../rules/workflow';
import { forgetCases, recordStep } from './history';
import { notRepairable, withExtensions } from './refusal';
import { ListEntryFact } from '../entities/target-facts';
import { externalAuthority } from '../rules/eligibility';

type Authorization = 'handle' | 'decide';

const mayAct = (authorization: Authorization, actor: Actor, repairCase: RepairCase): boolean =>
  authorization === 'handle' ? mayHandle(actor, repairCase.handledByCode) : mayDecide(actor, repairCase.target, repairCase.handledByCode);

function refusedActor(authorization: Authorization, repairCase: RepairCase): string {
  if (authorization === 'decide' && repairCase.target === RepairTarget.LIST_ENTRY) {
    return `谁认定、谁修复: a list-entry repair case is decided by its designating department${repairCase.handledByCode ? ` (${repairCase.handledByCode})` : ''}; the credit office coordinates but does not decide it`;
  }
  return repairCase.handledByCode ? `only ${repairCase.handledByCode} or the credit office handles this repair case` : 'only the credit office handles this repair case';
}

/** Closes a case with a decision (or a refusal at intake) by the acting department; returns when. */
function decide(repairCase: RepairCase, ctx: RepairsContext, note: string): Date {
  const decidedAt = new Date();
  repairCase.decidedAt = decidedAt;
  repairCase.decidedByCode = ctx.principal.org;
  repairCase.decisionNote = note;
  return decidedAt;
}

@Resolver(() => RepairCase)
export class RepairWorkflowResolver {
  @Mutation(() => RepairCase, { nullable: true, description: '受理 (repairs:handle): SUBMITTED → ACCEPTED; sets the decision time limit' })
  @RequiresScopes([SCOPES.repairsHandle])
  async acceptRepairCase(@Ctx() ctx: RepairsContext, @Arg('id', () => ID) id: string): Promise<RepairCase> {
    const [calendar, rule] = await Promise.all([ctx.loaders.calendar(), ctx.loaders.deadlineRule()]);
    return this.step(ctx, id, RepairAction.ACCEPT, 'handle', null, async (repairCase) => {
      repairCase.acceptedAt = new Date();
      const due = withCalendar('id', () => decisionDueOn(repairCase.acceptedAt as Date, rule, calendar));
      repairCase.decisionDueOn = due.date;
      repairCase.decisionDueOnProvisional = due.provisional;
    });
  }

  @Mutation(() => RepairCase, { nullable: true, description: '不予受理 (repairs:handle): SUBMITTED → REJECTED_AT_INTAKE, with the reason' })
  @RequiresScopes([SCOPES.repairsHandle])
  rejectRepairCaseAtIntake(@Ctx() ctx: RepairsContext, @Arg('id', () => ID) id: string, @Arg('reason', { description: '不予受理理由' }) reason: string): Promise<RepairCase> {
    const note = text('reason', reason);
    return this.step(ctx, id, RepairAction.REJECT_AT_INTAKE, 'handle', note, async (repairCase) => {
      decide(repairCase, ctx, note);
    });
  }

  @Mutation(() => RepairCase, {
    nullable: true,
    description:
      '准予修复 (penalty cases: the reporting department or the credit office; list-entry cases: the designating department alone, 谁认定、谁修复): ACCEPTED → APPROVED. ' +
      'Publishes penalty.repaired or list-entry.repaired in the same transaction: publicity and sharing end, the entry leaves its list.',
  })
  @RequiresScopes([SCOPES.repairsHandle], [SCOPES.repairsDecide])
  approveRepairCase(@Ctx() ctx: RepairsContext, @Arg('id', () => ID) id: string, @Arg('note', { description: '决定意见' }) note: string): Promise<RepairCase> {
    const decision = text('note', note);
    return this.step(ctx, id, RepairAction.APPROVE, 'decide', decision, async (repairCase, em) => {
      // A commitment breached or withdrawn while the case was handled no longer carries the repair.
      if (repairCase.repairCommitmentId !== null) {
        const commitment = await em.findOne(CommitmentFact, { id: repairCase.repairCommitmentId });
        if (!commitment || !isActiveRepairCommitment(commitment, repairCase.subjectId, ctx.loaders.today)) {
          throw conflict(`the repair commitment ${repairCase.repairCommitmentId} is no longer in effect: deny the case instead`, 'id', 'COMMITMENT_NOT_IN_EFFECT');
        }
      }
      const decidedAt = decide(repairCase, ctx, decision).toISOString();
      if (repairCase.target === RepairTarget.PENALTY) {
        await publishEvent(em, 'penalty.repaired', { penaltyId: repairCase.targetId, repairCaseId: repairCase.id, decidedAt });
      } else {
        await publishEvent(em, 'list-entry.repaired', { entryId: repairCase.targetId, repairCaseId: repairCase.id, decidedAt });
      }
    });
  }

  @Mutation(() => RepairCase, { nullable: true, description: '不予修复 (deciders as approveRepairCase): ACCEPTED → DENIED, with the reason' })
  @RequiresScopes([SCOPES.repairsHandle], [SCOPES.repairsDecide])
  denyRepairCase(@Ctx() ctx: RepairsContext, @Arg('id', () => ID) id: string, @Arg('reason', { description: '不予修复理由' }) reason: string): Promise<RepairCase> {
    const note = text('reason', reason);
    return this.step(ctx, id, RepairAction.DENY, 'decide', note, async (repairCase) => {
      decide(repairCase, ctx, note);
    });
  }

  @Mutation(() => RepairCase, { nullable: true, description: '撤回申请 (repairs:handle), before a decision: SUBMITTED or ACCEPTED → WITHDRAWN, with the reason' })
  @RequiresScopes([SCOPES.repairsHandle])
  withdrawRepairCase(@Ctx() ctx: RepairsContext, @Arg('id', () => ID) id: string, @Arg('reason', { description: '撤回理由' }) reason: string): Promise<RepairCase> {
    const note = text('reason', reason);
    return this.step(ctx, id, RepairAction.WITHDRAW, 'handle', note, async (repairCase) => {
      repairCase.decisionNote = note;
    });
  }

  /** One step in one transaction: lock the case, check who acts and the transition, apply, write history. */
  private step(
    ctx: RepairsContext,
    rawId: string,
    action: CaseAction,
    authorization: Authorization,
    note: string | null,
    apply: (repairCase: RepairCase, em: EntityManager) => Promise<void>,
  ): Promise<RepairCase> {
    const id = idArgument('id', rawId, 'a repair case');
    const actor = actorOf(ctx.principal);
    return ctx.em
      .transactional(async (em) => {
        const repairCase = await em.findOne(RepairCase, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!repairCase) throw notFound(`no repair case ${id}`, 'id');
        if (authorization === 'decide' && repairCase.target === RepairTarget.LIST_ENTRY) {
          // A case opened before list kinds were known may target an external authority's entry: it is not decided here.
          const fact = await em.findOne(ListEntryFact, { id: repairCase.targetId });
          const external = fact ? externalAuthority(fact) : null;
          if (external) throw notRepairable(external, { status: repairCase.status });
        }
        if (!mayAct(authorization, actor, repairCase)) throw forbidden(refusedActor(authorization, repairCase));
        const from = repairCase.status;
        try {
          repairCase.status = nextStatus(from, action);
        } catch (error) {
          if (error instanceof RepairTransitionError) throw withExtensions(conflict(error.message, 'id', error.reason), { status: from });
          throw error;
        }
        await apply(repairCase, em);
        recordStep(em, repairCase, action, from, ctx.principal, note);
        return repairCase;
      })
      .finally(() => forgetCases(ctx));
  }
}
