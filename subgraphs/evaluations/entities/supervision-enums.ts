import { registerEnumType } from 'type-graphql';
import { EvaluationSourceKind } from '../rules/evaluation-source-defaults';
import { SpotCheckOutcome } from '../rules/spot-check-outcome';

registerEnumType(EvaluationSourceKind, {
  name: 'EvaluationSourceKind',
  description: '评价来源类别: 全国公共信用综合评价 / 行业信用评价',
});
registerEnumType(SpotCheckOutcome, {
  name: 'SpotCheckOutcome',
  description: '抽查结果: 未发现问题 / 发现问题 / 无法联系 (通过登记的住所或者经营场所无法联系)',
});
