import { Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * What every reported record (行政许可、行政处罚、其他行政行为) carries besides its
 * own fields: its party, its authority, who reported it and when. The record
 * resolver exposes the authority, the party and the internal report time.
 */
@ObjectType()
export abstract class ReportedRecord {
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

  /** The objection (repairs' ObjectionCase id) being handled about this record; null when none is open. */
  @Property({ type: 'uuid', nullable: true })
  openObjectionId: Opt<string> | null = null;

  /** When the last objection.changed applied to the mark was written (older ones change nothing). */
  @Property({ type: 'datetime', nullable: true })
  objectionChangedAt: Opt<Date> | null = null;

  /** 异议处理中: shown wherever the record is (the public included) while its objection is open. */
  @Field(() => Boolean, {
    description: '异议处理中: the subject has objected and the department that reported it has not yet decided',
  })
  get objectionPending(): Opt<boolean> {
    return this.openObjectionId !== null;
  }
}
