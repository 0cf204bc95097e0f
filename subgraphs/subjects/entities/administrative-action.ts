import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ActionKind } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import './enums';

/** 其他行政行为: the eight kinds besides licensing and penalties, disclosed within 7 working days (§5). */
@ObjectType({ description: '其他行政行为 (行政强制、确认、征收、给付、裁决、补偿、奖励、监督检查)' })
@Entity({ tableName: 'administrative_action' })
@Index({ properties: ['subjectId', 'decidedAt'] })
@Unique({ properties: ['authorityCode', 'documentNo'] })
export class AdministrativeAction {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

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

  /** 实施机关; resolved to a Department. */
  @Property({ length: 32 })
  authorityCode!: string;

  /** 数据来源单位 */
  @Property({ length: 32 })
  dataSourceCode!: string;

  /** 报送时间: internal, exposed by the record resolver to the reporting department. */
  @Property({ type: 'datetime' })
  reportedAt!: Date;
}
