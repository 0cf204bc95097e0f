import { registerEnumType } from 'type-graphql';
// Scenario and Verdict: the screening vocabulary, shared with the sanctions subgraph (composition merges them).
import '../../../shared/graphql/screening-enums';
import { CreditReportKind } from '../rules/report-kind';

registerEnumType(CreditReportKind, {
  name: 'CreditReportKind',
  description: '信用报告类别',
  valuesConfig: {
    REVIEW: { description: '信用审查报告: 办理事项前的审查，含比对结论与联合奖惩措施' },
    OWN_RECORD: { description: '公共信用信息报告: 主体可知悉的本主体信息，不含比对结论' },
  },
});
