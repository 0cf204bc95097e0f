import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';

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
}
