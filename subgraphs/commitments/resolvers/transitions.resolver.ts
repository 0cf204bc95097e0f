import type { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import type { EntityManager } from '../../../shared/db/orm';
import { publishEvent } from '../../../shared/events/publish';
import { idArgument, textArgument as text } from '../../../shared/graphql/arguments';
import { badUserInput, conflict, notFound } from '../../../shared/graphql/errors';
import { COMMITMENT_NAME_LENGTH } from '../../../shared/graphql/input-limits';
import { DateScalar } from '../../../shared/graphql/scalars';
import { Commitment } from '../entities/commitment';
import { CommitmentEvent } from '../entities/commitment-event';
import { CommitmentsContext, forgetCommitments } from '../loaders';
import { ClosingAction, CommitmentAction } from '../rules/actions';
import { isSameStep, StepData } from '../rules/repeat';
import { breachDateProblem } from '../rules/signing';
import { CommitmentTransitionError, nextStep, Step, TRANSITIONS } from '../rules/transitions';
import { requireOwner } from '../../../shared/auth/ownership';
import { recordStep } from './record-step';

type ClosingStep = StepData & { action: ClosingAction };

/** The closing step recorded for a commitment, as a retry would repeat it; null when none is. */
async function recordedStep(em: EntityManager, commitment: Commitment, action: ClosingAction): Promise<StepData | null> {
  const row = await em.findOne(CommitmentEvent, { commitmentId: commitment.id, action }, { orderBy: { occurredAt: 'desc' } });
  if (!row) return null;
  return { action: row.action, note: row.note, evidence: row.evidence, on: action === CommitmentAction.BREACH ? commitment.breachedOn : null };
}

/** CONFLICT for a refused transition, with its reason and the status the commitment reads as. */
function transitionConflict(error: CommitmentTransitionError): GraphQLError {
  const refused = conflict(error.message, 'id', error.refusal);
  Object.assign(refused.extensions, { status: error.status });
  return refused;
}

@Resolver(() => Commitment)
export class CommitmentTransitionsResolver {
  @Mutation(() => Commitment, { nullable: true, description: '履约 (commitments:write): IN_EFFECT → FULFILLED, by the accepting department or the credit office' })
  @RequiresScopes([SCOPES.commitmentsWrite])
  fulfilCommitment(@Ctx() ctx: CommitmentsContext, @Arg('id', () => ID) id: string, @Arg('note', { description: '履约情况' }) note: string): Promise<Commitment> {
    return this.close(ctx, id, { action: CommitmentAction.FULFIL, note: text('note', note), evidence: null, on: null });
  }

  @Mutation(() => Commitment, {
    nullable: true,
    description: '记录违诺 (commitments:write): IN_EFFECT → BREACHED, with the evidence; publishes commitment.breached in the same transaction',
  })
  @RequiresScopes([SCOPES.commitmentsWrite])
  recordCommitmentBreach(
    @Ctx() ctx: CommitmentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('evidence', { description: '违诺证据 (文书号或材料编号)' }) evidence: string,
    @Arg('breachedOn', () => DateScalar, { description: '违诺日期 (between the signing day and today)' }) breachedOn: string,
  ): Promise<Commitment> {
    const step: ClosingStep = { action: CommitmentAction.BREACH, note: null, evidence: text('evidence', evidence, COMMITMENT_NAME_LENGTH), on: breachedOn };
    return this.close(ctx, id, step, async (commitment, em) => {
      const problem = breachDateProblem(breachedOn, commitment.signedAt, ctx.loaders.today);
      if (problem) throw badUserInput('breachedOn', problem);
      commitment.breachedOn = breachedOn;
      await publishEvent(em, 'commitment.breached', {
        commitmentId: commitment.id,
        subjectId: commitment.subjectId,
        uscc: commitment.signatoryUscc,
        subjectName: commitment.signatoryName,
        departmentCode: ctx.principal.org ?? commitment.departmentCode,
        matter: commitment.matter,
        evidence: step.evidence ?? '',
        breachedOn,
      });
    });
  }

  @Mutation(() => Commitment, { nullable: true, description: '撤回 (commitments:write): IN_EFFECT → WITHDRAWN, with the reason' })
  @RequiresScopes([SCOPES.commitmentsWrite])
  withdrawCommitment(@Ctx() ctx: CommitmentsContext, @Arg('id', () => ID) id: string, @Arg('reason', { description: '撤回原因' }) reason: string): Promise<Commitment> {
    return this.close(ctx, id, { action: CommitmentAction.WITHDRAW, note: text('reason', reason), evidence: null, on: null });
  }

  /** One closing step in one transaction: lock, check owner and transition, apply, write history; a retry changes nothing. */
  private close(
    ctx: CommitmentsContext,
    rawId: string,
    step: ClosingStep,
    apply?: (commitment: Commitment, em: EntityManager) => Promise<void>,
  ): Promise<Commitment> {
    const id = idArgument('id', rawId, 'a commitment');
    return ctx.em
      .transactional(async (em) => {
        const commitment = await em.findOne(Commitment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!commitment) throw notFound(`no commitment ${id}`, 'id');
        requireOwner(ctx.principal, commitment.departmentCode, 'this commitment');
        const repeats = commitment.status === TRANSITIONS[step.action].to && isSameStep(await recordedStep(em, commitment, step.action), step);
        let next: Step;
        try {
          next = nextStep(commitment, step.action, ctx.loaders.today, repeats);
        } catch (error) {
          if (error instanceof CommitmentTransitionError) throw transitionConflict(error);
          throw error;
        }
        if (next.kind === 'repeat') return commitment;
        const from = commitment.status;
        await apply?.(commitment, em);
        commitment.status = next.to;
        await recordStep(em, commitment, step, from, ctx.principal);
        return commitment;
      })
      .finally(() => forgetCommitments(ctx.loaders));
  }
}
