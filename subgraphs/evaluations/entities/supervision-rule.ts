import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { CreditGrade, Verdict } from '../../../shared/domain/vocabulary';
import '../../../shared/graphql/screening-enums';
import './enums';

/**
 * 分级分类监管: what a grade calls for, in any industry (industry null) or in one (that row wins).
 * Rule data: the migration inserts the defaults (rules/supervision-rule-defaults.ts) with their basis;
 * (grade, industry) is unique, any-industry included (an index on coalesce(industry, '')).
 */
@ObjectType({ description: '分级分类监管规则: 信用等级 × 行业 → 监管措施' })
@Entity({ tableName: 'supervision_rule' })
@Unique({
  name: 'supervision_rule_grade_industry_unique',
  expression: `create unique index "supervision_rule_grade_industry_unique" on "evaluations"."supervision_rule" ("grade", coalesce("industry", ''))`,
})
export class SupervisionRule {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => CreditGrade, { description: '信用等级' })
  @Enum(() => CreditGrade)
  grade!: CreditGrade;

  @Field(() => String, { nullable: true, description: '行业 (GB/T 4754 门类名称); null = 所有行业' })
  @Property({ type: 'text', nullable: true })
  industry!: string | null;

  @Field(() => Float, { description: '双随机、一公开 抽查比例 (0–1, 每个抽查周期)' })
  @Property({ type: 'double' })
  spotCheckRatio!: number;

  @Field({ description: '是否可容缺受理' })
  @Property()
  tolerantAcceptance!: boolean;

  @Field(() => Verdict, { nullable: true, description: '比对结论下限 (e.g. CAUTION: 重点关注，加强审核); null = 无' })
  @Enum({ items: () => Verdict, nullable: true })
  verdictFloor!: Verdict | null;

  @Field(() => [String], { description: '监管措施' })
  @Property({ type: 'text[]' })
  measures!: string[];

  @Field({ description: '依据' })
  @Property({ type: 'text' })
  basis!: string;
}
