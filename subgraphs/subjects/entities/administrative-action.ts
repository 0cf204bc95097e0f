import { Entity, Enum, Index, Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { ActionKind } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import './enums';
import { ReportedRecord } from './reported-record';

/** 其他行政行为: the eight kinds besides licensing and penalties, disclosed within 7 working days (§5). */
@ObjectType({ description: '其他行政行为 (行政强制、确认、征收、给付、裁决、补偿、奖励、监督检查)' })
@Entity({ tableName: 'administrative_action' })
@Index({ properties: ['subjectId', 'decidedAt'] })
@Unique({ properties: ['authorityCode', 'documentNo'] })
export class AdministrativeAction extends ReportedRecord {
  @Field(() => ActionKind, { description: '行政行为类别' })
  @Enum(() => ActionKind)
  actionKind!: ActionKind;

  @Field({ description: '决定文书号 (with the authority, the natural key of an action)' })
  @Property()
  documentNo!: string;

  @Field({ description: '行为名称' })
  @Property()
  title!: string;

  @Field({ description: '行为内容' })
  @Property({ type: 'text' })
  content!: string;

  @Field(() => DateScalar, { description: '决定日期' })
  @Property({ type: 'date' })
  decidedAt!: string;

  /**
   * 撤回: withdrawn by its department after an upheld objection (异议成立); no longer shown to the public
   * or shared (rules/action-visibility.ts), kept for its department, the credit office and the subject.
   */
  @Field(() => Date, { nullable: true, description: '撤回时间 (异议成立后信息提供单位撤回: 不再公示和共享)' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Opt<Date> | null = null;

  @Field(() => String, { nullable: true, description: '撤回理由' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ type: 'text', nullable: true })
  withdrawalReason: Opt<string> | null = null;
}
