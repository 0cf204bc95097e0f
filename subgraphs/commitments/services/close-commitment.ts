import { requireOwner } from '../../../shared/auth/ownership';
import type { EntityManager } from '../../../shared/db/orm';
import { publishEvent } from '../../../shared/events/publish';
import { idArgument } from '../../../shared/graphql/arguments';
import { badUserInput } from '../../../shared/graphql/errors';
import { runWorkflowStep } from '../../../shared/workflow/step';
import { Commitment } from '../entities/commitment';
import { CommitmentEvent } from '../entities/commitment-event';
import type { CommitmentsContext } from '../loaders';
import { ClosingAction, CommitmentAction } from '../rules/actions';
import { isSameStep, StepData } from '../rules/repeat';
import { breachDateProblem } from '../rules/signing';
import { nextStep, TRANSITIONS } from '../rules/transitions';
import { announceCommitment } from './announce';
import { recordCommitmentStep } from './commitment-history';

type ClosingStep = StepData & { action: ClosingAction };

/** What a closing action does beyond its status, history and commitment.changed. */
interface ClosingEffect {
  apply?(commitment: Commitment, em: EntityManager): void;
  publish?(commitment: Commitment, em: EntityManager): Promise<void>;
}

/** The closing step recorded for a commitment, as a retry would repeat it; null when none is. */
async function recordedStep(
  em: EntityManager,
  commitment: Commitment,
  action: ClosingAction,
): Promise<StepData | null> {
  const row = await em.findOne(
    CommitmentEvent,
    { commitmentId: commitment.id, action },
    { orderBy: { occurredAt: 'desc' } },
  );
  if (!row) return null;
  return {
    action: row.action,
    note: row.note,
    evidence: row.evidence,
    on: action === CommitmentAction.BREACH ? commitment.breachedOn : null,
  };
}

/**
 * One closing step (shared/workflow/step.ts) by the accepting department or the
 * credit office; a retry with the same data changes nothing and answers as the first call did.
 */
function close(
  ctx: CommitmentsContext,
  rawId: string,
  step: ClosingStep,
  effect: ClosingEffect = {},
): Promise<Commitment> {
  const id = idArgument('id', rawId, 'a commitment');
  return runWorkflowStep(ctx.em, ctx.loaders, {
    entity: Commitment,
    id,
    missing: `no commitment ${id}`,
    authorize: (commitment) => requireOwner(ctx.principal, commitment.departmentCode, 'this commitment'),
    transition: async (commitment, em) => {
      const repeats =
        commitment.status === TRANSITIONS[step.action].to &&
        isSameStep(await recordedStep(em, commitment, step.action), step);
      const next = nextStep(commitment, step.action, ctx.loaders.today, repeats);
      return next.kind === 'repeat' ? null : next.to;
    },
    apply: effect.apply,
    record: (commitment, from, em) => recordCommitmentStep(em, commitment, step, from, ctx.principal),
    publish: async (commitment, em) => {
      await effect.publish?.(commitment, em);
      await announceCommitment(em, commitment);
    },
  });
}

/** 履约: IN_EFFECT → FULFILLED. */
export function fulfilCommitment(ctx: CommitmentsContext, id: string, note: string): Promise<Commitment> {
  return close(ctx, id, { action: CommitmentAction.FULFIL, note, evidence: null, on: null });
}

/** 撤回: IN_EFFECT → WITHDRAWN, with the reason. */
export function withdrawCommitment(ctx: CommitmentsContext, id: string, reason: string): Promise<Commitment> {
  return close(ctx, id, { action: CommitmentAction.WITHDRAW, note: reason, evidence: null, on: null });
}

/** 记录违诺: IN_EFFECT → BREACHED, with the evidence; publishes commitment.breached (sanctions files a watch-list proposal). */
export function recordBreach(
  ctx: CommitmentsContext,
  id: string,
  evidence: string,
  breachedOn: string,
): Promise<Commitment> {
  return close(
    ctx,
    id,
    { action: CommitmentAction.BREACH, note: null, evidence, on: breachedOn },
    {
      apply: (commitment) => {
        const problem = breachDateProblem(breachedOn, commitment.signedAt, ctx.loaders.today);
        if (problem) throw badUserInput('breachedOn', problem);
        commitment.breachedOn = breachedOn;
      },
      publish: async (commitment, em) => {
        await publishEvent(em, 'commitment.breached', {
          commitmentId: commitment.id,
          subjectId: commitment.subjectId,
          uscc: commitment.signatoryUscc,
          subjectName: commitment.signatoryName,
          departmentCode: ctx.principal.org ?? commitment.departmentCode,
          matter: commitment.matter,
          evidence,
          breachedOn,
        });
      },
    },
  );
}
