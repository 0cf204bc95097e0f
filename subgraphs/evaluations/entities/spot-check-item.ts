import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { CreditGrade } from '../../../shared/domain/vocabulary';
import { SpotCheckOutcome } from '../rules/spot-check-outcome';
import './enums';
import './supervision-enums';

/** A subject drawn, its grade when drawn, and the outcome once inspected (a fact of its next evaluation). */
@ObjectType({ description: '抽查对象及结果' })
@Entity({ tableName: 'spot_check_item' })
@Index({ properties: ['subjectId'] })
export class SpotCheckItem {
  @PrimaryKey({ type: 'uuid' })
  drawId!: string;

  @PrimaryKey({ type: 'uuid' })
  subjectId!: string;

  @Field(() => Int, { description: '在名单中的位置 (从 1 起)' })
  @Property()
  position!: number;

  @Field(() => CreditGrade, { description: '抽取时的信用等级' })
  @Enum(() => CreditGrade)
  gradeAtDraw!: CreditGrade;

  @Field(() => SpotCheckOutcome, { nullable: true, description: '抽查结果; null = 尚未录入' })
  @Enum({ items: () => SpotCheckOutcome, nullable: true })
  outcome!: SpotCheckOutcome | null;

  @Field(() => String, { nullable: true, description: '检查情况说明' })
  @Property({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => Date, { nullable: true, description: '结果录入时间' })
  @Property({ type: 'datetime', nullable: true })
  recordedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '录入人 (token sub)' })
  @Property({ length: 255, nullable: true })
  recordedBy!: string | null;
}
