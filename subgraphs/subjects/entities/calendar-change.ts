import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** One day of a notice as recorded in the change history. */
export interface NoticeDayRecord {
  date: string;
  kind: string;
  name: string;
}

/**
 * 节假日安排变更记录: every load of a State Council notice by setHolidayCalendar — who, when,
 * the notice and its days, and what it replaced. Rows are only ever added; a load that changes
 * nothing (the same notice again) adds none.
 */
@ObjectType({ description: '节假日安排的变更记录 (区信用办 setHolidayCalendar)' })
@Entity({ tableName: 'calendar_change' })
@Index({ properties: ['year', 'occurredAt'] })
export class CalendarChange {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => Int)
  @Property()
  year!: number;

  @Field({ description: '通知 (文号与标题)' })
  @Property({ type: 'text' })
  source!: string;

  /** The notice's days as loaded. */
  @Property({ type: 'json' })
  days!: NoticeDayRecord[];

  @Field(() => String, { nullable: true, description: '此前的依据 (null: 此前为按法定假日推算的暂定日历)' })
  @Property({ type: 'text', nullable: true })
  previousSource!: string | null;

  /** The days it replaced; null when the year was provisional. */
  @Property({ type: 'json', nullable: true })
  previousDays!: NoticeDayRecord[] | null;

  @Field(() => Int, { description: '本子图重算的报送时限数 (other subgraphs recompute on the event)' })
  @Property()
  recomputed!: number;

  @Field({ description: '操作人 (sub)' })
  @Property()
  actorSub!: string;

  @Field(() => String, { nullable: true, description: '操作单位' })
  @Property({ length: 32, nullable: true })
  actorOrg!: string | null;

  @Field({ description: '时间' })
  @Property({ type: 'datetime' })
  occurredAt!: Date;
}
