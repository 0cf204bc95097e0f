import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { CreditList, MeasureKind, Scenario } from '../../../shared/domain/vocabulary';
import './enums';

@ObjectType({ description: '联合奖惩措施' })
@Entity({ tableName: 'measure' })
@Index({ properties: ['scenario', 'list'] })
export class Measure {
  @Field({ description: '措施编码' })
  @PrimaryKey({ length: 32 })
  code!: string;

  @Field(() => CreditList, { description: '适用名单' })
  @Enum(() => CreditList)
  list!: CreditList;

  @Field(() => MeasureKind, { description: '激励 / 惩戒' })
  @Enum(() => MeasureKind)
  kind!: MeasureKind;

  @Field(() => Scenario, { description: '应用场景' })
  @Enum(() => Scenario)
  scenario!: Scenario;

  @Field({ description: '措施内容' })
  @Property({ type: 'text' })
  title!: string;

  @Field({ description: '法律、法规和政策依据' })
  @Property({ type: 'text' })
  legalBasis!: string;
}
