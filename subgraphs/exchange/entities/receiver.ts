import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ReceiverKind } from './enums';

/**
 * 接收方: a receiving platform (市/省公共信用信息平台, pulling with its service account, `client_id` = the
 * token's `sub`) or a district department (§15, `department_code` = the token's `org`). `last_seq` is its
 * feed's counter: taken under this row's lock, so the feed is gap-free. The push secret is write-only.
 */
@ObjectType({ description: '共享交换接收方 (市/省信用平台或区级部门)' })
@Entity({ tableName: 'receiver' })
@Index({ properties: ['clientId'] })
@Index({ properties: ['departmentCode'] })
export class Receiver {
  @Field({ description: '接收方代码, e.g. suzhou-city' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field({ description: '名称, e.g. 苏州市公共信用信息平台' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => ReceiverKind, { description: '类别' })
  @Enum({ items: () => ReceiverKind, type: 'text' })
  kind!: ReceiverKind;

  @Field(() => String, { nullable: true, description: '平台服务账号 (令牌 sub), 平台拉取时核对' })
  @Property({ type: 'text', nullable: true })
  clientId!: string | null;

  @Field(() => String, { nullable: true, description: '部门代码 (令牌 org), 部门拉取时核对' })
  @Property({ type: 'text', nullable: true })
  departmentCode!: string | null;

  @Field(() => String, { nullable: true, description: '推送地址 (HTTPS POST); 空 = 仅拉取' })
  @Property({ type: 'text', nullable: true })
  pushUrl!: string | null;

  /** HMAC secret of signed pushes (shared/exchange/signature.ts): written, never read back through the API. */
  @Property({ type: 'text', nullable: true, lazy: true })
  pushSecret!: string | null;

  @Field(() => String, { nullable: true, description: '对账地址 (接收方报告其计数与摘要)' })
  @Property({ type: 'text', nullable: true })
  reconcileUrl!: string | null;

  @Field({ description: '是否启用 (停用的接收方不再产生新条目)' })
  @Property({ default: true })
  active!: boolean;

  @Field(() => String, { description: '最新序号 (该接收方变更流的最后一条)' })
  @Property({ type: 'bigint', default: 0 })
  lastSeq!: string;

  @Field({ description: '登记时间' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Field({ description: '变更时间' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date;
}
