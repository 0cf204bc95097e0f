import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { CommitmentKind, CommitmentStatus } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import './enums';

@ObjectType({ description: '信用承诺' })
@Entity({ tableName: 'commitment' })
@Index({ properties: ['subjectId'] })
@Index({ properties: ['publicized', 'signedAt'] })
@Unique({ properties: ['departmentCode', 'reference'] })
export class Commitment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  /** 承诺人名称 as signed; exposed through signatoryName (masked for a natural person). */
  @Property()
  signatoryName!: string;

  @Field(() => String, { nullable: true, description: '承诺人统一社会信用代码; null for a natural person' })
  @Property({ length: 18, nullable: true })
  signatoryUscc!: string | null;

  @Property({ type: 'uuid' })
  templateId!: string;

  /** The exact template version signed; it never changes when the template gets a new one. */
  @Property({ type: 'uuid' })
  templateVersionId!: string;

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

  /** Stored status; the status field reads it through effectiveStatus (expiry). */
  @Enum(() => CommitmentStatus)
  status!: CommitmentStatus;

  @Field({ description: '是否网上公示' })
  @Property()
  publicized!: boolean;

  /** 受理部门; resolved to a Department. */
  @Property({ length: 32 })
  departmentCode!: string;

  /** 受理部门的文书 / 业务编号: signing again with the same one returns this commitment. */
  @Property({ length: 64, nullable: true })
  reference!: string | null;

  /** 契约: the obligations undertaken (null: a plain commitment). */
  @Property({ type: 'text', nullable: true })
  obligations!: string | null;

  /** 契约: the consequence agreed for a breach. */
  @Property({ type: 'text', nullable: true })
  breachConsequence!: string | null;

  /** 契约期限至 (inclusive). */
  @Property({ type: 'date', nullable: true })
  termEndsOn!: string | null;

  /** 违诺日期, once breached. */
  @Property({ type: 'date', nullable: true })
  breachedOn!: string | null;
}
