import { ListEntryStatus, RepairStatus, RepairTarget } from '../../../shared/domain/vocabulary';
import { Actor, mayHandle } from './access';
import type { RepairRules } from './rule-rows';
import { OPEN_STATUSES } from './workflow';

/** The conditions of a repair application (§18; DESIGN.md "Penalty publicity and repair"). */
export enum RepairCondition {
  TARGET_UNKNOWN = 'TARGET_UNKNOWN', // 修复对象不存在
  NOT_OWN = 'NOT_OWN', // 非本部门报送的记录
  NOT_REPAIRABLE = 'NOT_REPAIRABLE', // 不属于可修复信息 (不公示、已撤销、已届满、已移出)
  MINIMUM_PERIOD = 'MINIMUM_PERIOD', // 未满最短公示期
  ALREADY_REPAIRED = 'ALREADY_REPAIRED', // 已修复
  OPEN_CASE = 'OPEN_CASE', // 已有办理中的申请
  NO_REPAIR_COMMITMENT = 'NO_REPAIR_COMMITMENT', // 无有效的信用修复承诺
  OBLIGATIONS = 'OBLIGATIONS', // 未申报履行法定义务
}

/** What this subgraph knows of a penalty (entities/target-facts.ts). */
export interface PenaltyFactView {
  subjectId: string;
  severity: string;
  decidedAt: string;
  dataSourceCode: string;
  revoked: boolean;
  /** Publicity and repair as subjects computed them; null until it has sent them. */
  regime: string | null;
  published: boolean | null;
  repairable: boolean | null;
  repairableFrom: string | null;
  publicityEndsAt: string | null;
}

/** What this subgraph knows of a list entry. */
export interface ListEntryFactView {
  subjectId: string;
  list: string;
  status: string;
  decidedByCode: string;
  validUntil: string | null;
  /** Null on facts recorded before sanctions sent list kinds. */
  listKind: string | null;
  designatingAuthority: string | null;
  repairableHere: boolean | null;
  turnTo: string | null;
}

export interface EligibilityInput {
  target: RepairTarget;
  targetId: string;
  /** The fact of the target of its kind; null when none is known. */
  penalty: PenaltyFactView | null;
  entry: ListEntryFactView | null;
  rules: RepairRules;
  today: string;
  /** Every case about the target. */
  cases: { id: string; status: RepairStatus }[];
  /**
   * Who records the application: a department only for its own records (NOT_OWN).
   * Null for the subject's own application (at the window, or online): any of its
   * records, the case going to the department that reported it.
   */
  actor: Actor | null;
  /** Why the repair commitment does not do (rules/repair-commitment.ts), or null when it does; ignored for an unknown target. */
  commitmentProblem: string | null;
  /** The applicant's declaration that the obligations (fines etc.) are met, with its evidence. */
  fulfilmentEvidence: string | null;
}

export interface RepairFailure {
  condition: RepairCondition;
  message: string;
  /** MINIMUM_PERIOD: the first day an application may be made. */
  date: string | null;
  /** NOT_REPAIRABLE for an external authority's entry: who designated it and where the subject turns instead. */
  authority?: string;
  turnTo?: string;
}

export interface Eligibility {
  eligible: boolean;
  subjectId: string | null;
  /** The department whose record it is: it handles the case. */
  ownerCode: string | null;
  /** The regime a penalty is judged by (in force on its decision date); null for list entries. */
  regime: string | null;
  /** The first day the minimum publicity period allows an application; null when it cannot be repaired or has no minimum. */
  earliestDate: string | null;
  openCaseId: string | null;
  failures: RepairFailure[];
}

interface TargetJudgement {
  regime: string | null;
  earliestDate: string | null;
  failures: RepairFailure[];
}

const failure = (condition: RepairCondition, message: string, date: string | null = null): RepairFailure => ({
  condition,
  message,
  date,
});

/**
 * Whether a penalty may be repaired, and from when, on the publicity facts
 * subjects computed from its rule table (docs/rules/publicity-and-repair.md):
 * this subgraph keeps no table of its own.
 */
function judgePenalty(penalty: PenaltyFactView, today: string): TargetJudgement {
  const { regime, published, repairable, repairableFrom, publicityEndsAt } = penalty;
  if (
    regime === null ||
    published === null ||
    repairable === null ||
    repairableFrom === null ||
    publicityEndsAt === null
  ) {
    return {
      regime,
      earliestDate: null,
      failures: [
        failure(
          RepairCondition.NOT_REPAIRABLE,
          'subjects has not yet sent the publicity facts of this penalty (regime, repairableFrom): ask again shortly',
        ),
      ],
    };
  }
  if (!published) {
    return {
      regime,
      earliestDate: null,
      failures: [
        failure(
          RepairCondition.NOT_REPAIRABLE,
          `under ${regime} a ${penalty.severity} penalty is not published: there is nothing to repair`,
        ),
      ],
    };
  }
  const failures: RepairFailure[] = [];
  if (penalty.revoked)
    failures.push(
      failure(RepairCondition.NOT_REPAIRABLE, 'the decision was revoked: it is no longer published or shared'),
    );
  if (publicityEndsAt < today) {
    failures.push(
      failure(RepairCondition.NOT_REPAIRABLE, `its publicity ended by itself on ${publicityEndsAt} (under ${regime})`),
    );
  }
  if (!repairable) {
    failures.push(
      failure(
        RepairCondition.NOT_REPAIRABLE,
        `under ${regime} it is published for its full period, until ${publicityEndsAt}, and not repaired early`,
      ),
    );
    return { regime, earliestDate: null, failures };
  }
  if (today < repairableFrom) {
    failures.push(
      failure(
        RepairCondition.MINIMUM_PERIOD,
        `the minimum publicity period under ${regime} runs until ${repairableFrom}: an application may be made from then`,
        repairableFrom,
      ),
    );
  }
  return { regime, earliestDate: repairableFrom, failures };
}

/** Whether a list entry may leave its list early by repair: a repairable list, published and in force. */
function judgeEntry(entry: ListEntryFactView, rules: RepairRules, today: string): TargetJudgement {
  const rule = rules.lists.find((r) => r.list === entry.list);
  const failures: RepairFailure[] = [];
  const external = externalAuthority(entry);
  if (external) {
    failures.push(external);
  } else if (entry.listKind === null || entry.repairableHere === null) {
    // Safer to refuse than to let the wrong body decide: the kind arrives with the entry's next event.
    failures.push(
      failure(
        RepairCondition.NOT_REPAIRABLE,
        'the kind of list and its designating authority are not known here yet (the entry was recorded before list kinds): ask the credit office',
      ),
    );
  } else if (!rule?.repairable) {
    failures.push(
      failure(
        RepairCondition.NOT_REPAIRABLE,
        `an entry on the ${entry.list} list is not repaired (${rule?.source ?? 'no rule for the list'})`,
      ),
    );
  } else if (entry.status === ListEntryStatus.REMOVED) {
    failures.push(failure(RepairCondition.NOT_REPAIRABLE, 'the entry has been removed from its list'));
  } else if (entry.status !== ListEntryStatus.PUBLISHED) {
    failures.push(
      failure(
        RepairCondition.NOT_REPAIRABLE,
        `the entry is ${entry.status}, not published: before publication the subject objects (异议) instead`,
      ),
    );
  } else if (entry.validUntil !== null && entry.validUntil < today) {
    failures.push(failure(RepairCondition.NOT_REPAIRABLE, `the entry expired by itself on ${entry.validUntil}`));
  }
  return { regime: null, earliestDate: null, failures };
}

/**
 * An entry designated by an authority outside this platform (a court's 失信被执行人, the
 * tax authority's, an upper platform's): not repaired here at all — it leaves its list
 * when that authority removes it (谁认定、谁修复). Null when the entry is repairable here.
 */
export function externalAuthority(
  entry: Pick<ListEntryFactView, 'repairableHere' | 'designatingAuthority' | 'turnTo' | 'list'>,
): RepairFailure | null {
  if (entry.repairableHere !== false || entry.turnTo === null) return null;
  const authority = entry.designatingAuthority ?? 'an authority outside this platform';
  return {
    ...failure(
      RepairCondition.NOT_REPAIRABLE,
      `由${authority}认定，不在本平台修复: 请向${entry.turnTo}申请 (谁认定、谁修复)`,
    ),
    authority,
    turnTo: entry.turnTo,
  };
}

/**
 * Every condition an application for repair of the target fails, each with
 * its reason; eligible when there is none. Pure: the facts, rules, the
 * target's cases, the commitment check and today are given.
 */
export function judgeEligibility(input: EligibilityInput): Eligibility {
  const known = input.target === RepairTarget.PENALTY ? input.penalty : input.entry;
  const failures: RepairFailure[] = [];
  let judgement: TargetJudgement = { regime: null, earliestDate: null, failures: [] };
  let ownerCode: string | null = null;
  if (input.penalty !== null && input.target === RepairTarget.PENALTY) {
    ownerCode = input.penalty.dataSourceCode;
    judgement = judgePenalty(input.penalty, input.today);
  } else if (input.entry !== null && input.target === RepairTarget.LIST_ENTRY) {
    ownerCode = input.entry.decidedByCode;
    judgement = judgeEntry(input.entry, input.rules, input.today);
  } else {
    const what = input.target === RepairTarget.PENALTY ? 'penalty' : 'list entry';
    failures.push(failure(RepairCondition.TARGET_UNKNOWN, `no ${what} ${input.targetId} is known`));
  }
  // Where to turn comes first: it holds whoever asks.
  if (input.entry !== null && input.target === RepairTarget.LIST_ENTRY && externalAuthority(input.entry))
    failures.push(...judgement.failures.splice(0));
  if (known !== null && input.actor !== null && !mayHandle(input.actor, ownerCode)) {
    failures.push(
      failure(
        RepairCondition.NOT_OWN,
        `the record was reported by ${ownerCode}: only that department or the credit office handles its repair`,
      ),
    );
  }
  failures.push(...judgement.failures);
  if (input.cases.some((c) => c.status === RepairStatus.APPROVED)) {
    failures.push(failure(RepairCondition.ALREADY_REPAIRED, 'the record has already been repaired'));
  }
  const open = input.cases.find((c) => OPEN_STATUSES.includes(c.status)) ?? null;
  if (open !== null)
    failures.push(failure(RepairCondition.OPEN_CASE, `repair case ${open.id} for the record is ${open.status}`));
  if (known !== null && input.commitmentProblem !== null)
    failures.push(failure(RepairCondition.NO_REPAIR_COMMITMENT, input.commitmentProblem));
  if (input.fulfilmentEvidence === null || input.fulfilmentEvidence.trim() === '') {
    failures.push(
      failure(
        RepairCondition.OBLIGATIONS,
        'the applicant must declare the obligations the record imposes (fines etc.) fulfilled, with evidence (fulfilmentEvidence)',
      ),
    );
  }
  return {
    eligible: failures.length === 0,
    subjectId: known?.subjectId ?? null,
    ownerCode,
    regime: judgement.regime,
    earliestDate: judgement.earliestDate,
    openCaseId: open?.id ?? null,
    failures,
  };
}
