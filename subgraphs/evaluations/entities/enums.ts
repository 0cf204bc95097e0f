import { registerEnumType } from 'type-graphql';
import { CreditGrade } from '../../../shared/domain/vocabulary';
import { DistributionDimension } from '../rules/distribution';
import { EvaluationModelStatus } from '../rules/model';

registerEnumType(CreditGrade, { name: 'CreditGrade', description: '信用等级: A 优 / B 良 / C 中 / D 差' });
registerEnumType(EvaluationModelStatus, {
  name: 'EvaluationModelStatus',
  description: '评价模型状态: 草稿 / 已发布 / 已停用',
});
registerEnumType(DistributionDimension, {
  name: 'DistributionDimension',
  description: '等级分布的分组维度: 等级 / 行业 / 街道',
});
