/**
 * Plain records the demo-data generator produces. Each subgraph seeds its own
 * schema from its slice; ids are UUIDs so the cross-subgraph references agree.
 * Dates are 'YYYY-MM-DD' strings, instants are ISO-8601 strings.
 */
import {
  AuthorityKind,
  CommitmentKind,
  CommitmentStatus,
  CreditList,
  LicenseCategory,
  ListEntryStatus,
  RecordKind,
  RepairStatus,
  RepairTarget,
  Severity,
  SubjectKind,
  SubjectStatus,
  SubmissionOutcome,
} from '../domain/vocabulary';

export interface DemoDepartment {
  code: string; // e.g. 'gusu.scjgj'
  name: string; // e.g. '姑苏区市场监督管理局'
  uscc: string; // valid 11-prefixed USCC in 320508
}

export interface DemoSubject {
  id: string;
  uscc: string | null; // null only for NATURAL_PERSON
  idNumber: string | null; // resident ID, only for NATURAL_PERSON
  name: string;
  kind: SubjectKind;
  status: SubjectStatus;
  legalRepName: string | null;
  legalRepIdNumber: string | null;
  registeredAddress: string;
  divisionCode: string; // '320508'
  industry: string; // GB/T 4754 section name, e.g. '批发和零售业'
  establishedOn: string;
}

export interface DemoLicense {
  id: string;
  subjectId: string;
  documentName: string; // 行政许可决定文书名称
  licenseNo: string; // 行政许可决定文书号
  title: string; // 许可证书名称
  certificateNo: string;
  category: LicenseCategory;
  content: string;
  decidedAt: string;
  validFrom: string;
  validUntil: string | null;
  authorityCode: string;
  dataSourceCode: string;
  reportedAt: string;
}

export interface DemoPenalty {
  id: string;
  subjectId: string;
  decisionNo: string; // unique together with authorityCode
  decidedAt: string;
  authorityCode: string;
  dataSourceCode: string;
  violationType: string;
  facts: string;
  legalBasis: string;
  categories: string[]; // 处罚类别, e.g. ['警告', '罚款']
  content: string;
  fineAmount: number | null; // 万元
  confiscatedAmount: number | null; // 万元
  licenseAction: string | null; // 暂扣或吊销证照名称及编号
  severity: Severity;
  reportedAt: string;
}

export interface DemoSubmission {
  id: string;
  kind: RecordKind;
  departmentCode: string;
  recordId: string | null; // the accepted record; null when rejected
  decidedAt: string;
  submittedAt: string;
  outcome: SubmissionOutcome;
  rejectionReason: string | null;
}

export interface DemoListEntry {
  id: string;
  subjectId: string;
  subjectUscc: string;
  subjectName: string;
  list: CreditList;
  status: ListEntryStatus;
  reason: string;
  basis: string;
  decisionNo: string;
  decidedByCode: string;
  decidedAt: string;
  validUntil: string | null;
  /** 名单类别 (sanctions list_kind code) and who designated the entry. */
  listKind: string;
  designatingAuthorityKind: AuthorityKind;
  designatingAuthority: string;
}

export interface DemoCommitmentTemplate {
  id: string;
  code: string;
  kind: CommitmentKind;
  title: string;
  matter: string;
  text: string;
  issuedByCode: string;
}

export interface DemoCommitment {
  id: string;
  subjectId: string;
  signatoryName: string;
  signatoryUscc: string | null;
  templateId: string;
  kind: CommitmentKind;
  matter: string;
  signedAt: string;
  validUntil: string | null;
  status: CommitmentStatus;
  publicized: boolean;
  departmentCode: string;
}

export interface DemoRepairCase {
  id: string;
  subjectId: string;
  target: RepairTarget;
  targetId: string; // a DemoPenalty.id or DemoListEntry.id of the same subject
  status: RepairStatus;
  reason: string;
  submittedAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  decidedByCode: string | null;
}

export interface DemoDataset {
  departments: DemoDepartment[];
  subjects: DemoSubject[];
  licenses: DemoLicense[];
  penalties: DemoPenalty[];
  submissions: DemoSubmission[];
  listEntries: DemoListEntry[];
  commitmentTemplates: DemoCommitmentTemplate[];
  commitments: DemoCommitment[];
  repairCases: DemoRepairCase[];
}

export interface DemoOptions {
  seed: number; // same seed → same dataset, byte for byte
  subjects: number; // ~2,000 for the demo; more for benchmarks
  today: string; // reference date the dataset is built around ('YYYY-MM-DD')
}
