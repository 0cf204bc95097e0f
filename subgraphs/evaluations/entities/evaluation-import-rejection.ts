import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** A row of a batch that was not stored, with its reason: kept, so the sender can correct and resend it. */
@ObjectType({ description: '退回的评价结果行及原因' })
@Entity({ tableName: 'evaluation_import_rejection' })
export class EvaluationImportRejection {
  @PrimaryKey({ type: 'uuid' })
  batchId!: string;

  @Field(() => Int, { description: '行号 (rows 中的位置, 从 1 起)' })
  @PrimaryKey()
  row!: number;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 (as sent)' })
  @Property({ length: 64, nullable: true })
  uscc!: string | null;

  @Field({ description: '出错的字段: uscc, grade, score, period, model, evaluatedOn, name' })
  @Property({ length: 32 })
  field!: string;

  @Field({ description: '退回原因' })
  @Property({ type: 'text' })
  reason!: string;
}
