import { randomUUID } from 'node:crypto';
import { isSelfSubjectId } from '../../../shared/auth/self';
import { chinaToday } from '../../../shared/domain/today';
import { RepairStatus } from '../../../shared/domain/vocabulary';
import { idArgument, textArgument } from '../../../shared/graphql/arguments';
import { withCalendar } from '../../../shared/graphql/calendar-errors';
import { notFound } from '../../../shared/graphql/errors';
import { forget } from '../../../shared/workflow/forget';
import { RepairCase } from '../entities/repair-case';
import { RepairReceipt } from '../entities/repair-receipt';
import { RepairWindowIntake } from '../entities/repair-window-intake';
import { evidenceArgument, RepairApplicationInput } from '../inputs/repair-application.input';
import { targetArgument } from '../inputs/repair-target.input';
import type { CheckedIdentity } from '../inputs/window-application.input';
import type { RepairsContext } from '../loaders';
import { freshCaseNumber } from '../repositories/case-numbers';
import { lockTarget } from '../repositories/target-lock';
import { Actor, actorOf } from '../rules/access';
import { RepairChannel } from '../rules/channel';
import { promisedDeadlines } from '../rules/deadlines';
import { nextStep } from '../rules/next-step';
import { generateQueryCode, hashQueryCode } from '../rules/query-code';
import { RepairAction } from '../rules/workflow';
import { assessApplication } from './assess';
import { recordCaseStep } from './case-history';
import { refusal } from './refusal';

/** How an application arrives: the one service below files it whatever the channel. */
export interface Filing {
  channel: RepairChannel;
  /**
   * Whose ownership eligibility checks (NOT_OWN): the recording department's. Null for
   * the subject's own application (at the window, or online): any record of its own,
   * routed to the department that reported it. The window checks the applicant's
   * identity in person; an online caller passes null only for a target it has checked
   * is the signed-in subject's own.
   */
  actor: Actor | null;
  /** WINDOW: the identity the clerk checked; null otherwise. */
  identity: CheckedIdentity | null;
}

export interface FiledApplication {
  repairCase: RepairCase;
  receipt: RepairReceipt;
}

/**
 * 信用修复申请, whatever the channel: a SUBMITTED case with its receipt (受理编号, 查询码,
 * promised deadlines) when every condition holds, else a refusal listing each failed one;
 * nothing is written then. The case, its first history step and (at the window) the
 * identity record are one transaction.
 */
export async function fileRepairApplication(
  ctx: RepairsContext,
  input: RepairApplicationInput,
  filing: Filing,
): Promise<FiledApplication> {
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
        { rules, today, actor: filing.actor },
      );
      // Online, another subject's record answers as one that does not exist, before anything is judged aloud.
      if (filing.channel === RepairChannel.ONLINE && !isSelfSubjectId(ctx.principal, assessment.subjectId))
        throw notFound(`no ${target.kind === 'PENALTY' ? 'penalty' : 'list entry'} ${target.id}`, 'input.target.id');
      if (!assessment.eligible || assessment.subjectId === null) throw refusal(assessment);
      const submittedAt = new Date();
      const promised = withCalendar('input', () => promisedDeadlines(submittedAt, deadlineRule, calendar));
      const id = randomUUID();
      const queryCode = generateQueryCode();
      const repairCase = em.create(RepairCase, {
        id,
        subjectId: assessment.subjectId,
        target: target.kind,
        targetId: target.id,
        status: RepairStatus.SUBMITTED,
        channel: filing.channel,
        caseNumber: await freshCaseNumber(em, 'REPAIR', chinaToday(submittedAt).slice(0, 4)),
        queryCodeHash: hashQueryCode(id, queryCode),
        lookupLockedUntil: null,
        reason,
        regime: assessment.regime,
        handledByCode: assessment.ownerCode,
        repairCommitmentId: repairCommitmentId ?? null,
        fulfilmentEvidence,
        evidence,
        submittedAt,
        intakeDueOn: promised.intakeDueOn.date,
        intakeDueOnProvisional: promised.intakeDueOn.provisional,
        acceptedAt: null,
        decisionDueOn: null,
        decisionDueOnProvisional: false,
        decidedAt: null,
        decidedByCode: null,
        decisionNote: null,
      });
      em.persist(repairCase);
      if (filing.identity !== null) {
        em.persist(
          em.create(RepairWindowIntake, {
            caseId: id,
            ...filing.identity,
            checkedBySub: ctx.principal.sub,
            checkedByName: ctx.principal.name,
            checkedByOrg: ctx.principal.org,
            checkedAt: submittedAt,
          }),
        );
      }
      recordCaseStep(em, repairCase, RepairAction.SUBMIT, null, ctx.principal, reason);
      const receipt: RepairReceipt = {
        caseId: id,
        caseNumber: repairCase.caseNumber!,
        queryCode,
        channel: filing.channel,
        status: repairCase.status,
        submittedAt,
        intakeWorkingDays: promised.intakeWorkingDays,
        intakeDueOn: promised.intakeDueOn.date,
        decisionWorkingDays: promised.decisionWorkingDays,
        decisionDueOnAtLatest: promised.decisionDueOnAtLatest.date,
        provisional: promised.decisionDueOnAtLatest.provisional,
        deadlineSource: deadlineRule.source,
        nextStep: nextStep(repairCase.status, promised.intakeDueOn.date),
      };
      return { repairCase, receipt };
    })
    .finally(() => forget(ctx.loaders));
}

/** The receipts of cases filed in this process's requests, by case object: RepairCase.receipt reads them. */
const issued = new WeakMap<RepairCase, RepairReceipt>();

/** The receipt of a case filed by this very request; null on every later read (the code is shown once). */
export function issuedReceipt(repairCase: RepairCase): RepairReceipt | null {
  return issued.get(repairCase) ?? null;
}

/** 部门代录: the department that reported the record, or the credit office, on the applicant's behalf. */
export async function applyForRepair(ctx: RepairsContext, input: RepairApplicationInput): Promise<RepairCase> {
  const filed = await fileRepairApplication(ctx, input, {
    channel: RepairChannel.DEPARTMENT,
    actor: actorOf(ctx.principal),
    identity: null,
  });
  issued.set(filed.repairCase, filed.receipt);
  return filed.repairCase;
}
