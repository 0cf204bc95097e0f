/**
 * The 双公示 and administrative-action report formats (DESIGN.md, "双公示 record
 * fields"): one list of fields per kind, shared by the GraphQL input types
 * (subjects subgraph), the per-record validation, the spreadsheet templates and
 * the file ingest (gateway). Every value is text, as a department's system or a
 * spreadsheet holds it; the platform validates each record on its own.
 */

export type ReportKind = 'licenses' | 'penalties' | 'actions';

export const REPORT_KINDS: readonly ReportKind[] = ['licenses', 'penalties', 'actions'];

export interface ReportField {
  /** Name of the GraphQL input field and of the problem's `field`. */
  field: string;
  /** Column header in the spreadsheet template (Chinese, as provincial templates). */
  header: string;
  required: boolean;
  /** Longest accepted text, in characters. */
  maxLength: number;
  /** A list in GraphQL; one cell separated by ；;、, in a file. */
  list?: boolean;
  /** Shown under the header in the template. */
  hint?: string;
}

const NAME = 200;
const CODE = 64;
const TEXT = 4000;
const DATE_HINT = 'YYYY-MM-DD';

/** 行政相对人: who the decision is about. Resolved to a Subject, created when unknown. */
const PARTY_FIELDS: ReportField[] = [
  { field: 'partyName', header: '行政相对人名称', required: true, maxLength: NAME },
  { field: 'partyClass', header: '行政相对人类别', required: true, maxLength: 16, hint: '法人及非法人组织 / 自然人 / 个体工商户' },
  { field: 'uscc', header: '统一社会信用代码', required: false, maxLength: 18, hint: '法人及非法人组织、个体工商户必填' },
  { field: 'usccConfirmed', header: '统一社会信用代码已核实', required: false, maxLength: 8, hint: '校验位不符但经核实无误时填“是”' },
  { field: 'legalRepresentative', header: '法定代表人', required: false, maxLength: NAME },
  { field: 'idType', header: '证件类型', required: false, maxLength: 16, hint: '自然人必填: 身份证' },
  { field: 'idNumber', header: '证件号码', required: false, maxLength: 18 },
];

function authorityFields(role: string): ReportField[] {
  return [
    { field: 'authorityName', header: role, required: true, maxLength: NAME },
    { field: 'authorityUscc', header: `${role}统一社会信用代码`, required: true, maxLength: 18 },
  ];
}

export const REPORT_FIELDS: Record<ReportKind, ReportField[]> = {
  penalties: [
    ...PARTY_FIELDS,
    { field: 'decisionNo', header: '行政处罚决定书文号', required: true, maxLength: CODE },
    { field: 'violationType', header: '违法行为类型', required: true, maxLength: NAME },
    { field: 'facts', header: '违法事实', required: true, maxLength: TEXT },
    { field: 'legalBasis', header: '处罚依据', required: true, maxLength: TEXT },
    { field: 'categories', header: '处罚类别', required: true, maxLength: NAME, list: true, hint: '警告、通报批评、罚款…，多项以“；”分隔' },
    { field: 'content', header: '处罚内容', required: true, maxLength: TEXT },
    { field: 'fineAmount', header: '罚款金额（万元）', required: false, maxLength: 20, hint: '处罚类别含罚款时必填' },
    { field: 'confiscatedAmount', header: '没收违法所得、没收非法财物的金额（万元）', required: false, maxLength: 20 },
    { field: 'licenseAction', header: '暂扣或吊销证照名称及编号', required: false, maxLength: NAME },
    { field: 'decidedAt', header: '处罚决定日期', required: true, maxLength: 10, hint: DATE_HINT },
    { field: 'validUntil', header: '处罚有效期', required: true, maxLength: 10, hint: DATE_HINT },
    { field: 'severity', header: '失信信息等级', required: true, maxLength: 8, hint: '轻微 / 一般 / 严重' },
    // Publicity and repair (docs/rules/publicity-and-repair.md): what the rule table needs beyond severity.
    { field: 'domain', header: '处罚所属领域', required: false, maxLength: 8, hint: '食品 / 药品 / 特种设备 / 安全生产 / 消防 / 其他；不填 = 处罚机关的主管领域' },
    { field: 'specificSerious', header: '涉及特定严重失信行为', required: false, maxLength: 8, hint: '是 / 否；仅严重失信，不填 = 否' },
    { field: 'necessaryPublicityMonths', header: '确有必要公示期限（月）', required: false, maxLength: 2, hint: '轻微失信信息经认定确有必要公示的填 1–3；不填 = 不公示' },
    ...authorityFields('处罚机关'),
  ],
  licenses: [
    ...PARTY_FIELDS,
    { field: 'documentName', header: '行政许可决定文书名称', required: true, maxLength: NAME },
    { field: 'licenseNo', header: '行政许可决定文书号', required: true, maxLength: CODE },
    { field: 'category', header: '许可类别', required: true, maxLength: 8, hint: '普通 / 特许 / 认可 / 核准 / 登记 / 其他' },
    { field: 'title', header: '许可证书名称', required: false, maxLength: NAME },
    { field: 'certificateNo', header: '许可编号', required: false, maxLength: CODE },
    { field: 'content', header: '许可内容', required: true, maxLength: TEXT },
    { field: 'decidedAt', header: '许可决定日期', required: true, maxLength: 10, hint: DATE_HINT },
    { field: 'validFrom', header: '有效期自', required: true, maxLength: 10, hint: DATE_HINT },
    { field: 'validUntil', header: '有效期至', required: false, maxLength: 10, hint: `${DATE_HINT}，空 = 长期` },
    ...authorityFields('许可机关'),
  ],
  actions: [
    ...PARTY_FIELDS,
    { field: 'actionKind', header: '行政行为类别', required: true, maxLength: 16, hint: '行政强制 / 行政确认 / 行政征收 / 行政给付 / 行政裁决 / 行政补偿 / 行政奖励 / 监督检查' },
    { field: 'documentNo', header: '决定文书号', required: true, maxLength: CODE },
    { field: 'title', header: '行为名称', required: true, maxLength: NAME },
    { field: 'content', header: '行为内容', required: true, maxLength: TEXT },
    { field: 'decidedAt', header: '决定日期', required: true, maxLength: 10, hint: DATE_HINT },
    ...authorityFields('实施机关'),
  ],
};

/** The field naming a record within its authority (with the authority, its natural key). */
export const DOCUMENT_FIELD: Record<ReportKind, string> = {
  penalties: 'decisionNo',
  licenses: 'licenseNo',
  actions: 'documentNo',
};

/** The mutation and input type each kind is reported through. */
export const REPORT_MUTATION: Record<ReportKind, { mutation: string; inputType: string }> = {
  penalties: { mutation: 'reportPenalties', inputType: 'PenaltyReport' },
  licenses: { mutation: 'reportLicenses', inputType: 'LicenseReport' },
  actions: { mutation: 'reportActions', inputType: 'ActionReport' },
};

/** Most records one call (or one transaction of a file) may carry. */
export const MAX_RECORDS_PER_CALL = 5000;

/** Separators of a list cell (处罚类别): full- and half-width semicolons and commas, 顿号. */
export const LIST_SEPARATORS = /[；;、,，]/;

/** A raw record: field → text (a list field may be an array). Anything missing is null. */
export type RawReport = Record<string, string | string[] | null | undefined>;
