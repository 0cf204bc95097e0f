import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { KeyVersion } from '../rules/digest';
import { ReconciliationDifference } from '../types/reconciliation-difference';

/**
 * One reconciliation (对账) of a receiver and a kind: our count and digest of what it should hold, its
 * own, what differs, and how many entries were sent again for it (docs/EXCHANGE.md, "Reconciliation").
 */
@ObjectType({ description: '对账记录' })
@Entity({ tableName: 'reconciliation' })
@Index({ properties: ['receiverCode', 'startedAt'] })
export class Reconciliation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '接收方代码' })
  @Property({ type: 'text' })
  receiverCode!: string;

  @Field({ description: '记录类别 (PENALTY, LICENSE, LIST_ENTRY)' })
  @Property({ type: 'text' })
  kind!: string;

  @Field(() => Date, { description: '开始时间' })
  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: '完成时间' })
  @Property({ type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  @Field(() => Int, { description: '本方应有条数' })
  @Property({ type: 'integer' })
  ourCount!: number;

  @Field(() => Int, { nullable: true, description: '对方报告条数' })
  @Property({ type: 'integer', nullable: true })
  theirCount!: number | null;

  @Field(() => String, { nullable: true, description: '本方摘要 (SHA-256)' })
  @Property({ type: 'text', nullable: true })
  ourDigest!: string | null;

  @Field(() => String, { nullable: true, description: '对方摘要 (SHA-256)' })
  @Property({ type: 'text', nullable: true })
  theirDigest!: string | null;

  @Field(() => [ReconciliationDifference], { description: '对方缺少的记录' })
  @Property({ type: 'json' })
  missing!: KeyVersion[];

  @Field(() => [ReconciliationDifference], { description: '对方版本不同的记录 (本方版本)' })
  @Property({ type: 'json' })
  stale!: KeyVersion[];

  @Field(() => [ReconciliationDifference], { description: '对方多出的记录 (对方版本)' })
  @Property({ type: 'json' })
  extra!: KeyVersion[];

  @Field(() => Int, { description: '为差异重发的条目数' })
  @Property({ type: 'integer' })
  resent!: number;

  @Field(() => String, { nullable: true, description: '失败原因 (对方无法访问等)' })
  @Property({ type: 'text', nullable: true })
  error!: string | null;

  @Field({ description: '发起人 (token sub, 或 schedule)' })
  @Property({ type: 'text' })
  requestedBy!: string;
}
