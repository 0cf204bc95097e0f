import { registerEnumType } from 'type-graphql';
import '../../../shared/graphql/credit-grade-enum';
import { DistributionDimension } from '../rules/distribution';
import { EvaluationModelStatus } from '../rules/model';

registerEnumType(EvaluationModelStatus, {
  name: 'EvaluationModelStatus',
  description: '评价模型状态: 草稿 / 已发布 / 已停用',
});
registerEnumType(DistributionDimension, {
  name: 'DistributionDimension',
  description: '等级分布的分组维度: 等级 / 行业 / 街道',
});
