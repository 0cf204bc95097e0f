import { randomUUID } from 'node:crypto';
import { isSelfSubjectId } from '../../../shared/auth/self';
import type { EntityManager } from '../../../shared/db/orm';
import { chinaToday } from '../../../shared/domain/today';
import { ObjectionStatus, ObjectionTarget } from '../../../shared/domain/vocabulary';
import { withCalendar } from '../../../shared/graphql/calendar-errors';
import { conflict, notFound } from '../../../shared/graphql/errors';
import { forget } from '../../../shared/workflow/forget';
import { ObjectionCase } from '../entities/objection-case';
import { ObjectionReceipt } from '../entities/repair-receipt';
import { RepairWindowIntake } from '../entities/repair-window-intake';
import { ListEntryFact, ObjectableRecordFact, PenaltyFact } from '../entities/target-facts';
import { OBJECTION_TARGET_NOUNS } from '../inputs/objection-target.input';
import type { ObjectionArguments } from '../inputs/objection.input';
import type { CheckedIdentity } from '../inputs/window-application.input';
import type { RepairsContext } from '../loaders';
import { freshCaseNumber } from '../repositories/case-numbers';
import { lockTarget } from '../repositories/target-lock';
import { RepairChannel } from '../rules/channel';
import { promisedDeadlines } from '../rules/deadlines';
import { externalAuthority } from '../rules/eligibility';
import { ObjectionAction, objectionNextStep, OPEN_OBJECTION_STATUSES } from '../rules/objection-workflow';
import { generateQueryCode, hashQueryCode } from '../rules/query-code';
import { announceObjection } from './objection-events';
import { recordObjectionStep } from './objection-history';
import { withExtensions } from './refusal';

/** How an objection arrives: online by the subject itself, or at the window with the identity the clerk checked. */
export type ObjectionFiling =
  { channel: RepairChannel.ONLINE; identity: null } | { channel: RepairChannel.WINDOW; identity: CheckedIdentity };

/** The record objected to, as this subgraph knows it (the owners' events keep the facts current). */
interface ObjectedRecord {
  subjectId: string;
  /** Who verifies and decides the objection: the department that reported the record; null: the credit office. */
  ownerCode: string | null;
  /** Already withdrawn from view (revoked, removed, repaired, made 无效): nothing left to object to. */
  withdrawn: boolean;
  /** An entry designated outside the platform: the objection goes to that authority (where to turn). */
  external: string | null;
}

async function objectedRecord(em: EntityManager, kind: ObjectionTarget, id: string): Promise<ObjectedRecord | null> {
  switch (kind) {
    case ObjectionTarget.PENALTY: {
      const penalty = await em.findOne(PenaltyFact, { id });
      return (
        penalty && {
          subjectId: penalty.subjectId,
          ownerCode: penalty.dataSourceCode,
          withdrawn: penalty.revoked,
          external: null,
        }
      );
    }
    case ObjectionTarget.LIST_ENTRY: {
      const entry = await em.findOne(ListEntryFact, { id });
      return (
        entry && {
          subjectId: entry.subjectId,
          ownerCode: entry.decidedByCode,
          withdrawn: entry.status === 'REMOVED',
          external: externalAuthority(entry)?.turnTo ?? null,
        }
      );
    }
    case ObjectionTarget.LICENSE:
    case ObjectionTarget.ACTION:
    case ObjectionTarget.EVALUATION: {
      const record = await em.findOne(ObjectableRecordFact, { id, kind });
      return (
        record && {
          subjectId: record.subjectId,
          ownerCode: record.ownerCode,
          withdrawn: record.withdrawn,
          external: null,
        }
      );
    }
  }
}

/**
 * 异议申请, online or at the window: a SUBMITTED objection with its receipt, routed to the
 * department that reported the record (the credit office for the district evaluation), which is marked 异议处理中 (objection.changed) in the same
 * transaction. Online, the record must be the signed-in subject's own: another's answers as one that
 * does not exist. The case, its first history step, the window's identity record and the event are
 * one transaction; nothing is written on a refusal.
 */
export async function fileObjection(
  ctx: RepairsContext,
  args: ObjectionArguments,
  filing: ObjectionFiling,
): Promise<ObjectionReceipt> {
  const [calendar, deadlineRule] = await Promise.all([ctx.loaders.calendar(), ctx.loaders.objectionDeadlineRule()]);
  const { target } = args;
  const missing = () => notFound(`no ${OBJECTION_TARGET_NOUNS[target.kind]} ${target.id}`, 'input.target.id');
  return ctx.em
    .transactional(async (em) => {
      await lockTarget(em, target.id);
      const record = await objectedRecord(em, target.kind, target.id);
      if (record === null) throw missing();
      if (filing.channel === RepairChannel.ONLINE && !isSelfSubjectId(ctx.principal, record.subjectId)) throw missing();
      if (record.withdrawn)
        throw conflict(
          'the record is no longer shown or shared (revoked, removed or repaired): there is nothing to object to',
          'input.target.id',
          'RECORD_WITHDRAWN',
        );
      if (record.external !== null)
        throw conflict(
          `designated outside this platform: object to it at ${record.external} (谁认定、谁负责)`,
          'input.target.id',
          'EXTERNAL_AUTHORITY',
        );
      const open = await em.findOne(ObjectionCase, {
        targetId: target.id,
        status: { $in: [...OPEN_OBJECTION_STATUSES] },
      });
      if (open)
        throw withExtensions(
          conflict(
            `an objection to this record is being handled: ${open.caseNumber}`,
            'input.target.id',
            'OPEN_OBJECTION',
          ),
          { caseId: open.id },
        );
      const submittedAt = new Date();
      const promised = withCalendar('input', () => promisedDeadlines(submittedAt, deadlineRule, calendar));
      const id = randomUUID();
      const queryCode = generateQueryCode();
      const objection = em.create(ObjectionCase, {
        id,
        subjectId: record.subjectId,
        target: target.kind,
        targetId: target.id,
        channel: filing.channel,
        caseNumber: await freshCaseNumber(em, 'OBJECTION', chinaToday(submittedAt).slice(0, 4)),
        queryCodeHash: hashQueryCode(id, queryCode),
        lookupLockedUntil: null,
        grounds: args.grounds,
        evidence: args.evidence,
        status: ObjectionStatus.SUBMITTED,
        handledByCode: record.ownerCode,
        submittedAt,
        intakeDueOn: promised.intakeDueOn.date,
        intakeDueOnProvisional: promised.intakeDueOn.provisional,
        acceptedAt: null,
        decisionDueOn: null,
        decidedAt: null,
        decidedByCode: null,
        outcome: null,
        decisionNote: null,
      });
      em.persist(objection);
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
      recordObjectionStep(em, objection, ObjectionAction.SUBMIT, null, ctx.principal, args.grounds);
      await announceObjection(em, objection);
      return {
        caseId: id,
        caseNumber: objection.caseNumber,
        queryCode,
        channel: filing.channel,
        status: objection.status,
        submittedAt,
        intakeWorkingDays: promised.intakeWorkingDays,
        intakeDueOn: promised.intakeDueOn.date,
        decisionWorkingDays: promised.decisionWorkingDays,
        decisionDueOnAtLatest: promised.decisionDueOnAtLatest.date,
        provisional: promised.decisionDueOnAtLatest.provisional,
        deadlineSource: deadlineRule.source,
        nextStep: objectionNextStep(objection.status, promised.intakeDueOn.date),
      };
    })
    .finally(() => forget(ctx.loaders));
}
