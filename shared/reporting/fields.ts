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

// ── Issue 13 part 6 (identifiers and 双公示 fields): the fields provincial platforms carry ──
// Sources and readings: docs/rules/identifiers-and-fields.md.

/** 有效期至 2099-12-31 means 长期 (the 双公示 standard): read as no end date. */
export const LONG_TERM_DATE = '2099-12-31';
/** The longest text after “其他-” in a closed value set (许可类别 其他-备案 …). */
export const OTHER_TEXT_MAX_LENGTH = 20;
const PERSON_ID_TYPES_HINT =
  '身份证 / 护照号 / 港澳居民来往内地通行证 / 台湾居民来往大陆通行证 / 外国人永久居留身份证 / 其他-<证件名称>';

/** 行政相对人代码_2 … _6: an 个体工商户 without a USCC is known by its 工商注册号. */
const PARTY_CODE_FIELDS: ReportField[] = [
  {
    field: 'registrationNo',
    header: '行政相对人代码_2（工商注册号）',
    required: false,
    maxLength: 15,
    hint: '15位；个体工商户无统一社会信用代码时必填',
  },
  {
    field: 'orgCode',
    header: '行政相对人代码_3（组织机构代码）',
    required: false,
    maxLength: 10,
    hint: '9位 (GB 11714)',
  },
  {
    field: 'taxRegistrationNo',
    header: '行政相对人代码_4（税务登记号）',
    required: false,
    maxLength: 20,
    hint: '15、18或20位',
  },
  { field: 'institutionCertificateNo', header: '行政相对人代码_5（事业单位证书号）', required: false, maxLength: CODE },
  {
    field: 'socialOrgRegistrationNo',
    header: '行政相对人代码_6（社会组织登记证号）',
    required: false,
    maxLength: CODE,
  },
];

/** 法定代表人证件类型 / 号码 (the number is PII, like the natural person's). */
const LEGAL_REP_ID_FIELDS: ReportField[] = [
  {
    field: 'legalRepIdType',
    header: '法定代表人证件类型',
    required: false,
    maxLength: 24,
    hint: `填写法定代表人证件号码时必填: ${PERSON_ID_TYPES_HINT}`,
  },
  { field: 'legalRepIdNumber', header: '法定代表人证件号码', required: false, maxLength: 32 },
];

/** 数据来源单位 and its USCC (when given, they must be the reporting department's own), 备注. */
const SOURCE_FIELDS: ReportField[] = [
  { field: 'dataSource', header: '数据来源单位', required: false, maxLength: NAME, hint: '空 = 报送部门' },
  {
    field: 'dataSourceUscc',
    header: '数据来源单位统一社会信用代码',
    required: false,
    maxLength: 18,
    hint: '空 = 报送部门的代码',
  },
  { field: 'remarks', header: '备注', required: false, maxLength: 512 },
];

/** 当前状态 of a licence: 有效 / 无效 (a revoked or withdrawn licence is reported 无效). */
const LICENSE_STATUS_FIELDS: ReportField[] = [
  { field: 'status', header: '当前状态', required: false, maxLength: 8, hint: '有效 / 无效，空 = 有效' },
];

// ── end of issue 13 part 6 block ──

/** 行政相对人: who the decision is about. Resolved to a Subject, created when unknown. */
const PARTY_FIELDS: ReportField[] = [
  { field: 'partyName', header: '行政相对人名称', required: true, maxLength: NAME },
  {
    field: 'partyClass',
    header: '行政相对人类别',
    required: true,
    maxLength: 16,
    hint: '法人及非法人组织 / 自然人 / 个体工商户',
  },
  {
    field: 'uscc',
    header: '统一社会信用代码',
    required: false,
    maxLength: 18,
    hint: '法人及非法人组织必填；个体工商户必填，无统一社会信用代码的填工商注册号',
  },
  {
    field: 'usccConfirmed',
    header: '统一社会信用代码已核实',
    required: false,
    maxLength: 8,
    hint: '校验位不符但经核实无误时填“是”',
  },
  // Issue 13 part 6: 行政相对人代码_2 … _6 of the 双公示 data standard (shared/identifiers/party-codes.ts).
  ...PARTY_CODE_FIELDS,
  { field: 'legalRepresentative', header: '法定代表人', required: false, maxLength: NAME },
  ...LEGAL_REP_ID_FIELDS,
  { field: 'idType', header: '证件类型', required: false, maxLength: 24, hint: `自然人必填: ${PERSON_ID_TYPES_HINT}` },
  { field: 'idNumber', header: '证件号码', required: false, maxLength: 32, hint: '自然人必填' },
];

function authorityFields(role: string): ReportField[] {
  return [
    { field: 'authorityName', header: role, required: true, maxLength: NAME },
    { field: 'authorityUscc', header: `${role}统一社会信用代码`, required: true, maxLength: 18 },
    // Issue 13 part 6: every kind ends with its data source and remarks.
    ...SOURCE_FIELDS,
  ];
}

export const REPORT_FIELDS: Record<ReportKind, ReportField[]> = {
  penalties: [
    ...PARTY_FIELDS,
    { field: 'decisionNo', header: '行政处罚决定书文号', required: true, maxLength: CODE },
    { field: 'violationType', header: '违法行为类型', required: true, maxLength: NAME },
    { field: 'facts', header: '违法事实', required: true, maxLength: TEXT },
    { field: 'legalBasis', header: '处罚依据', required: true, maxLength: TEXT },
    {
      field: 'categories',
      header: '处罚类别',
      required: true,
      maxLength: NAME,
      list: true,
      hint: '警告、通报批评、罚款…，多项以“；”分隔',
    },
    { field: 'content', header: '处罚内容', required: true, maxLength: TEXT },
    { field: 'fineAmount', header: '罚款金额（万元）', required: false, maxLength: 20, hint: '处罚类别含罚款时必填' },
    { field: 'confiscatedAmount', header: '没收违法所得、没收非法财物的金额（万元）', required: false, maxLength: 20 },
    { field: 'licenseAction', header: '暂扣或吊销证照名称及编号', required: false, maxLength: NAME },
    { field: 'decidedAt', header: '处罚决定日期', required: true, maxLength: 10, hint: DATE_HINT },
    { field: 'validUntil', header: '处罚有效期', required: true, maxLength: 10, hint: DATE_HINT },
    { field: 'severity', header: '失信信息等级', required: true, maxLength: 8, hint: '轻微 / 一般 / 严重' },
    // Publicity and repair (docs/rules/publicity-and-repair.md): what the rule table needs beyond severity.
    {
      field: 'domain',
      header: '处罚所属领域',
      required: false,
      maxLength: 8,
      hint: '食品 / 药品 / 特种设备 / 安全生产 / 消防 / 其他；不填 = 处罚机关的主管领域',
    },
    {
      field: 'specificSerious',
      header: '涉及特定严重失信行为',
      required: false,
      maxLength: 8,
      hint: '是 / 否；仅严重失信，不填 = 否',
    },
    {
      field: 'necessaryPublicityMonths',
      header: '确有必要公示期限（月）',
      required: false,
      maxLength: 2,
      hint: '轻微失信信息经认定确有必要公示的填 1–3；不填 = 不公示',
    },
    ...authorityFields('处罚机关'),
  ],
  licenses: [
    ...PARTY_FIELDS,
    { field: 'documentName', header: '行政许可决定文书名称', required: true, maxLength: NAME },
    { field: 'licenseNo', header: '行政许可决定文书号', required: true, maxLength: CODE },
    {
      field: 'category',
      header: '许可类别',
      required: true,
      maxLength: 8 + OTHER_TEXT_MAX_LENGTH,
      hint: '普通 / 特许 / 认可 / 核准 / 登记 / 其他-<具体类别>',
    },
    { field: 'title', header: '许可证书名称', required: false, maxLength: NAME },
    { field: 'certificateNo', header: '许可编号', required: false, maxLength: CODE },
    { field: 'content', header: '许可内容', required: true, maxLength: TEXT },
    { field: 'decidedAt', header: '许可决定日期', required: true, maxLength: 10, hint: DATE_HINT },
    { field: 'validFrom', header: '有效期自', required: true, maxLength: 10, hint: DATE_HINT },
    {
      field: 'validUntil',
      header: '有效期至',
      required: false,
      maxLength: 10,
      hint: `${DATE_HINT}，空或 ${LONG_TERM_DATE} = 长期`,
    },
    ...LICENSE_STATUS_FIELDS,
    ...authorityFields('许可机关'),
  ],
  actions: [
    ...PARTY_FIELDS,
    {
      field: 'actionKind',
      header: '行政行为类别',
      required: true,
      maxLength: 16,
      hint: '行政强制 / 行政确认 / 行政征收 / 行政给付 / 行政裁决 / 行政补偿 / 行政奖励 / 监督检查',
    },
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
