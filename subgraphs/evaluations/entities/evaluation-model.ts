import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { DateScalar } from '../../../shared/graphql/scalars';
import { EvaluationModelStatus } from '../rules/model';
import './enums';

/** 公共信用综合评价模型 (the district's own): one row per version; its indicators and bands are rows too. */
@ObjectType({ description: '公共信用综合评价模型 (区级): 指标、分值与等级划分均为数据, 公开透明' })
@RequiresScopes([SCOPES.public])
@Entity({ tableName: 'evaluation_model' })
export class EvaluationModel {
  @Field({ description: '模型版本, e.g. GUSU-2026.1' })
  @PrimaryKey({ length: 32 })
  version!: string;

  @Field(() => EvaluationModelStatus, { description: '状态' })
  @Enum(() => EvaluationModelStatus)
  status!: EvaluationModelStatus;

  @Field(() => DateScalar, { description: '生效日期 (China date)' })
  @Property({ type: 'date' })
  effectiveFrom!: string;

  @Field(() => Date, { nullable: true, description: '发布时间' })
  @Property({ type: 'datetime', nullable: true })
  publishedAt!: Date | null;

  @Field(() => Float, { description: '基础分' })
  @Property({ type: 'double' })
  baseScore!: number;

  @Field({ description: '依据 / 来源' })
  @Property({ type: 'text' })
  source!: string;
}
