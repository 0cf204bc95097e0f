import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/graphql/scalars';

/**
 * 报送委托: the credit office lets one department (the delegate) report, and
 * revoke, records in the name of another (the authority, 处罚/许可机关). Without
 * one, a department reports only as itself.
 */
@ObjectType({ description: '报送委托 (区信用办授权一个部门以另一机关名义报送)' })
@Entity({ tableName: 'reporting_delegation' })
@Index({ properties: ['delegateCode', 'authorityCode'] })
export class ReportingDelegation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '委托机关 (部门代码): the authority named in the records' })
  @Property({ length: 32 })
  authorityCode!: string;

  @Field({ description: '受托报送部门 (部门代码)' })
  @Property({ length: 32 })
  delegateCode!: string;

  @Field({ description: '委托事由及依据 (e.g. 委托书文号)' })
  @Property({ type: 'text' })
  basis!: string;

  @Field(() => DateScalar, { description: '有效期自 (含)' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期至 (含); null = 至撤销' })
  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;

  @Field({ description: '设立人 (sub)' })
  @Property()
  createdBy!: string;

  @Field({ description: '设立时间' })
  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: '撤销时间' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '撤销人 (sub)' })
  @Property({ nullable: true })
  revokedBy!: string | null;

  @Field(() => String, { nullable: true, description: '撤销原因' })
  @Property({ type: 'text', nullable: true })
  revocationReason!: string | null;
}
