import { registerEnumType } from 'type-graphql';
// Scenario and Verdict: the screening vocabulary, shared with the sanctions subgraph (composition merges them).
import '../../../shared/graphql/screening-enums';
import { DecisionKind } from '../rules/decision-kind';
import { CreditReportKind } from '../rules/report-kind';

registerEnumType(CreditReportKind, {
  name: 'CreditReportKind',
  description: '信用报告类别',
  valuesConfig: {
    REVIEW: { description: '信用审查报告: 办理事项前的审查，含比对结论与联合奖惩措施' },
    OWN_RECORD: { description: '公共信用信息报告: 主体可知悉的本主体信息，不含比对结论' },
  },
});

registerEnumType(DecisionKind, {
  name: 'DecisionKind',
  description: '决定书类别',
  valuesConfig: {
    REPAIR: { description: '信用修复决定书: 准予 / 不予信用修复' },
    OBJECTION: { description: '异议处理决定书: 异议成立 / 不成立' },
  },
});
