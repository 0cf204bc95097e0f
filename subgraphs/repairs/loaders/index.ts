import { loadWorkingDayCalendar } from '../../../shared/db/calendar';
import { groupedLoader, keyedLoader } from '../../../shared/db/loaders';
import type { EntityManager } from '../../../shared/db/orm';
import type { WorkingDayCalendar } from '../../../shared/domain/working-days';
import type { SubgraphContext } from '../../../shared/http/subgraph-app';
import { ListRepairRule } from '../entities/list-repair-rule';
import { ObjectionCase } from '../entities/objection-case';
import { ObjectionCaseEvent } from '../entities/objection-case-event';
import { RepairCase } from '../entities/repair-case';
import { RepairCaseEvent } from '../entities/repair-case-event';
import { RepairDeadlineRule } from '../entities/repair-deadline-rule';
import { RepairWindowIntake } from '../entities/repair-window-intake';
import type { DeadlineKind, RepairRules } from '../rules/rule-rows';

/** The rule tables of repairs, as they hold now (penalties are judged on the facts subjects sends). */
export async function loadRepairRules(em: EntityManager): Promise<RepairRules> {
  return { lists: await em.find(ListRepairRule, {}) };
}

/** The deadline rule in force for a kind of case: its one active row. */
export async function loadDeadlineRule(em: EntityManager, kind: DeadlineKind = 'REPAIR'): Promise<RepairDeadlineRule> {
  const rule = await em.findOne(RepairDeadlineRule, { active: true, kind });
  if (!rule) throw new Error(`repairs.repair_deadline_rule has no active ${kind} row`);
  return rule;
}

/** Per-request loaders of the repairs subgraph; "today" is fixed for the whole request. */
export function createLoaders(em: EntityManager, today: string) {
  let calendar: Promise<WorkingDayCalendar> | undefined;
  let rules: Promise<RepairRules> | undefined;
  let deadlineRule: Promise<RepairDeadlineRule> | undefined;
  let objectionDeadlineRule: Promise<RepairDeadlineRule> | undefined;
  return {
    /** The request's clock (SubgraphContext.today), for code that holds only the loaders. */
    today,
    /** Reference data, each read at most once per request. */
    calendar: (): Promise<WorkingDayCalendar> => (calendar ??= loadWorkingDayCalendar(em)),
    rules: (): Promise<RepairRules> => (rules ??= loadRepairRules(em)),
    deadlineRule: (): Promise<RepairDeadlineRule> => (deadlineRule ??= loadDeadlineRule(em)),
    objectionDeadlineRule: (): Promise<RepairDeadlineRule> =>
      (objectionDeadlineRule ??= loadDeadlineRule(em, 'OBJECTION')),
    caseById: keyedLoader(em, RepairCase, 'id'),
    casesBySubject: groupedLoader(em, RepairCase, 'subjectId', { submittedAt: 'desc', id: 'asc' }),
    windowIntakeByCase: keyedLoader(em, RepairWindowIntake, 'caseId'),
    historyByCase: groupedLoader(em, RepairCaseEvent, 'caseId', { occurredAt: 'asc', id: 'asc' }),
    objectionById: keyedLoader(em, ObjectionCase, 'id'),
    objectionsBySubject: groupedLoader(em, ObjectionCase, 'subjectId', { submittedAt: 'desc', id: 'asc' }),
    objectionHistoryByCase: groupedLoader(em, ObjectionCaseEvent, 'caseId', { occurredAt: 'asc', id: 'asc' }),
  };
}

export type RepairsLoaders = ReturnType<typeof createLoaders>;
export type RepairsContext = SubgraphContext<RepairsLoaders>;
