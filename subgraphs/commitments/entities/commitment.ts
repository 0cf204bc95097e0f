import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { CommitmentKind, CommitmentStatus } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import './enums';

@ObjectType({ description: '信用承诺' })
@Entity({ tableName: 'commitment' })
@Index({ properties: ['subjectId'] })
@Index({ properties: ['publicized', 'signedAt'] })
export class Commitment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  /** 承诺人名称 as signed. */
  @Property()
  signatoryName!: string;

  /** 承诺人统一社会信用代码 as signed. */
  @Property({ length: 18, nullable: true })
  signatoryUscc!: string | null;

  @Property({ type: 'uuid' })
  templateId!: string;

  @Field(() => CommitmentKind, { description: '承诺类别' })
  @Enum(() => CommitmentKind)
  kind!: CommitmentKind;

  @Field({ description: '承诺事项' })
  @Property()
  matter!: string;

  @Field(() => DateScalar, { description: '签署日期' })
  @Property({ type: 'date' })
  signedAt!: string;

  @Field(() => DateScalar, { nullable: true, description: '承诺有效期至; null = 长期' })
  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;

  @Field(() => CommitmentStatus, { description: '履约状态' })
  @Enum(() => CommitmentStatus)
  status!: CommitmentStatus;

  @Field({ description: '是否网上公示' })
  @Property()
  publicized!: boolean;

  /** 受理部门; resolved to a Department. */
  @Property({ length: 32 })
  departmentCode!: string;
}
