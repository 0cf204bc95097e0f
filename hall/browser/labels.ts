/** 中文名称 of the enum values the pages show (the terms of DESIGN.md, "Domain"); an unknown value is shown as it is. */
const LABELS = {
  SubjectKind: {
    ENTERPRISE: '企业',
    INDIVIDUAL_BUSINESS: '个体工商户',
    FARMER_COOPERATIVE: '农民专业合作社',
    SOCIAL_ORGANIZATION: '社会组织',
    PUBLIC_INSTITUTION: '事业单位',
    GOVERNMENT_AGENCY: '机关',
    NATURAL_PERSON: '自然人',
    RURAL_COLLECTIVE: '农村集体经济组织',
    OTHER_ORGANIZATION: '其他组织',
  },
  SubjectStatus: { ACTIVE: '存续', ABNORMAL: '经营异常', REVOKED: '吊销', DEREGISTERED: '注销' },
  CreditStatus: { NORMAL: '正常', RED_LISTED: '红名单', WATCH_LISTED: '重点关注名单', BLACK_LISTED: '黑名单' },
  CreditList: { RED: '红名单', BLACK: '黑名单', WATCH: '重点关注名单' },
  ListEntryStatus: {
    DESIGNATED: '已认定',
    NOTIFIED: '已告知',
    OBJECTED: '异议中',
    PUBLISHED: '公示中',
    REMOVED: '已移出',
    EXPIRED: '已到期',
  },
  Severity: { MINOR: '轻微', GENERAL: '一般', SERIOUS: '严重' },
  MeasureKind: { INCENTIVE: '激励', PUNISHMENT: '惩戒' },
  BasisKind: {
    LAW: '法律',
    ADMINISTRATIVE_REGULATION: '行政法规',
    LOCAL_REGULATION: '地方性法规',
    JUDICIAL_INTERPRETATION: '司法解释',
    CENTRAL_POLICY: '党中央、国务院政策文件',
  },
  CommitmentKind: {
    APPROVAL_SUBSTITUTE: '告知承诺',
    PROACTIVE: '主动型承诺',
    REPAIR: '信用修复型承诺',
    INDUSTRY_SELF_DISCIPLINE: '行业自律型承诺',
  },
  CommitmentStatus: {
    IN_EFFECT: '履约中',
    FULFILLED: '已履约',
    BREACHED: '失信',
    EXPIRED: '已到期',
    WITHDRAWN: '已撤回',
  },
  RepairStatus: {
    SUBMITTED: '已申请',
    ACCEPTED: '已受理',
    APPROVED: '已修复',
    REJECTED: '未通过',
    WITHDRAWN: '已撤回',
    REJECTED_AT_INTAKE: '不予受理',
    DENIED: '不予修复',
  },
  RepairTarget: { PENALTY: '行政处罚信息', LIST_ENTRY: '名单条目' },
  ObjectionTarget: {
    PENALTY: '行政处罚',
    LICENSE: '行政许可',
    ACTION: '其他行政行为',
    LIST_ENTRY: '名单条目',
    EVALUATION: '公共信用综合评价',
  },
  LicenseCategory: {
    GENERAL: '普通',
    FRANCHISE: '特许',
    ACCREDITATION: '认可',
    APPROVAL: '核准',
    REGISTRATION: '登记',
    OTHER: '其他',
  },
  ActionKind: {
    ENFORCEMENT: '行政强制',
    CONFIRMATION: '行政确认',
    LEVY: '行政征收',
    BENEFIT: '行政给付',
    ADJUDICATION: '行政裁决',
    COMPENSATION: '行政补偿',
    REWARD: '行政奖励',
    INSPECTION: '监督检查',
  },
  CreditGrade: { A: '优', B: '良', C: '中', D: '差' },
  Verdict: { CLEAR: '无异常', INCENTIVE: '激励', CAUTION: '审慎', RESTRICT: '限制' },
} satisfies Record<string, Record<string, string>>;

export type LabelledEnum = keyof typeof LABELS;

export function label(type: LabelledEnum, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return (LABELS[type] as Record<string, string>)[value] ?? value;
}
