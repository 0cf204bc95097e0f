import { GraphQLError } from 'graphql';
import type { EntityManager } from '../../../shared/db/orm';
import { chinaToday } from '../../../shared/domain/today';
import type { ObjectionStatus, RepairStatus } from '../../../shared/domain/vocabulary';
import type { ObjectionProgress, RepairProgress } from '../entities/repair-receipt';
import { isOverdue } from '../rules/deadlines';
import { nextStep, pendingDueOn } from '../rules/next-step';
import { objectionNextStep, objectionPendingDueOn } from '../rules/objection-workflow';
import { attemptVerdict, hashQueryCode, locksAfter, LOOKUP_POLICY, queryCodeMatches } from '../rules/query-code';

/**
 * The one answer to a wrong number, a wrong code and a locked case alike: a guess
 * learns nothing, not even whether the number exists.
 */
export function noSuchCase(): GraphQLError {
  return new GraphQLError(
    `受理编号或查询码不正确 (或查询码错误次数过多，请 ${LOOKUP_POLICY.lockoutMinutes} 分钟后再试)`,
    { extensions: { code: 'NOT_FOUND' } },
  );
}

interface ClaimedAttempt<Status> {
  id: string;
  query_code_hash: string;
  lookup_failures: number;
  status: Status;
  submitted_at: Date;
  intake_due_on: string | null;
  decision_due_on: string | null;
  decided_at: Date | null;
}

/** The tables whose cases answer a lookup by number and code: 信用修复 and 异议. */
type CaseTable = 'repair_case' | 'objection_case';

/**
 * Counts the attempt before anything is compared, in one statement: a case locked
 * now, or without a code (filed before receipts), claims nothing.
 */
const claimSql = (table: CaseTable) => `update "repairs"."${table}"
  set "lookup_failures" = "lookup_failures" + 1
  where "case_number" = ? and "query_code_hash" is not null
    and ("lookup_locked_until" is null or "lookup_locked_until" <= now())
  returning "id", "query_code_hash", "lookup_failures", "status", "submitted_at",
    to_char("intake_due_on", 'YYYY-MM-DD') as "intake_due_on", to_char("decision_due_on", 'YYYY-MM-DD') as "decision_due_on", "decided_at"`;

const resetSql = (table: CaseTable) => `update "repairs"."${table}" set "lookup_failures" = 0 where "id" = ?`;
const lockSql = (table: CaseTable) => `update "repairs"."${table}"
  set "lookup_failures" = 0, "lookup_locked_until" = now() + make_interval(mins => ?) where "id" = ?`;
/** Hashed for a number that claims no case, so both answers take the same work. */
const NO_CASE_ID = '00000000-0000-4000-8000-000000000000';

/**
 * A lookup of a case by number and code (arguments already canonical, rules/query-code.ts). Each
 * attempt on a case counts; after LOOKUP_POLICY.maxFailures wrong codes in a row the case answers
 * nothing for LOOKUP_POLICY.lockoutMinutes. A right code resets the count.
 */
async function lookUpCase<Status>(
  em: EntityManager,
  table: CaseTable,
  caseNumber: string,
  queryCode: string,
): Promise<ClaimedAttempt<Status>> {
  const connection = em.getConnection();
  const [claimed] = await connection.execute<ClaimedAttempt<Status>[]>(claimSql(table), [caseNumber]);
  if (!claimed) {
    hashQueryCode(NO_CASE_ID, queryCode);
    throw noSuchCase();
  }
  if (attemptVerdict(claimed.lookup_failures) === 'REFUSE') throw noSuchCase();
  if (!queryCodeMatches(claimed.query_code_hash, claimed.id, queryCode)) {
    if (locksAfter(claimed.lookup_failures))
      await connection.execute(lockSql(table), [LOOKUP_POLICY.lockoutMinutes, claimed.id]);
    throw noSuchCase();
  }
  await connection.execute(resetSql(table), [claimed.id]);
  return claimed;
}

/**
 * 信用修复进度查询: arguments already canonical (rules/query-code.ts). Each attempt
 * on a case counts; after LOOKUP_POLICY.maxFailures wrong codes in a row the case
 * answers nothing for LOOKUP_POLICY.lockoutMinutes. A right code resets the count.
 */
export async function repairProgress(
  em: EntityManager,
  caseNumber: string,
  queryCode: string,
  today: string,
): Promise<RepairProgress> {
  const claimed = await lookUpCase<RepairStatus>(em, 'repair_case', caseNumber, queryCode);
  const status = claimed.status;
  const intakeDueOn = claimed.intake_due_on;
  const decisionDueOn = claimed.decision_due_on;
  return {
    caseNumber,
    status,
    submittedOn: chinaToday(new Date(claimed.submitted_at)),
    intakeDueOn,
    decisionDueOn,
    closedOn: claimed.decided_at === null ? null : chinaToday(new Date(claimed.decided_at)),
    overdue: isOverdue({ status, intakeDueOn, decisionDueOn }, today),
    nextStep: nextStep(status, pendingDueOn(status, intakeDueOn, decisionDueOn)),
  };
}

/** 异议办理进度查询: as repairProgress, for a GSYY number. */
export async function objectionProgress(
  em: EntityManager,
  caseNumber: string,
  queryCode: string,
  today: string,
): Promise<ObjectionProgress> {
  const claimed = await lookUpCase<ObjectionStatus>(em, 'objection_case', caseNumber, queryCode);
  const status = claimed.status;
  const intakeDueOn = claimed.intake_due_on;
  const decisionDueOn = claimed.decision_due_on;
  const dueOn = objectionPendingDueOn(status, intakeDueOn, decisionDueOn);
  return {
    caseNumber,
    status,
    submittedOn: chinaToday(new Date(claimed.submitted_at)),
    intakeDueOn,
    decisionDueOn,
    closedOn: claimed.decided_at === null ? null : chinaToday(new Date(claimed.decided_at)),
    overdue: dueOn !== null && dueOn < today,
    nextStep: objectionNextStep(status, dueOn),
  };
}
