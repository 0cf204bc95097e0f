import { registerEnumType } from 'type-graphql';
import { CreditList, ListAction, ListEntryStatus, MeasureKind, Scenario } from '../../../shared/domain/vocabulary';
import { CreditStatus, Verdict } from '../rules/verdict';

registerEnumType(CreditList, { name: 'CreditList', description: '红名单 / 黑名单 / 重点关注名单' });
registerEnumType(ListEntryStatus, { name: 'ListEntryStatus', description: '名单条目状态: 认定 → 告知 → 异议 → 公示 → 移出 (EXPIRED: 有效期届满)' });
registerEnumType(ListAction, { name: 'ListAction', description: '名单操作' });
registerEnumType(Scenario, { name: 'Scenario', description: '应用场景 (联合奖惩的业务环节)' });
registerEnumType(MeasureKind, { name: 'MeasureKind', description: '激励 / 惩戒' });
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
registerEnumType(CreditStatus, { name: 'CreditStatus', description: '信用状态 (from the lists the subject is on)' });
