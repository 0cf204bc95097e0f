import { registerEnumType } from 'type-graphql';
import { Scenario, Verdict } from '../domain/vocabulary';

/**
 * The screening vocabulary as GraphQL enums, for every subgraph that speaks it (sanctions screens,
 * reports prints the verdict): one registration, so composition never sees two descriptions of one enum.
 * Importing this module registers them.
 */
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
