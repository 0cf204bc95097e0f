import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
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
}
