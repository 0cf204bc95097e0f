import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { CreditList, MeasureKind, Scenario } from '../../../shared/domain/vocabulary';
import { BasisKind } from '../rules/basis-kind';
import './enums';

@ObjectType({ description: '联合奖惩措施' })
@Entity({ tableName: 'measure' })
export class Measure {
  @Field({ description: '措施编码' })
  @PrimaryKey({ length: 32 })
  code!: string;

  @Field(() => MeasureKind, { description: '激励 / 惩戒' })
  @Enum(() => MeasureKind)
  kind!: MeasureKind;

  @Field({ description: '措施内容' })
  @Property({ type: 'text' })
  title!: string;

  @Field({ description: '法律、法规和政策依据' })
  @Property({ type: 'text' })
  legalBasis!: string;

  @Field(() => BasisKind, {
    nullable: true,
    description:
      '依据层级 (法律 / 行政法规 / 地方性法规 / 司法解释 / 党中央、国务院政策文件); null for a department measure that named none',
  })
  @Enum({ items: () => BasisKind, nullable: true })
  basisKind!: BasisKind | null;

  @Field(() => [String], { description: '适用名单类别 (list_kind codes): a measure applies to entries of these kinds' })
  @Property({ type: 'text[]' })
  listKinds!: string[];

  @Field(() => [CreditList], { description: '适用名单 (the colours of its kinds)' })
  @Property({ type: 'text[]' })
  lists!: CreditList[];

  @Field(() => [Scenario], { description: '适用场景' })
  @Property({ type: 'text[]' })
  scenarios!: Scenario[];

  /** 制定部门 of a department's own measure; null for the district catalogue. */
  @Property({ length: 32, nullable: true })
  issuedByCode!: string | null;
}
