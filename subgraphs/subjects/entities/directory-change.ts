import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum DirectoryAction {
  DEPARTMENT_REGISTERED = 'DEPARTMENT_REGISTERED',
  DELEGATION_GRANTED = 'DELEGATION_GRANTED',
  DELEGATION_REVOKED = 'DELEGATION_REVOKED',
}

registerEnumType(DirectoryAction, { name: 'DirectoryAction', description: '目录变更: 登记部门 / 设立委托 / 撤销委托' });

/** 目录变更记录: every change of the department directory and of reporting delegations, who and when; rows are only ever added. */
@ObjectType({ description: '部门目录与报送委托的变更记录' })
@Entity({ tableName: 'directory_change' })
@Index({ properties: ['departmentCode', 'occurredAt'] })
@Index({ properties: ['delegationId'] })
export class DirectoryChange {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => DirectoryAction)
  @Enum(() => DirectoryAction)
  action!: DirectoryAction;

  @Field({ description: '涉及的部门 (登记的部门, 或委托机关)' })
  @Property({ length: 32 })
  departmentCode!: string;

  @Field(() => String, { nullable: true, description: '受托部门 (委托的变更)' })
  @Property({ length: 32, nullable: true })
  delegateCode!: string | null;

  @Field(() => ID, { nullable: true, description: '报送委托编号' })
  @Property({ type: 'uuid', nullable: true })
  delegationId!: string | null;

  @Field({ description: '操作人 (sub)' })
  @Property()
  actorSub!: string;

  @Field(() => String, { nullable: true, description: '操作单位' })
  @Property({ length: 32, nullable: true })
  actorOrg!: string | null;

  @Field({ description: '时间' })
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: '说明 (依据、撤销原因)' })
  @Property({ type: 'text', nullable: true })
  note!: string | null;
}
