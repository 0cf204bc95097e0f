import {
  CommitmentKind,
  CreditGrade,
  CreditList,
  ListEntryStatus,
  MeasureKind,
  Scenario,
  Severity,
  SubjectKind,
  SubjectStatus,
} from '../../../shared/domain/vocabulary';

/** The Chinese a report prints for the values it gathers; an unknown value prints as itself (a newer source, never a blank). */
function labeller(table: Readonly<Record<string, string>>): (value: string | null | undefined) => string {
  return (value) => (value == null ? '—' : (table[value] ?? value));
}

export const scenarioLabel = labeller({
  [Scenario.ADMINISTRATIVE_LICENSING]: '行政审批',
  [Scenario.PUBLIC_PROCUREMENT]: '政府采购',
  [Scenario.BIDDING]: '招标投标',
  [Scenario.FISCAL_FUNDS]: '财政资金安排',
  [Scenario.AWARDS]: '评优评先',
  [Scenario.MARKET_ACCESS]: '市场准入',
  [Scenario.QUALIFICATION]: '资质认定',
  [Scenario.PUBLIC_RESOURCE_TRADING]: '公共资源交易',
  [Scenario.DAILY_SUPERVISION]: '日常监管',
});

export const subjectKindLabel = labeller({
  [SubjectKind.ENTERPRISE]: '企业',
  [SubjectKind.INDIVIDUAL_BUSINESS]: '个体工商户',
  [SubjectKind.FARMER_COOPERATIVE]: '农民专业合作社',
  [SubjectKind.SOCIAL_ORGANIZATION]: '社会组织',
  [SubjectKind.PUBLIC_INSTITUTION]: '事业单位',
  [SubjectKind.GOVERNMENT_AGENCY]: '机关',
  [SubjectKind.NATURAL_PERSON]: '自然人',
  [SubjectKind.RURAL_COLLECTIVE]: '农村集体经济组织',
  [SubjectKind.OTHER_ORGANIZATION]: '其他组织',
});

export const subjectStatusLabel = labeller({
  [SubjectStatus.ACTIVE]: '存续',
  [SubjectStatus.ABNORMAL]: '经营异常',
  [SubjectStatus.REVOKED]: '吊销',
  [SubjectStatus.DEREGISTERED]: '注销',
});

export const listLabel = labeller({
  [CreditList.RED]: '红名单',
  [CreditList.BLACK]: '黑名单',
  [CreditList.WATCH]: '重点关注名单',
});

export const listStatusLabel = labeller({
  [ListEntryStatus.DESIGNATED]: '已认定',
  [ListEntryStatus.NOTIFIED]: '已告知',
  [ListEntryStatus.OBJECTED]: '异议处理中',
  [ListEntryStatus.PUBLISHED]: '公示中',
  [ListEntryStatus.REMOVED]: '已移出',
  [ListEntryStatus.EXPIRED]: '已届满',
});

export const severityLabel = labeller({
  [Severity.MINOR]: '轻微',
  [Severity.GENERAL]: '一般',
  [Severity.SERIOUS]: '严重',
});

export const measureKindLabel = labeller({ [MeasureKind.INCENTIVE]: '激励', [MeasureKind.PUNISHMENT]: '惩戒' });

export const commitmentKindLabel = labeller({
  [CommitmentKind.APPROVAL_SUBSTITUTE]: '告知承诺',
  [CommitmentKind.PROACTIVE]: '主动型承诺',
  [CommitmentKind.REPAIR]: '信用修复型承诺',
  [CommitmentKind.INDUSTRY_SELF_DISCIPLINE]: '行业自律型承诺',
});

export const commitmentStatusLabel = labeller({
  IN_EFFECT: '履约中',
  FULFILLED: '已履约',
  BREACHED: '违诺',
  EXPIRED: '已到期',
  WITHDRAWN: '已撤回',
});

export const repairStatusLabel = labeller({
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  APPROVED: '修复通过',
  REJECTED: '未通过',
  WITHDRAWN: '已撤回',
  REJECTED_AT_INTAKE: '不予受理',
  DENIED: '不予修复',
});

export const repairTargetLabel = labeller({
  PENALTY: '行政处罚信息',
  LIST_ENTRY: '名单条目',
  LICENSE: '行政许可信息',
  ACTION: '其他行政行为信息',
  EVALUATION: '公共信用综合评价结果',
});

export const creditGradeLabel = labeller({
  [CreditGrade.A]: '优',
  [CreditGrade.B]: '良',
  [CreditGrade.C]: '中',
  [CreditGrade.D]: '差',
});
