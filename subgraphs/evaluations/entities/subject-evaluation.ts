import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { ObjectionMarkedRecord } from '../../../shared/db/objection-marked-record';
import { CreditGrade } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import type { EvaluationLineRow } from '../rules/score';
import './enums';
import { EvaluationLine } from './evaluation-line';

/** A subject's latest evaluation on the model in force, with the lines that explain it. */
@ObjectType('CreditEvaluation', { description: '公共信用综合评价 (区级模型): 得分、等级及其说明' })
@Entity({ tableName: 'subject_evaluation' })
@Index({ properties: ['nextChangeOn'] })
export class SubjectEvaluation extends ObjectionMarkedRecord {
  @PrimaryKey({ type: 'uuid' })
  subjectId!: string;

  @Field({ description: '模型版本' })
  @Property({ length: 32 })
  modelVersion!: string;

  @Field(() => Float, { description: '得分 (一位小数)' })
  @Property({ type: 'double' })
  score!: number;

  @Field(() => CreditGrade, { description: '等级' })
  @Enum(() => CreditGrade)
  grade!: CreditGrade;

  @Field({ description: '等级名称: 优 / 良 / 中 / 差' })
  @Property({ length: 8 })
  gradeLabel!: string;

  @Field(() => Date, { description: '评价时间' })
  @Property({ type: 'datetime' })
  evaluatedAt!: Date;

  @Field(() => [EvaluationLine], { name: 'explanation', description: '评价说明: 非零指标, 分值绝对值大者在前' })
  @Property({ type: 'json' })
  lines!: EvaluationLineRow[];

  /** The first China date on which its facts change by time alone (publicity or validity ends); the daily sweep recomputes it then. */
  @Field(() => DateScalar, { nullable: true, description: '事实下次因期限变化的日期 (公示期满、有效期满)' })
  @Property({ type: 'date', nullable: true })
  nextChangeOn!: string | null;

  /** The grade before the last change of score or grade, for evaluation.changed (null: first evaluation). */
  @Enum({ items: () => CreditGrade, nullable: true })
  previousGrade!: CreditGrade | null;

  /** False until evaluation.changed has been sent for this score (the demo seed computes before the bus runs). */
  @Property({ default: true })
  announced!: boolean;
}
