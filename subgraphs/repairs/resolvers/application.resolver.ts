import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import type { EntityManager } from '../../../shared/db/orm';
import { RepairStatus } from '../../../shared/domain/vocabulary';
import { idArgument, textArgument } from '../../../shared/graphql/arguments';
import { RepairCase } from '../entities/repair-case';
import type { RepairsContext } from '../loaders';
import { actorOf } from '../rules/access';
import { intakeDueOn } from '../rules/deadlines';
import { withCalendar } from '../../../shared/graphql/calendar-errors';
import { RepairAction } from '../rules/workflow';
import { evidenceArgument, RepairApplicationInput } from './application-input';
import { assessApplication } from './assess';
import { forgetCases, recordStep } from './history';
import { refusal } from './refusal';
import { targetArgument } from './repair-target-input';

/** Holds a transaction-scoped lock on one target: two applications for it see each other. */
async function lockTarget(em: EntityManager, targetId: string): Promise<void> {
  await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`repair:${targetId}`], 'all', em.getTransactionContext());
}

@Resolver(() => RepairCase)
export class ApplicationResolver {
  @Mutation(() => RepairCase, {
    nullable: true,
    description:
      '信用修复申请 (repairs:handle): recorded by the department that reported the record or by the credit office, on the applicant’s behalf. ' +
      'A refusal lists every failed condition in extensions.failures and writes nothing; applying again while a case is open is CONFLICT OPEN_CASE with its caseId.',
  })
  @RequiresScopes([SCOPES.repairsHandle])
  async applyForRepair(@Ctx() ctx: RepairsContext, @Arg('input', () => RepairApplicationInput) input: RepairApplicationInput): Promise<RepairCase> {
    const target = targetArgument('input.target', input.target);
    const reason = textArgument('input.reason', input.reason);
    const repairCommitmentId = input.repairCommitmentId == null ? undefined : idArgument('input.repairCommitmentId', input.repairCommitmentId, 'a commitment');
    const fulfilmentEvidence = evidenceArgument('input.fulfilmentEvidence', input.fulfilmentEvidence);
    const evidence = evidenceArgument('input.evidence', input.evidence);
    // Reference data through the request's loaders before the transaction: inside it, only its own EntityManager may be used.
    const [rules, calendar, deadlineRule] = await Promise.all([ctx.loaders.rules(), ctx.loaders.calendar(), ctx.loaders.deadlineRule()]);
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
        recordStep(em, repairCase, RepairAction.SUBMIT, null, ctx.principal, reason);
        return repairCase;
      })
      .finally(() => forgetCases(ctx));
  }
}
