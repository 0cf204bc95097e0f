import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** One importEvaluationResults call, kept so that the same batchKey returns it (idempotent retries). */
@ObjectType({ description: '评价结果导入批次: received = accepted + unchanged + rejected' })
@Entity({ tableName: 'evaluation_import_batch' })
@Unique({ properties: ['sourceCode', 'batchKey'] })
export class EvaluationImportBatch {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => String, { name: 'source', description: '评价来源代码' })
  @Property({ length: 32 })
  sourceCode!: string;

  @Field({ description: '批次号 (由报送方给出; 同一来源同一批次号重复提交返回原批次)' })
  @Property({ length: 64 })
  batchKey!: string;

  @Field(() => Date, { description: '接收时间' })
  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Field(() => Int, { description: '入库 (新增或更新) 条数' })
  @Property()
  accepted!: number;

  @Field(() => Int, { description: '退回条数' })
  @Property()
  rejected!: number;

  @Field(() => Int, { description: '与已入库结果相同、未改动的条数' })
  @Property()
  unchanged!: number;

  /** 导入部门 (the token's org) and who: the batch is the import's record. */
  @Property({ length: 32 })
  importedByOrg!: string;

  @Property({ length: 255 })
  importedBySub!: string;
}
