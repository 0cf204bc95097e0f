/**
 * The documents the pages send (validated against supergraph.graphql by test/unit/hall-operations.test.ts).
 * HallLookup is the hall terminal's HallProfile (shared/operations/hall-profile.graphql) plus what the
 * window shows beside it: the screening id for 奖惩反馈, the measures' legal basis, the hits' reasons.
 */
export const HALL_LOOKUP = `query HallLookup($uscc: String!, $scenario: Scenario!, $reference: String) {
  subject(uscc: $uscc) {
    id uscc name kind status registeredAddress industry establishedOn usccWarning
    legalRepresentative { name idNumber }
    creditStatus
    listEntries(activeOnly: true) {
      id list status reason basis decisionNo designatingAuthority decidedAt validUntil
      decidedBy { code name }
      listKind { name }
    }
    penalties(first: 20) {
      totalCount
      nodes { id decisionNo decidedAt authority { code name } severity content publicityEndsAt }
    }
    licenses(first: 20) {
      totalCount
      nodes { id licenseNo title decidedAt authority { code name } validUntil }
    }
    commitments(activeOnly: true) { id kind matter signedAt validUntil status }
    repairCases { id target status submittedAt }
    creditEvaluation {
      modelVersion score grade gradeLabel evaluatedAt
      explanation { indicator label count points text source }
    }
    supervision { grade industry spotCheckRatio tolerantAcceptance verdictFloor measures basis }
  }
  screen(usccs: [$uscc], scenario: $scenario, reference: $reference) {
    screeningId uscc invalidReason found verdict verdictReasons
    evaluation { grade score tolerantAcceptance verdictFloor basis evaluatedAt }
    hits { id list reason validUntil listKind { name } }
    measures { code kind title legalBasis basisKind }
  }
}`;

export const SEARCH_SUBJECTS = `query HallSearch($search: String!) {
  subjects(search: $search, first: 10) {
    totalCount
    nodes { id uscc name kind status }
  }
}`;

export const RECORD_MEASURE_APPLIED = `mutation HallFeedback($screeningId: ID!, $uscc: String!, $measure: String!, $outcome: MeasureOutcome!, $note: String) {
  recordMeasureApplied(screeningId: $screeningId, uscc: $uscc, measure: $measure, outcome: $outcome, note: $note) {
    id measureCode outcome note
  }
}`;

/** shared/operations/hall-issue-report.graphql */
export const ISSUE_CREDIT_REPORT = `mutation IssueCreditReport($uscc: String!, $scenario: Scenario!, $matter: String!, $purpose: String) {
  issueCreditReport(uscc: $uscc, scenario: $scenario, matter: $matter, purpose: $purpose) {
    number verificationCode issuedAt validUntil verdict sha256 downloadUrl verifyUrl
  }
}`;

/** shared/operations/public-verify-report.graphql */
export const VERIFY_CREDIT_REPORT = `query VerifyCreditReport($number: String!, $verificationCode: String!, $sha256: String) {
  verifyCreditReport(number: $number, verificationCode: $verificationCode, sha256: $sha256) {
    genuine unaltered valid number issuedAt validUntil
    issuer { code name }
    requestedBySubject
    subject { uscc name }
    matter verdict
  }
}`;

/** 决定书核验 (a GSJD number on /verify): as the report's, for a 信用修复决定书 or 异议处理决定书. */
export const VERIFY_DECISION_DOCUMENT = `query VerifyDecisionDocument($number: String!, $verificationCode: String!, $sha256: String) {
  verifyDecisionDocument(number: $number, verificationCode: $verificationCode, sha256: $sha256) {
    genuine unaltered number kind caseNumber decision issuedAt
    subject { uscc name }
  }
}`;

export interface DecisionVerification {
  genuine: boolean;
  unaltered: boolean | null;
  number: string | null;
  kind: 'REPAIR' | 'OBJECTION' | null;
  caseNumber: string | null;
  decision: string | null;
  issuedAt: string | null;
  subject: { uscc: string | null; name: string } | null;
}

export type Verdict = 'CLEAR' | 'INCENTIVE' | 'CAUTION' | 'RESTRICT';

export type CreditGrade = 'A' | 'B' | 'C' | 'D';

/** 公共信用综合评价 (CreditEvaluation): each explanation line's `text` is what the clerk reads. */
export interface CreditEvaluation {
  modelVersion: string;
  score: number;
  grade: CreditGrade;
  gradeLabel: string;
  evaluatedAt: string;
  explanation: { indicator: string; label: string; count: number; points: number; text: string; source: string }[];
}

/** 分级分类监管措施 for the subject's grade and industry (SupervisionMeasures). */
export interface SupervisionMeasures {
  grade: CreditGrade;
  industry: string | null;
  spotCheckRatio: number;
  tolerantAcceptance: boolean;
  verdictFloor: Verdict | null;
  measures: string[];
  basis: string;
}

export interface Department {
  code: string;
  name: string;
}

export interface ListEntry {
  id: string;
  list: 'RED' | 'BLACK' | 'WATCH';
  status: string;
  reason: string;
  basis: string;
  decisionNo: string;
  designatingAuthority: string;
  decidedAt: string;
  validUntil: string | null;
  decidedBy: Department | null;
  listKind: { name: string } | null;
}

export interface Measure {
  code: string;
  kind: 'INCENTIVE' | 'PUNISHMENT';
  title: string;
  legalBasis: string;
  basisKind: string | null;
}

/** The grade as the screening used it (ScreeningEvaluation): its 分级分类监管 rule may raise the verdict or allow 容缺受理. */
export interface ScreeningEvaluation {
  grade: CreditGrade;
  score: number;
  tolerantAcceptance: boolean;
  verdictFloor: Verdict | null;
  basis: string;
  evaluatedAt: string;
}

export interface ScreenResult {
  screeningId: string;
  uscc: string;
  invalidReason: string | null;
  found: boolean;
  verdict: Verdict | null;
  /** Why the verdict is what it is: the list that decided it, and the grade when its rule moved it. */
  verdictReasons: string[];
  /** null: the subject has no evaluation (or was not found). */
  evaluation: ScreeningEvaluation | null;
  hits: { id: string; list: string; reason: string; validUntil: string | null; listKind: { name: string } | null }[];
  measures: Measure[];
}

export interface Connection<T> {
  totalCount: number;
  nodes: T[];
}

export interface HallSubject {
  id: string;
  uscc: string | null;
  name: string;
  kind: string;
  status: string;
  registeredAddress: string | null;
  industry: string | null;
  establishedOn: string | null;
  usccWarning: string | null;
  legalRepresentative: { name: string; idNumber: string | null } | null;
  creditStatus: string | null;
  listEntries: ListEntry[] | null;
  penalties: Connection<{
    id: string;
    decisionNo: string;
    decidedAt: string;
    authority: Department | null;
    severity: string;
    content: string;
    publicityEndsAt: string;
  }> | null;
  licenses: Connection<{
    id: string;
    licenseNo: string;
    title: string | null;
    decidedAt: string;
    authority: Department | null;
    validUntil: string | null;
  }> | null;
  commitments:
    { id: string; kind: string; matter: string; signedAt: string; validUntil: string | null; status: string }[] | null;
  repairCases: { id: string; target: string; status: string; submittedAt: string }[] | null;
  /** null: not graded (a natural person, not evaluated yet) — or, with an error at its path, unavailable. */
  creditEvaluation: CreditEvaluation | null;
  supervision: SupervisionMeasures | null;
}

export interface HallLookupData {
  subject: HallSubject | null;
  screen: ScreenResult[] | null;
}

export interface SearchData {
  subjects: Connection<{ id: string; uscc: string | null; name: string; kind: string; status: string }>;
}

export interface IssuedReport {
  number: string;
  verificationCode: string;
  issuedAt: string;
  validUntil: string;
  verdict: Verdict | null;
  sha256: string;
  downloadUrl: string;
  verifyUrl: string;
}

export interface ReportVerification {
  genuine: boolean;
  unaltered: boolean | null;
  valid: boolean;
  number: string | null;
  issuedAt: string | null;
  validUntil: string | null;
  issuer: Department | null;
  /** Its subject asked for it itself (no department issued it: the platform did). */
  requestedBySubject: boolean | null;
  subject: { uscc: string | null; name: string } | null;
  matter: string | null;
  verdict: Verdict | null;
}

/** test/operations/public-lists.graphql, with the search the public list offers. */
export const PUBLISHED_LIST = `query PublishedList($list: CreditList!, $search: String, $first: Int, $after: String) {
  publishedList(list: $list, search: $search, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id list reason decidedAt validUntil decidedBy { code name } listKind { name } subject { uscc name } }
  }
}`;

export interface PublishedListData {
  publishedList: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: {
      id: string;
      list: string;
      reason: string;
      decidedAt: string;
      validUntil: string | null;
      decidedBy: Department | null;
      listKind: { name: string } | null;
      subject: { uscc: string | null; name: string } | null;
    }[];
  };
}

/** The window's repair application (takeRepairApplication): the receipt comes back once, with its query code. */
export const TAKE_REPAIR_APPLICATION = `mutation TakeRepairApplication($input: WindowRepairApplicationInput!) {
  takeRepairApplication(input: $input) {
    caseId caseNumber queryCode channel status submittedAt
    intakeWorkingDays intakeDueOn decisionWorkingDays decisionDueOnAtLatest provisional deadlineSource nextStep
  }
}`;

export interface RepairReceipt {
  caseId: string;
  caseNumber: string;
  queryCode: string;
  channel: string;
  status: string;
  submittedAt: string;
  intakeWorkingDays: number;
  intakeDueOn: string;
  decisionWorkingDays: number;
  decisionDueOnAtLatest: string;
  provisional: boolean;
  deadlineSource: string;
  nextStep: string;
}

/** The public progress lookup by case number and query code. */
export const REPAIR_PROGRESS = `query RepairProgress($caseNumber: String!, $queryCode: String!) {
  repairProgress(caseNumber: $caseNumber, queryCode: $queryCode) {
    caseNumber status submittedOn intakeDueOn decisionDueOn closedOn overdue nextStep
  }
}`;

export interface RepairProgress {
  caseNumber: string;
  status: string;
  submittedOn: string;
  intakeDueOn: string | null;
  decisionDueOn: string | null;
  closedOn: string | null;
  overdue: boolean;
  nextStep: string;
}

/** 信用修复案件状态, as the receipt and the progress page name them. */
export const REPAIR_STATUS_TEXT: Record<string, string> = {
  SUBMITTED: '已申请，待受理',
  ACCEPTED: '已受理，待决定',
  APPROVED: '准予修复',
  DENIED: '不予修复',
  REJECTED: '不予修复',
  REJECTED_AT_INTAKE: '不予受理',
  WITHDRAWN: '已撤回',
};

/** 异议案件状态, as the subject's page and the progress page name them. */
export const OBJECTION_STATUS_TEXT: Record<string, string> = {
  SUBMITTED: '已申请，待受理',
  ACCEPTED: '已受理，核查中',
  UPHELD: '异议成立',
  DISMISSED: '异议不成立',
};

/** The public progress lookup of an objection (GSYY-…) by case number and query code. */
export const OBJECTION_PROGRESS = `query ObjectionProgress($caseNumber: String!, $queryCode: String!) {
  objectionProgress(caseNumber: $caseNumber, queryCode: $queryCode) {
    caseNumber status submittedOn intakeDueOn decisionDueOn closedOn overdue nextStep
  }
}`;

export interface ObjectionProgress extends Omit<RepairProgress, 'status'> {
  status: string;
}

/**
 * /hall/my: the signed-in subject's own profile, its objection and repair cases (the repairs
 * subgraph's part), all of its own list entries (sanctions) and its district evaluation (evaluations):
 * each part null with an error at its path when its subgraph is down, the profile still answered.
 */
export const MY_SUBJECT = `query MySubject {
  mySubject {
    id uscc name kind idNumber
    objectionCases {
      id caseNumber target targetId status submittedAt intakeDueOn decisionDueOn decidedAt outcome decisionNote
    }
    repairCases {
      id caseNumber target targetId status submittedAt intakeDueOn decisionDueOn decidedAt decisionNote
    }
    listEntries {
      id list status reason basis decisionNo designatingAuthority decidedAt validUntil objectionDeadline removalReason
      objectionPending
      listKind { name repairableHere turnTo }
    }
    creditEvaluation {
      modelVersion score grade gradeLabel evaluatedAt objectionPending
      explanation { text source }
    }
  }
}`;

/** /hall/my: one page of every penalty of the subject's own (newest first), paged with the cursor of the last. */
export const MY_PENALTIES = `query MyPenalties($first: Int!, $after: String) {
  mySubject {
    id
    penalties(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id decisionNo decidedAt content published publicityEndsAt repairedAt revokedAt revocationReason objectionPending
        authority { name }
      }
    }
  }
}`;

/** /hall/my: one page of the subject's own 行政许可 (newest first; 无效 ones included, with why). */
export const MY_LICENSES = `query MyLicenses($first: Int!, $after: String) {
  mySubject {
    id
    licenses(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id documentName licenseNo title category categoryDetail content decidedAt validity status inForce
        invalidatedAt invalidationReason objectionPending
        authority { name }
      }
    }
  }
}`;

/** /hall/my: one page of the subject's own 其他行政行为 (newest first; withdrawn ones included: the subject sees them). */
export const MY_ACTIONS = `query MyActions($first: Int!, $after: String) {
  mySubject {
    id
    actions(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id actionKind documentNo title content decidedAt withdrawnAt withdrawalReason objectionPending
        authority { name }
      }
    }
  }
}`;

export interface MyPenalty {
  id: string;
  decisionNo: string;
  decidedAt: string;
  content: string;
  published: boolean;
  publicityEndsAt: string;
  repairedAt: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  objectionPending: boolean;
  authority: { name: string } | null;
}

export interface MyLicense {
  id: string;
  documentName: string;
  licenseNo: string;
  title: string | null;
  category: string;
  categoryDetail: string | null;
  content: string;
  decidedAt: string;
  validity: string;
  status: 'VALID' | 'INVALID';
  inForce: boolean;
  invalidatedAt: string | null;
  invalidationReason: string | null;
  objectionPending: boolean;
  authority: { name: string } | null;
}

export interface MyAction {
  id: string;
  actionKind: string;
  documentNo: string;
  title: string;
  content: string;
  decidedAt: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  objectionPending: boolean;
  authority: { name: string } | null;
}

export interface MyListEntry {
  id: string;
  list: 'RED' | 'BLACK' | 'WATCH';
  status: string;
  reason: string;
  basis: string;
  decisionNo: string;
  designatingAuthority: string;
  decidedAt: string;
  validUntil: string | null;
  objectionDeadline: string | null;
  removalReason: string | null;
  objectionPending: boolean;
  listKind: { name: string; repairableHere: boolean; turnTo: string | null } | null;
}

/** The subject's own 公共信用综合评价 (null: not graded — a natural person, or not evaluated yet). */
export interface MyEvaluation {
  modelVersion: string;
  score: number;
  grade: CreditGrade;
  gradeLabel: string;
  evaluatedAt: string;
  objectionPending: boolean;
  explanation: { text: string; source: string }[];
}

/** ObjectionTarget: the five kinds of record a subject may object to (docs/rules/objections.md). */
export type ObjectionKind = 'PENALTY' | 'LICENSE' | 'ACTION' | 'LIST_ENTRY' | 'EVALUATION';

/** ObjectionTargetInput: a record's id; the evaluation's is the evaluated subject's own id. */
export interface ObjectionTargetRef {
  kind: ObjectionKind;
  id: string;
}

export interface MyCase {
  id: string;
  caseNumber: string | null;
  target: string;
  targetId: string;
  status: string;
  submittedAt: string;
  intakeDueOn: string | null;
  decisionDueOn: string | null;
  decidedAt: string | null;
  outcome?: string | null;
  decisionNote: string | null;
}

export interface MySubject {
  id: string;
  uscc: string | null;
  name: string;
  kind: string;
  /** A natural person's own number, whole (the page shows it masked). */
  idNumber: string | null;
  objectionCases: MyCase[] | null;
  repairCases: MyCase[] | null;
  listEntries: MyListEntry[] | null;
  creditEvaluation: MyEvaluation | null;
}

/** One page of the subject's own records (penalties, licences, actions), over the API's cursor. */
export interface MyRecordPage<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** The subject objects online to a record of its own (fileObjection): the receipt comes back once, with its query code. */
export const FILE_OBJECTION = `mutation FileObjection($input: ObjectionInput!) {
  fileObjection(input: $input) {
    caseId caseNumber queryCode channel status submittedAt
    intakeWorkingDays intakeDueOn decisionWorkingDays decisionDueOnAtLatest provisional deadlineSource nextStep
  }
}`;

/** The same fields as a repair receipt (ObjectionReceipt is its twin). */
export type ObjectionReceipt = RepairReceipt;

/** 信用修复决定书 / 异议处理决定书 of a decided case, issued once and then the same document. */
export const ISSUE_DECISION_DOCUMENT = `mutation IssueDecisionDocument($kind: DecisionKind!, $caseId: ID!) {
  issueDecisionDocument(kind: $kind, caseId: $caseId) {
    number kind caseNumber decision filename contentType base64
  }
}`;

export interface DecisionDocument {
  number: string;
  kind: string;
  caseNumber: string | null;
  decision: string;
  filename: string;
  contentType: string;
  base64: string;
}

/** /hall/my: the subject's own 公共信用信息报告, issued as itself; the PDF is then fetched from downloadUrl (the hall's session). */
export const OWN_CREDIT_REPORT = `mutation IssueMyCreditReport($purpose: String) {
  issueMyCreditReport(purpose: $purpose) {
    number verificationCode validUntil downloadUrl
  }
}`;

export interface MyCreditReport {
  number: string;
  verificationCode: string;
  validUntil: string;
  downloadUrl: string;
}
