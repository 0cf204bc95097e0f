import { randomUUID } from 'node:crypto';
import { RepairStatus } from '../../../shared/domain/vocabulary';
import { idArgument, textArgument } from '../../../shared/graphql/arguments';
import { withCalendar } from '../../../shared/graphql/calendar-errors';
import { forget } from '../../../shared/workflow/forget';
import { RepairCase } from '../entities/repair-case';
import { evidenceArgument, RepairApplicationInput } from '../inputs/repair-application.input';
import { targetArgument } from '../inputs/repair-target.input';
import type { RepairsContext } from '../loaders';
import { lockTarget } from '../repositories/target-lock';
import { actorOf } from '../rules/access';
import { intakeDueOn } from '../rules/deadlines';
import { RepairAction } from '../rules/workflow';
import { assessApplication } from './assess';
import { recordCaseStep } from './case-history';
import { refusal } from './refusal';

/** 信用修复申请: a SUBMITTED case when every condition holds, else a refusal listing each failed one; nothing is written then. */
export async function applyForRepair(ctx: RepairsContext, input: RepairApplicationInput): Promise<RepairCase> {
  const target = targetArgument('input.target', input.target);
  const reason = textArgument('input.reason', input.reason);
  const repairCommitmentId =
    input.repairCommitmentId == null
      ? undefined
      : idArgument('input.repairCommitmentId', input.repairCommitmentId, 'a commitment');
  const fulfilmentEvidence = evidenceArgument('input.fulfilmentEvidence', input.fulfilmentEvidence);
  const evidence = evidenceArgument('input.evidence', input.evidence);
  // Reference data through the request's loaders before the transaction: inside it, only its own EntityManager may be used.
  const [rules, calendar, deadlineRule] = await Promise.all([
    ctx.loaders.rules(),
    ctx.loaders.calendar(),
    ctx.loaders.deadlineRule(),
  ]);
  const today = ctx.loaders.today;

  return ctx.em
    .transactional(async (em) => {
      await lockTarget(em, target.id);
      const assessment = await assessApplication(
        em,
        target,
        { repairCommitmentId, fulfilmentEvidence, commitmentMustBeNamed: true },
        { rules, today, actor: actorOf(ctx.principal) },
      );
      if (!assessment.eligible || assessment.subjectId === null) throw refusal(assessment);
      const submittedAt = new Date();
      const intakeDue = withCalendar('input', () => intakeDueOn(submittedAt, deadlineRule, calendar));
      const repairCase = em.create(RepairCase, {
        id: randomUUID(),
        subjectId: assessment.subjectId,
        target: target.kind,
        targetId: target.id,
        status: RepairStatus.SUBMITTED,
        reason,
        regime: assessment.regime,
        handledByCode: assessment.ownerCode,
        repairCommitmentId: repairCommitmentId ?? null,
        fulfilmentEvidence,
        evidence,
        submittedAt,
        intakeDueOn: intakeDue.date,
        intakeDueOnProvisional: intakeDue.provisional,
        acceptedAt: null,
        decisionDueOn: null,
        decisionDueOnProvisional: false,
        decidedAt: null,
        decidedByCode: null,
        decisionNote: null,
      });
      em.persist(repairCase);
      recordCaseStep(em, repairCase, RepairAction.SUBMIT, null, ctx.principal, reason);
      return repairCase;
    })
    .finally(() => forget(ctx.loaders));
}
