import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AuditClass } from '../../../shared/domain/vocabulary';
import './enums';

/**
 * 查询审计: one read of a subject's profile or personal data, or one screened
 * code, by an authenticated principal. Recorded by the gateway in one batch per
 * request; append-only.
 */
@ObjectType({ description: '查询审计记录 (reachable only through auditEvents, which needs audit:read)' })
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['subjectId', 'occurredAt'] })
@Index({ properties: ['uscc', 'occurredAt'] })
@Index({ properties: ['occurredAt'] })
@Index({ properties: ['requestId'] })
export class AuditEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '发生时间' })
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Field({ description: '查询人 (token sub)' })
  @Property()
  principalSub!: string;

  @Field({ description: '查询人姓名' })
  @Property()
  principalName!: string;

  @Field(() => String, { nullable: true, description: '查询单位 (org)' })
  @Property({ length: 32, nullable: true })
  org!: string | null;

  @Field(() => [String], { description: '角色' })
  @Property({ type: 'text[]' })
  roles!: string[];

  @Field(() => AuditClass, { description: '类别: 信用档案 / 个人信息 / 联合奖惩比对' })
  @Enum(() => AuditClass)
  fieldsClass!: AuditClass;

  @Field(() => ID, { nullable: true, description: '主体 id' })
  @Property({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 (as screened)' })
  @Property({ length: 64, nullable: true })
  uscc!: string | null;

  @Field(() => String, { nullable: true, description: '用途 (x-purpose header) 或比对业务编号' })
  @Property({ nullable: true })
  purpose!: string | null;

  @Field({ description: '请求编号 (x-request-id)' })
  @Property({ length: 64 })
  requestId!: string;

  @Field(() => String, { nullable: true, description: '操作名' })
  @Property({ nullable: true })
  operationName!: string | null;
}
