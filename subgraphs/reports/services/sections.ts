import type { CreditGrade, Scenario, Verdict } from '../../../shared/domain/vocabulary';

/** What a report is made of, as the gateway answered the caller (the query in ./gather-sections.ts). */
export interface DepartmentValue {
  code: string;
  name: string;
}

export interface ListEntryValue {
  id: string;
  list: string;
  status: string;
  reason: string;
  basis: string;
  decisionNo: string;
  designatingAuthority: string;
  decidedAt: string;
  validUntil: string | null;
}

export interface PenaltyValue {
  id: string;
  decisionNo: string;
  decidedAt: string;
  authority: DepartmentValue | null;
  severity: string;
  content: string;
  legalBasis: string;
  published: boolean;
  publicityEndsAt: string;
  repairedAt: string | null;
  revokedAt: string | null;
}

export interface LicenseValue {
  id: string;
  licenseNo: string;
  documentName: string;
  title: string | null;
  decidedAt: string;
  authority: DepartmentValue | null;
  validity: string;
  inForce: boolean;
}

export interface CommitmentValue {
  id: string;
  kind: string;
  matter: string;
  signedAt: string;
  validUntil: string | null;
  status: string;
}

export interface RepairCaseValue {
  id: string;
  target: string;
  status: string;
  submittedAt: string;
  decidedAt: string | null;
}

export interface MeasureValue {
  code: string;
  kind: string;
  title: string;
  legalBasis: string;
}

/** One line of an evaluation's explanation (EvaluationLine): `text` is the clerk's reading, e.g. "−12: 一般行政处罚 2 项, 公示期内". */
export interface EvaluationLineValue {
  indicator: string;
  label: string;
  count: number;
  points: number;
  text: string;
  source: string;
}

/** 公共信用综合评价 as the evaluations subgraph answers it (CreditEvaluation). */
export interface CreditEvaluationValue {
  modelVersion: string;
  score: number;
  grade: CreditGrade;
  gradeLabel: string;
  evaluatedAt: string;
  explanation: EvaluationLineValue[];
}

export interface SubjectValue {
  id: string;
  uscc: string | null;
  name: string;
  kind: string;
  status: string;
  registeredAddress: string | null;
  /** Read for the caller's own report only: a natural person's 证件号码, whole (printed masked). */
  idNumber?: string | null;
  legalRepresentative: { name: string } | null;
  listEntries: ListEntryValue[] | null;
  penalties: { totalCount: number; nodes: PenaltyValue[] };
  licenses: { totalCount: number; nodes: LicenseValue[] };
  commitments: CommitmentValue[] | null;
  repairCases: RepairCaseValue[] | null;
  /** null: not graded (a natural person, or not evaluated yet), or the evaluations subgraph did not answer. */
  creditEvaluation: CreditEvaluationValue | null;
}

export interface ScreeningValue {
  screeningId: string;
  uscc: string;
  found: boolean;
  verdict: Verdict | null;
  measures: MeasureValue[];
}

/**
 * The 公共信用综合评价 section as gathered: the evaluation, none (the subject is not
 * graded), or unavailable (its source did not answer: printed 暂不可用, the report still issues).
 */
export type GatheredEvaluation =
  { state: 'EVALUATED'; value: CreditEvaluationValue } | { state: 'NOT_EVALUATED' } | { state: 'UNAVAILABLE' };

/** The sections of a report, each with the instant its source answered. */
export interface GatheredSections {
  subject: SubjectValue;
  screening: { scenario: Scenario; verdict: Verdict; screeningId: string; measures: MeasureValue[] } | null;
  evaluation: GatheredEvaluation;
  departments: DepartmentValue[];
  /** The instant the gateway answered: every section's 数据截止时间 (one request gathers them all). */
  answeredAt: Date;
}

/** The report's sections, in print order; the keys of CreditReport.sectionCutoffs. */
export const SECTION_KEYS = [
  'basic',
  'evaluation',
  'listEntries',
  'penalties',
  'licenses',
  'commitments',
  'repairCases',
  'screening',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** The subgraph that answers each section (for the refusal that names what is missing). */
export const SECTION_SOURCES: Readonly<Record<SectionKey, string>> = {
  basic: 'subjects',
  evaluation: 'evaluations',
  listEntries: 'sanctions',
  penalties: 'subjects',
  licenses: 'subjects',
  commitments: 'commitments',
  repairCases: 'repairs',
  screening: 'sanctions',
};

/**
 * Sections a report is issued without when their source does not answer: the
 * evaluation is advice beside the record, not part of it, so the section says
 * 暂不可用 instead of stopping every report while the evaluations subgraph is down.
 */
export const OPTIONAL_SECTIONS: ReadonlySet<SectionKey> = new Set<SectionKey>(['evaluation']);
