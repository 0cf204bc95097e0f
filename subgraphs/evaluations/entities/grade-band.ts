import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { CreditGrade } from '../../../shared/domain/vocabulary';
import './enums';

/** 等级划分: a score of at least `minScore` earns the grade (the best band reached wins). */
@ObjectType({ description: '等级划分 (最低分)' })
@Entity({ tableName: 'grade_band' })
export class GradeBand {
  @PrimaryKey({ length: 32 })
  modelVersion!: string;

  @Field(() => CreditGrade, { description: '等级' })
  @Enum({ items: () => CreditGrade, primary: true })
  grade!: CreditGrade;

  @Field({ description: '等级名称: 优 / 良 / 中 / 差' })
  @Property({ length: 8 })
  label!: string;

  @Field(() => Float, { description: '最低分 (含)' })
  @Property({ type: 'double' })
  minScore!: number;
}
