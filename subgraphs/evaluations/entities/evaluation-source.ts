import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { EvaluationSourceKind } from '../rules/evaluation-source-defaults';
import './supervision-enums';

/** Who evaluates subjects and on what scale (rule data: rows inserted by the migration, each with its basis). */
@ObjectType({ description: '评价来源: 全国公共信用综合评价或部门的行业信用评价' })
@Entity({ tableName: 'evaluation_source' })
export class EvaluationSource {
  @Field({ description: '来源代码, e.g. TAX_CREDIT' })
  @PrimaryKey({ length: 32 })
  code!: string;

  @Field({ description: '评价名称' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => EvaluationSourceKind, { description: '全国 / 行业' })
  @Enum(() => EvaluationSourceKind)
  kind!: EvaluationSourceKind;

  @Field(() => String, { nullable: true, description: '负责导入的部门代码; null = 区信用办' })
  @Property({ length: 32, nullable: true })
  ownerCode!: string | null;

  @Field(() => [String], { description: '等级表 (由优到差)' })
  @Property({ type: 'text[]' })
  scale!: string[];

  @Field(() => Float, { nullable: true, description: '最高得分; null = 无上限 (不为负)' })
  @Property({ type: 'double', nullable: true })
  maxScore!: number | null;

  @Field({ description: '依据' })
  @Property({ type: 'text' })
  basis!: string;
}
