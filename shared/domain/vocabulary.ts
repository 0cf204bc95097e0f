/**
 * The shared vocabulary of the credit domain (see ../shared/DESIGN.md, "Domain").
 * Every subgraph and the demo-data generator speak these values; each subgraph
 * registers the ones it exposes as GraphQL enums.
 */

/** 信用主体类别 */
export enum SubjectKind {
  ENTERPRISE = 'ENTERPRISE',
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS',
  FARMER_COOPERATIVE = 'FARMER_COOPERATIVE',
  SOCIAL_ORGANIZATION = 'SOCIAL_ORGANIZATION',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  GOVERNMENT_AGENCY = 'GOVERNMENT_AGENCY',
  NATURAL_PERSON = 'NATURAL_PERSON',
  // Issue 13 (identifiers): kinds of the other GB 32100 registration authorities.
  RURAL_COLLECTIVE = 'RURAL_COLLECTIVE', // 农村集体经济组织 (登记管理部门 N)
  OTHER_ORGANIZATION = 'OTHER_ORGANIZATION', // 其他组织 (外交、司法行政、文化、旅游、宗教、工会、Y 等登记)
}

/** 登记状态 */
export enum SubjectStatus {
  ACTIVE = 'ACTIVE', // 存续
  ABNORMAL = 'ABNORMAL', // 经营异常
  REVOKED = 'REVOKED', // 吊销
  DEREGISTERED = 'DEREGISTERED', // 注销
}

/** 失信信息等级 */
export enum Severity {
  MINOR = 'MINOR', // 轻微
  GENERAL = 'GENERAL', // 一般
  SERIOUS = 'SERIOUS', // 严重
}

/**
 * 处罚所属领域 (publicity-and-repair rule table, docs/rules/publicity-and-repair.md):
 * the fields 国家发展改革委令第58号 gave a one-year minimum; GENERAL is every other.
 */
export enum PenaltyDomain {
  FOOD = 'FOOD', // 食品
  DRUG = 'DRUG', // 药品
  SPECIAL_EQUIPMENT = 'SPECIAL_EQUIPMENT', // 特种设备
  WORK_SAFETY = 'WORK_SAFETY', // 安全生产
  FIRE = 'FIRE', // 消防
  GENERAL = 'GENERAL', // 其他
}

/** 许可类别 */
export enum LicenseCategory {
  GENERAL = 'GENERAL', // 普通
  FRANCHISE = 'FRANCHISE', // 特许
  ACCREDITATION = 'ACCREDITATION', // 认可
  APPROVAL = 'APPROVAL', // 核准
  REGISTRATION = 'REGISTRATION', // 登记
  OTHER = 'OTHER', // 其他
}

/** 行政许可 当前状态 (双公示): 有效, or 无效 once revoked, withdrawn or cancelled (issue 13 part 6). */
export enum LicenseStatus {
  VALID = 'VALID', // 有效
  INVALID = 'INVALID', // 无效
}

/** 报送记录类别: the two 双公示 kinds and the other eight administrative actions */
export enum RecordKind {
  LICENSE = 'LICENSE', // 行政许可
  PENALTY = 'PENALTY', // 行政处罚
  ACTION = 'ACTION', // 其他行政行为 (see ActionKind)
}

/** 其他八类行政行为 (§6: 7 个工作日内公示) */
export enum ActionKind {
  ENFORCEMENT = 'ENFORCEMENT', // 行政强制
  CONFIRMATION = 'CONFIRMATION', // 行政确认
  LEVY = 'LEVY', // 行政征收
  BENEFIT = 'BENEFIT', // 行政给付
  ADJUDICATION = 'ADJUDICATION', // 行政裁决
  COMPENSATION = 'COMPENSATION', // 行政补偿
  REWARD = 'REWARD', // 行政奖励
  INSPECTION = 'INSPECTION', // 监督检查
}

/** 报送结果 */
export enum SubmissionOutcome {
  ACCEPTED = 'ACCEPTED', // 有效入库
  REJECTED = 'REJECTED', // 退回
}

/** 红名单 / 黑名单 / 重点关注名单 */
export enum CreditList {
  RED = 'RED',
  BLACK = 'BLACK',
  WATCH = 'WATCH',
}

/** 认定单位类别: who designates a list entry (谁认定、谁修复), see docs/rules/authority-and-lists.md */
export enum AuthorityKind {
  LOCAL_DEPARTMENT = 'LOCAL_DEPARTMENT', // 本区行业主管部门
  CREDIT_OFFICE = 'CREDIT_OFFICE', // 区信用办
  COURT = 'COURT', // 人民法院
  TAX = 'TAX', // 税务机关 (垂直管理)
  UPPER_PLATFORM = 'UPPER_PLATFORM', // 上级信用平台 / 上级部门
}

/** 名单条目状态: 认定 → 告知 → 异议 → 公示 → 移出 */
export enum ListEntryStatus {
  DESIGNATED = 'DESIGNATED', // 已认定，待告知
  NOTIFIED = 'NOTIFIED', // 已告知
  OBJECTED = 'OBJECTED', // 异议处理中
  PUBLISHED = 'PUBLISHED', // 公示中（生效）
  REMOVED = 'REMOVED', // 已移出
  /** Never stored: a published entry past its validUntil reads as expired (届满自动移出). */
  EXPIRED = 'EXPIRED',
}

/** 名单操作 */
export enum ListAction {
  PROPOSE = 'PROPOSE', // 认定 (报送)
  NOTIFY = 'NOTIFY', // 告知
  OBJECT = 'OBJECT', // 提出异议
  DISMISS_OBJECTION = 'DISMISS_OBJECTION', // 异议不成立
  UPHOLD_OBJECTION = 'UPHOLD_OBJECTION', // 异议成立，撤回认定
  PUBLISH = 'PUBLISH', // 公示
  REVOKE = 'REVOKE', // 撤销 (移出)
  REPAIR = 'REPAIR', // 信用修复 (移出)
}

/** 应用场景 */
export enum Scenario {
  ADMINISTRATIVE_LICENSING = 'ADMINISTRATIVE_LICENSING',
  PUBLIC_PROCUREMENT = 'PUBLIC_PROCUREMENT',
  BIDDING = 'BIDDING',
  FISCAL_FUNDS = 'FISCAL_FUNDS',
  AWARDS = 'AWARDS',
  MARKET_ACCESS = 'MARKET_ACCESS',
  QUALIFICATION = 'QUALIFICATION',
  PUBLIC_RESOURCE_TRADING = 'PUBLIC_RESOURCE_TRADING',
  DAILY_SUPERVISION = 'DAILY_SUPERVISION',
}

/** 比对结论 (the sanctions subgraph decides it; a credit report prints and stores it) */
export enum Verdict {
  CLEAR = 'CLEAR',
  INCENTIVE = 'INCENTIVE',
  CAUTION = 'CAUTION',
  RESTRICT = 'RESTRICT',
}

/**
 * 信用等级 of the district's public credit evaluation (公共信用综合评价), the national evaluation's four
 * grades: A 优 (守信), B 良, C 中 (关注), D 差 (失信). The evaluations subgraph assigns it (docs/EVALUATION.md).
 */
export enum CreditGrade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

/** 联合奖惩措施类别 */
export enum MeasureKind {
  INCENTIVE = 'INCENTIVE',
  PUNISHMENT = 'PUNISHMENT',
}

/** 信用承诺类别 */
export enum CommitmentKind {
  APPROVAL_SUBSTITUTE = 'APPROVAL_SUBSTITUTE', // 告知承诺
  PROACTIVE = 'PROACTIVE', // 主动型
  REPAIR = 'REPAIR', // 信用修复型
  INDUSTRY_SELF_DISCIPLINE = 'INDUSTRY_SELF_DISCIPLINE', // 行业自律型
}

/** 信用承诺履行状态 */
export enum CommitmentStatus {
  IN_EFFECT = 'IN_EFFECT', // 履约中
  FULFILLED = 'FULFILLED', // 已履约
  BREACHED = 'BREACHED', // 违诺
  /** A stored IN_EFFECT commitment past its validUntil also reads as EXPIRED (computed at read time). */
  EXPIRED = 'EXPIRED', // 已到期
  WITHDRAWN = 'WITHDRAWN', // 已撤回
}

/** 信用修复对象 */
export enum RepairTarget {
  PENALTY = 'PENALTY',
  LIST_ENTRY = 'LIST_ENTRY',
}

/**
 * 异议对象 (issue 18): every kind of record the subject may hold wrong. Penalties, licences and other
 * actions are subjects' (their reporting department decides), list entries sanctions' (the designating
 * department), the district evaluation evaluations' (the credit office, which runs it).
 */
export enum ObjectionTarget {
  PENALTY = 'PENALTY', // 行政处罚信息
  LIST_ENTRY = 'LIST_ENTRY', // 名单条目
  LICENSE = 'LICENSE', // 行政许可信息
  ACTION = 'ACTION', // 其他行政行为信息
  EVALUATION = 'EVALUATION', // 公共信用综合评价结果
}

/** 信用修复案件状态 */
export enum RepairStatus {
  SUBMITTED = 'SUBMITTED', // 已申请
  ACCEPTED = 'ACCEPTED', // 已受理
  APPROVED = 'APPROVED', // 准予修复
  /** Legacy name of DENIED: the repairs migration turns stored ones into DENIED and nothing writes it. */
  REJECTED = 'REJECTED', // 不予修复 (旧)
  WITHDRAWN = 'WITHDRAWN', // 已撤回
  REJECTED_AT_INTAKE = 'REJECTED_AT_INTAKE', // 不予受理
  DENIED = 'DENIED', // 不予修复
}

/** 异议案件状态 (issue 18): 申请 → 受理 → 异议成立 / 异议不成立 */
export enum ObjectionStatus {
  SUBMITTED = 'SUBMITTED', // 已申请
  ACCEPTED = 'ACCEPTED', // 已受理 (核查中)
  UPHELD = 'UPHELD', // 异议成立
  DISMISSED = 'DISMISSED', // 异议不成立
}

/** 异议成立后的处理: the record withdrawn from public view and sharing, or corrected by its department. */
export enum ObjectionOutcome {
  WITHDRAWN = 'WITHDRAWN', // 撤回 (终止公示、停止共享)
  CORRECTED = 'CORRECTED', // 更正 (the department reports the corrected record)
}

/** 审计类别: what kind of read an audit event records */
export enum AuditClass {
  PROFILE = 'PROFILE', // 信用档案
  PII = 'PII', // 个人信息 (完整证件号码)
  SCREENING = 'SCREENING', // 联合奖惩比对
}
