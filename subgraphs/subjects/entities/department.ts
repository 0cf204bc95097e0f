import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { PenaltyDomain } from '../../../shared/domain/vocabulary';
import './enums';

@ObjectType({ description: '部门 / 责任单位' })
@Directive('@key(fields: "code")')
@Entity({ tableName: 'department' })
export class Department {
  @Field({ description: '部门代码, e.g. gusu.scjgj' })
  @PrimaryKey({ length: 32 })
  code!: string;

  @Field({ description: '部门名称' })
  @Property()
  name!: string;

  @Field({ description: '统一社会信用代码' })
  @Property({ length: 18 })
  uscc!: string;

  /** 主管领域: the domain a penalty it decides falls in when the report names none (rules/publicity.ts). */
  @Field(() => PenaltyDomain, { description: '主管领域: 处罚未报送所属领域时的默认领域' })
  @Enum({ items: () => PenaltyDomain, default: PenaltyDomain.GENERAL })
  domain: PenaltyDomain = PenaltyDomain.GENERAL;
}
