import { registerEnumType } from 'type-graphql';
import { Scenario, Verdict } from '../../../shared/domain/vocabulary';
import { CreditReportKind } from '../rules/report-kind';

// Scenario and Verdict are the sanctions subgraph's vocabulary, declared here with the same values (composition merges them).
registerEnumType(Scenario, { name: 'Scenario', description: '应用场景 (联合奖惩的业务环节)' });
registerEnumType(Verdict, {
  name: 'Verdict',
  description: '比对结论',
  valuesConfig: {
    CLEAR: { description: '未发现名单记录' },
    INCENTIVE: { description: '守信激励: 绿色通道 / 容缺受理' },
    CAUTION: { description: '重点关注，加强审核' },
    RESTRICT: { description: '严重失信，依法限制' },
  },
});
registerEnumType(CreditReportKind, {
  name: 'CreditReportKind',
  description: '信用报告类别',
  valuesConfig: {
    REVIEW: { description: '信用审查报告: 办理事项前的审查，含比对结论与联合奖惩措施' },
    OWN_RECORD: { description: '公共信用信息报告: 主体可知悉的本主体信息，不含比对结论' },
  },
});
