import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { CommitmentKind } from '../../../shared/domain/vocabulary';
import './enums';

/** A template's text lives in its versions (CommitmentTemplateVersion); the text field reads the current one. */
@ObjectType({ description: '信用承诺书样本 (§8: 各部门结合行业特点制定)' })
@Entity({ tableName: 'commitment_template' })
export class CommitmentTemplate {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '样本编号' })
  @Property({ length: 32, unique: true })
  code!: string;

  @Field(() => CommitmentKind, { description: '承诺类别' })
  @Enum(() => CommitmentKind)
  kind!: CommitmentKind;

  @Field(() => String, { nullable: true, description: '适用行业 (GB/T 4754 门类名称); null = 所有行业' })
  @Property({ nullable: true })
  industry!: string | null;

  @Field({ description: '样本名称' })
  @Property()
  title!: string;

  @Field({ description: '承诺事项' })
  @Property()
  matter!: string;

  /** 制定部门; resolved to a Department. Only it (or the credit office) publishes new versions. */
  @Property({ length: 32 })
  issuedByCode!: string;
}
