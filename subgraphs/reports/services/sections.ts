import type { Scenario, Verdict } from '../../../shared/domain/vocabulary';

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

export interface SubjectValue {
  id: string;
  uscc: string | null;
  name: string;
  kind: string;
  status: string;
  registeredAddress: string | null;
  legalRepresentative: { name: string } | null;
  listEntries: ListEntryValue[] | null;
  penalties: { totalCount: number; nodes: PenaltyValue[] };
  licenses: { totalCount: number; nodes: LicenseValue[] };
  commitments: CommitmentValue[] | null;
  repairCases: RepairCaseValue[] | null;
}

export interface ScreeningValue {
  screeningId: string;
  uscc: string;
  found: boolean;
  verdict: Verdict | null;
  measures: MeasureValue[];
}

/** The sections of a report, each with the instant its source answered. */
export interface GatheredSections {
  subject: SubjectValue;
  screening: { scenario: Scenario; verdict: Verdict; screeningId: string; measures: MeasureValue[] } | null;
  departments: DepartmentValue[];
  /** The instant the gateway answered: every section's 数据截止时间 (one request gathers them all). */
  answeredAt: Date;
}

/** The report's sections, in print order; the keys of CreditReport.sectionCutoffs. */
export const SECTION_KEYS = [
  'basic',
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
  listEntries: 'sanctions',
  penalties: 'subjects',
  licenses: 'subjects',
  commitments: 'commitments',
  repairCases: 'repairs',
  screening: 'sanctions',
};
