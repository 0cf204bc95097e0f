import { PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ObjectionMarkedRecord } from '../../../shared/db/objection-marked-record';

/**
 * What every reported record (行政许可、行政处罚、其他行政行为) carries besides its
 * own fields: its party, its authority, who reported it and when. The record
 * resolver exposes the authority, the party and the internal report time.
 */
@ObjectType()
export abstract class ReportedRecord extends ObjectionMarkedRecord {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** 行政相对人 */
  @Property({ type: 'uuid' })
  subjectId!: string;

  /** 处罚机关 / 许可机关 / 实施机关; resolved to a Department. */
  @Property({ length: 32 })
  authorityCode!: string;

  /** 数据来源单位 */
  @Property({ length: 32 })
  dataSourceCode!: string;

  /** 备注 (issue 13 part 6). */
  @Field(() => String, { nullable: true, description: '备注' })
  @Property({ type: 'text', nullable: true })
  remarks!: string | null;

  /** 报送时间: internal, exposed by the record resolver to the reporting department. */
  @Property({ type: 'datetime' })
  reportedAt!: Date;
}
