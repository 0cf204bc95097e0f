import { ObjectionOutcome } from '../../../shared/domain/vocabulary';
import { idArgument } from '../../../shared/graphql/arguments';
import { withCalendar } from '../../../shared/graphql/calendar-errors';
import { badUserInput, forbidden } from '../../../shared/graphql/errors';
import { runWorkflowStep } from '../../../shared/workflow/step';
import { ObjectionCase } from '../entities/objection-case';
import type { RepairsContext } from '../loaders';
import { actorOf, mayDecideObjection, mayHandle } from '../rules/access';
import { decisionDueOn } from '../rules/deadlines';
import {
  decisionProblem,
  nextObjectionStatus,
  ObjectionAction,
  ObjectionStep,
  outcomeProblem,
} from '../rules/objection-workflow';
import { announceObjection } from './objection-events';
import { recordObjectionStep } from './objection-history';

/**
 * Who acts on an objection (谁提供、谁负责): the credit office accepts any (it runs the platform that
 * received it) as does the department that reported the record; only that department verifies and
 * decides, since only it can say whether its record is wrong (rules/access.ts).
 */
type Authorization = 'accept' | 'decide';

function authorize(ctx: RepairsContext, objection: ObjectionCase, authorization: Authorization): void {
  const actor = actorOf(ctx.principal);
  const allowed =
    authorization === 'accept'
      ? mayHandle(actor, objection.handledByCode)
      : mayDecideObjection(actor, objection.target, objection.handledByCode);
  if (allowed) return;
  const owner = objection.handledByCode ?? 'the credit office';
  throw forbidden(
    authorization === 'accept'
      ? `only ${owner} or the credit office accepts this objection`
      : `谁提供、谁负责: only ${owner}, which provided the record, decides this objection`,
  );
}

function step(
  ctx: RepairsContext,
  rawId: string,
  action: ObjectionStep,
  note: string | null,
  apply: (objection: ObjectionCase) => void,
): Promise<ObjectionCase> {
  const id = idArgument('id', rawId, 'an objection');
  return runWorkflowStep(ctx.em, ctx.loaders, {
    entity: ObjectionCase,
    id,
    missing: `no objection ${id}`,
    authorize: (objection) => authorize(ctx, objection, action === ObjectionAction.ACCEPT ? 'accept' : 'decide'),
    transition: (objection) => nextObjectionStatus(objection.status, action),
    apply,
    record: (objection, from, em) => recordObjectionStep(em, objection, action, from, ctx.principal, note),
    publish: (objection, em) => announceObjection(em, objection),
  });
}

/** 受理: SUBMITTED → ACCEPTED; the verification time limit starts. */
export async function acceptObjection(ctx: RepairsContext, id: string): Promise<ObjectionCase> {
  const [calendar, rule] = await Promise.all([ctx.loaders.calendar(), ctx.loaders.objectionDeadlineRule()]);
  return step(ctx, id, ObjectionAction.ACCEPT, null, (objection) => {
    const acceptedAt = new Date();
    objection.acceptedAt = acceptedAt;
    const due = withCalendar('id', () => decisionDueOn(acceptedAt, rule, calendar));
    objection.decisionDueOn = due.date;
    objection.decisionDueOnProvisional = due.provisional;
  });
}

export interface ObjectionDecision {
  upheld: boolean;
  outcome: ObjectionOutcome | null;
  note: string;
}

/** The decision as given, checked before any work. */
export function objectionDecision(upheld: boolean, outcome: ObjectionOutcome | null | undefined, note: string) {
  const problem = decisionProblem(upheld, outcome);
  if (problem !== null) throw badUserInput('input.outcome', problem);
  return { upheld, outcome: outcome ?? null, note };
}

/**
 * 异议成立 (with what was done: 撤回 or 更正) or 异议不成立 (with the reasons): ACCEPTED → UPHELD /
 * DISMISSED. The owner is told in the same transaction: the 异议处理中 mark ends and, upheld with
 * WITHDRAWN, the record leaves public view and sharing by its owner's revocation path.
 */
export function decideObjection(ctx: RepairsContext, id: string, decision: ObjectionDecision): Promise<ObjectionCase> {
  const action = decision.upheld ? ObjectionAction.UPHOLD : ObjectionAction.DISMISS;
  return step(ctx, id, action, decision.note, (objection) => {
    const problem = outcomeProblem(objection.target, decision.outcome);
    if (problem !== null) throw badUserInput('input.outcome', problem);
    objection.decidedAt = new Date();
    objection.decidedByCode = ctx.principal.org;
    objection.outcome = decision.outcome;
    objection.decisionNote = decision.note;
  });
}
