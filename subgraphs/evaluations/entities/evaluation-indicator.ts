import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { CreditGrade } from '../../../shared/domain/vocabulary';
import './enums';

/**
 * 评价指标: what a fact kind counts for in one model version. Points are `pointsEach` per fact,
 * limited by `cap` (signed like the points: +5 is at most +5, −40 at most −40); `gradeCap` limits
 * the grade whatever the score (an active black-list entry: at most D).
 */
@ObjectType({ description: '评价指标 (分值、上限、等级上限及其依据)' })
@Entity({ tableName: 'evaluation_indicator' })
export class EvaluationIndicator {
  @PrimaryKey({ length: 32 })
  modelVersion!: string;

  @Field({ description: '指标代码, e.g. PENALTY_GENERAL_IN_PUBLICITY' })
  @PrimaryKey({ length: 48 })
  code!: string;

  @Field({ description: '指标名称, e.g. 一般行政处罚' })
  @Property({ length: 64 })
  label!: string;

  @Field({ description: '所计事实类别 (fact kind)' })
  @Property({ length: 48 })
  fact!: string;

  @Field(() => Float, { description: '每项分值 (有符号)' })
  @Property({ type: 'double' })
  pointsEach!: number;

  @Field(() => Float, { nullable: true, description: '分值上限 (与分值同号); null = 不设上限' })
  @Property({ type: 'double', nullable: true })
  cap!: number | null;

  @Field(() => CreditGrade, { nullable: true, description: '等级上限: 存在该事实时等级不高于此' })
  @Enum({ items: () => CreditGrade, nullable: true })
  gradeCap!: CreditGrade | null;

  /** How a line counts the facts ("项"); null: a single fact, shown without a count (全国评价等级). */
  @Property({ length: 8, nullable: true })
  unit!: string | null;

  /** What the line adds after the count, e.g. "公示期内". */
  @Property({ length: 32, nullable: true })
  detail!: string | null;

  @Field({ description: '依据 / 来源' })
  @Property({ type: 'text' })
  source!: string;
}
