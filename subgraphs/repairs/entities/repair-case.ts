import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RepairStatus, RepairTarget } from '../../../shared/domain/vocabulary';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import './enums';

@ObjectType({ description: '信用修复案件 (needs credit:read wherever it appears)' })
@RequiresScopes([SCOPES.read])
@Directive('@key(fields: "id")')
@Entity({ tableName: 'repair_case' })
@Index({ properties: ['subjectId'] })
export class RepairCase {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field(() => RepairTarget, { description: '修复对象类别' })
  @Enum(() => RepairTarget)
  target!: RepairTarget;

  @Field(() => ID, { description: '修复对象 id (行政处罚或名单条目)' })
  @Property({ type: 'uuid' })
  targetId!: string;

  @Field(() => RepairStatus, { description: '状态' })
  @Enum(() => RepairStatus)
  status!: RepairStatus;

  @Field({ description: '申请理由 / 整改情况' })
  @Property({ type: 'text' })
  reason!: string;

  @Field({ description: '申请时间' })
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Field(() => Date, { nullable: true, description: '受理时间' })
  @Property({ type: 'datetime', nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '决定时间' })
  @Property({ type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  /** 决定部门; resolved to a Department. */
  @Property({ length: 32, nullable: true })
  decidedByCode!: string | null;
}
