/**
 * The events that carry a decision from the subgraph that makes it to the ones
 * whose data it changes (README, "Events"). Each is written in the same
 * transaction as the change that causes it and delivered at least once; every
 * consumer applies an event id at most once.
 */
export interface EventCatalogue {
  /** Subjects first met in a report (subjects → sanctions: its index of codes), one event per call. */
  'subjects.registered': { subjects: { id: string; uscc: string; name: string }[] };
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
}

export type EventType = keyof EventCatalogue;

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
  'subjects.registered': ['sanctions.subjects-registered'],
  'penalties.changed': ['repairs.penalties-changed'],
  'list-entry.changed': ['repairs.list-entry-changed'],
  'commitment.changed': ['repairs.commitment-changed'],
  'penalty.repaired': ['subjects.penalty-repaired'],
  'list-entry.repaired': ['sanctions.list-entry-repaired'],
  'commitment.breached': ['sanctions.commitment-breached'],
  'holiday-calendar.changed': ['sanctions.holiday-calendar-changed', 'repairs.holiday-calendar-changed'],
};

/** Where a consumer's events land after their retries are spent, for the credit office to see. */
export function deadLetterQueue(queue: string): string {
  return `${queue}.dead`;
}
