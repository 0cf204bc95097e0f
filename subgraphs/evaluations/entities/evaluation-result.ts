import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/graphql/scalars';

/**
 * An imported evaluation result: one per source, subject and period (a later import of the same
 * period replaces it). Subject.evaluationResults shows the latest per source; the model's
 * NATIONAL_GRADE_* and INDUSTRY_RATING_* facts read the same rows (repositories/result-facts.ts).
 */
@ObjectType({ description: '外部评价结果 (导入)' })
@Entity({ tableName: 'evaluation_result' })
@Unique({ properties: ['sourceCode', 'subjectId', 'period'] })
@Index({ properties: ['subjectId'] })
export class EvaluationResult {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Resolved to an EvaluationSource. */
  @Property({ length: 32 })
  sourceCode!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  /** The code the row named (the subject's, normalized). */
  @Property({ length: 18 })
  uscc!: string;

  @Field({ description: '评价等级 (来源的等级表之一)' })
  @Property({ length: 16 })
  grade!: string;

  @Field(() => Float, { nullable: true, description: '评价得分' })
  @Property({ type: 'double', nullable: true })
  score!: number | null;

  @Field({ description: '评价周期, e.g. 2025, 2026-H1, 2026-Q3' })
  @Property({ length: 7 })
  period!: string;

  @Field(() => String, { nullable: true, description: '评价模型 (来源所用的模型或版本)' })
  @Property({ type: 'text', nullable: true })
  model!: string | null;

  @Field(() => DateScalar, { description: '评价日期' })
  @Property({ type: 'date' })
  evaluatedOn!: string;

  @Field(() => Date, { description: '接收时间' })
  @Property({ type: 'datetime' })
  receivedAt!: Date;

  /** The import batch that last wrote it. */
  @Property({ type: 'uuid' })
  batchId!: string;
}
