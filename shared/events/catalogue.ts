import type { RecordSnapshot, ScreeningChange } from '../exchange/record-snapshot';

/**
 * The events that carry a decision from the subgraph that makes it to the ones
 * whose data it changes (README, "Events"). Each is written in the same
 * transaction as the change that causes it and delivered at least once; every
 * consumer applies an event id at most once.
 */
export interface EventCatalogue {
  /**
   * Subjects first met in a report, or whose kind, industry or street changed (subjects → sanctions: its
   * index of codes; → evaluations: whom to grade, by industry and street), one event per call.
   */
  'subjects.registered': { subjects: RegisteredSubjectFacts[] };
  /**
   * Licences reported, updated or revoked (subjects → evaluations: 行政许可 is an indicator; → repairs: a
   * licence may be objected to), one event per call.
   */
  'licenses.changed': { licenses: LicenseFacts[] };
  /** Other administrative actions reported, updated or withdrawn (subjects → repairs: they may be objected to). */
  'actions.changed': { actions: ActionFacts[] };
  /**
   * A subject's grade or score changed (evaluations → sanctions: the screening reads the measures its
   * supervision rule gives the grade; → repairs: the evaluation may be objected to). The rule is
   * evaluations' table; sanctions applies what this says.
   */
  'evaluation.changed': EvaluationFacts;
  /** Penalties reported, updated or revoked (subjects → repairs), one event per call. */
  'penalties.changed': { penalties: PenaltyFacts[] };
  /** A commitment was signed or changed status (commitments → repairs: a repair needs an active REPAIR commitment). */
  'commitment.changed': {
    commitmentId: string;
    subjectId: string;
    kind: string;
    status: string;
    validUntil: string | null;
  };
  /** A list entry changed status (sanctions → repairs). */
  'list-entry.changed': ListEntryFacts;
  /** An approved repair of a penalty (repairs → subjects): 终止公示、停止共享. */
  'penalty.repaired': { penaltyId: string; repairCaseId: string; decidedAt: string };
  /** An approved repair of a list entry (repairs → sanctions): removed with reason REPAIR. */
  'list-entry.repaired': { entryId: string; repairCaseId: string; decidedAt: string };
  /**
   * An objection (异议) to a record was filed or decided (repairs → subjects for penalties, licences and
   * actions, → sanctions for list entries, → evaluations for the district evaluation): while it is open
   * the record is marked 异议处理中; upheld with WITHDRAWN, the record leaves public view and sharing (the
   * owner's own revocation path, so the exchange withdraws it too); an upheld objection to an evaluation
   * has it evaluated again.
   */
  'objection.changed': {
    objectionId: string;
    /** 受理编号 (GSYY-…), as the subject's receipt prints it: the owners name the case by it. */
    caseNumber: string;
    target: 'PENALTY' | 'LIST_ENTRY' | 'LICENSE' | 'ACTION' | 'EVALUATION';
    /** The record's id; for EVALUATION the evaluated subject's id. */
    targetId: string;
    status: 'SUBMITTED' | 'ACCEPTED' | 'UPHELD' | 'DISMISSED';
    outcome: 'WITHDRAWN' | 'CORRECTED' | null;
    /** 决定意见 (upheld or dismissed); null while open. */
    note: string | null;
    /** The department that decided it (acts as it in the owner's history); null while open. */
    decidedByCode: string | null;
  };
  /** A breached commitment (commitments → sanctions): a WATCH-list proposal for its subject. */
  'commitment.breached': {
    commitmentId: string;
    subjectId: string;
    /** 承诺人统一社会信用代码; null for a natural person (who cannot be listed by code). */
    uscc: string | null;
    subjectName: string;
    /** The department that recorded the breach; it proposes the entry. */
    departmentCode: string;
    matter: string;
    /** 违诺证据 (document number or reference). */
    evidence: string;
    breachedOn: string;
  };
  /**
   * The credit office loaded a year's State Council notice (subjects → sanctions, repairs): the reference
   * calendar (shared/db/calendar.ts) changed, and each consumer recomputes the deadlines it stored.
   */
  'holiday-calendar.changed': {
    changeId: string;
    year: number;
    status: 'ANNOUNCED';
    source: string;
    days: { date: string; kind: string; name: string }[];
  };
  /**
   * Records the sharing catalogue can name changed (subjects: penalties and licences; sanctions: list
   * entries) → exchange, which feeds them to the receiving platforms. Written in the transaction of the
   * change, one event per call, each record in full (shared/exchange/record-snapshot.ts).
   */
  'records.changed': { records: RecordSnapshot[] };
  /** Subjects whose screening verdict changed (sanctions → exchange: departments watching their codes). */
  'screening.changed': { changes: ScreeningChange[] };
}

export type EventType = keyof EventCatalogue;

/** A subject as subjects knows it, for the subgraphs that index subjects by code, industry and street. */
export interface RegisteredSubjectFacts {
  id: string;
  uscc: string;
  name: string;
  /** Absent in events written before issue 16. */
  kind?: string;
  /** 所属行业 (GB/T 4754 section name); null when unknown. */
  industry?: string | null;
  /** 街道 of the registered address (subjects' street gazetteer); null when not in 姑苏区 or unknown. */
  street?: string | null;
}

/** What evaluations and repairs need to know of a licence (owned by subjects). */
export interface LicenseFacts {
  licenseId: string;
  subjectId: string;
  /** The department that reported it (it decides an objection to it); absent in events written before issue 18. */
  dataSourceCode?: string;
  decidedAt: string;
  validUntil: string | null;
  revoked: boolean;
}

/** What repairs needs to know of another administrative action to route an objection to it (owned by subjects). */
export interface ActionFacts {
  actionId: string;
  subjectId: string;
  /** The department that reported it: it decides an objection to it. */
  dataSourceCode: string;
  /** Withdrawn after an upheld objection: no longer shown. */
  withdrawn: boolean;
}

/** A subject's evaluation and what its supervision rule says for the screening (owned by evaluations). */
export interface EvaluationFacts {
  subjectId: string;
  modelVersion: string;
  score: number;
  grade: string;
  previousGrade: string | null;
  evaluatedAt: string;
  /** 容缺受理: the rule lets the hall accept an application with documents to follow. */
  tolerantAcceptance: boolean;
  /**
   * The least verdict the grade calls for in a screening (e.g. CAUTION for D: 加强审核), or null:
   * sanctions takes the stronger of this and what the lists say. The rule's source is quoted with it.
   */
  verdictFloor: string | null;
  basis: string;
}

/** What the repairs subgraph needs to know of a penalty it may repair (owned by subjects). */
export interface PenaltyFacts {
  penaltyId: string;
  subjectId: string;
  severity: string;
  decidedAt: string;
  authorityCode: string;
  dataSourceCode: string;
  revoked: boolean;
  /**
   * Publicity and repair as subjects' rule table computes them (docs/rules/publicity-and-repair.md):
   * repairs judges on these and keeps no table of its own. Absent in events sent before they were added.
   */
  regime?: string;
  published?: boolean;
  repairable?: boolean;
  repairableFrom?: string;
  publicityEndsAt?: string;
}

/** What the repairs subgraph needs to know of a list entry it may repair (owned by sanctions). */
export interface ListEntryFacts {
  entryId: string;
  subjectId: string;
  list: string;
  status: string;
  decidedByCode: string;
  validUntil: string | null;
  /** 名单类别 (list_kind code) and who designated it; absent in events written before they existed. */
  listKind?: string;
  designatingAuthorityKind?: string;
  designatingAuthority?: string;
  /** Whether the entry can be repaired on this platform, and if not, where the subject turns (谁认定、谁修复). */
  repairableHere?: boolean;
  turnTo?: string | null;
}

export interface CreditEvent<T extends EventType = EventType> {
  /** Unique per event: consumers apply each id once. */
  id: string;
  type: T;
  payload: EventCatalogue[T];
  occurredAt: string;
}

/**
 * Who consumes each event: one queue per consumer, named `<subgraph>.<event>`.
 * A producer sends to every queue listed, so adding a consumer is one line here.
 */
export const EVENT_ROUTES: { [T in EventType]: readonly string[] } = {
  'subjects.registered': ['sanctions.subjects-registered', 'evaluations.subjects-registered'],
  'licenses.changed': ['evaluations.licenses-changed', 'repairs.licenses-changed'],
  'actions.changed': ['repairs.actions-changed'],
  'evaluation.changed': ['sanctions.evaluation-changed', 'repairs.evaluation-changed'],
  'penalties.changed': ['repairs.penalties-changed', 'evaluations.penalties-changed'],
  'list-entry.changed': ['repairs.list-entry-changed', 'evaluations.list-entry-changed'],
  'commitment.changed': ['repairs.commitment-changed', 'evaluations.commitment-changed'],
  'penalty.repaired': ['subjects.penalty-repaired', 'evaluations.penalty-repaired'],
  'list-entry.repaired': ['sanctions.list-entry-repaired', 'evaluations.list-entry-repaired'],
  'commitment.breached': ['sanctions.commitment-breached'],
  'objection.changed': ['subjects.objection-changed', 'sanctions.objection-changed', 'evaluations.objection-changed'],
  'holiday-calendar.changed': ['sanctions.holiday-calendar-changed', 'repairs.holiday-calendar-changed'],
  'records.changed': ['exchange.records-changed'],
  'screening.changed': ['exchange.screening-changed'],
};

/** Where a consumer's events land after their retries are spent, for the credit office to see. */
export function deadLetterQueue(queue: string): string {
  return `${queue}.dead`;
}
