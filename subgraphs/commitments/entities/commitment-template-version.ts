import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/graphql/scalars';

/** One text of a template; a commitment keeps the version it was signed on. */
@ObjectType({ description: '承诺书样本版本' })
@Entity({ tableName: 'commitment_template_version' })
@Unique({ properties: ['templateId', 'version'] })
export class CommitmentTemplateVersion {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  templateId!: string;

  @Field(() => Int, { description: '版本号 (1, 2, …)' })
  @Property()
  version!: number;

  @Field({ description: '承诺书正文' })
  @Property({ type: 'text' })
  text!: string;

  @Field(() => DateScalar, { description: '生效日期' })
  @Property({ type: 'date' })
  effectiveFrom!: string;

  /** When and by which department it was published; null for versions migrated or seeded. */
  @Property({ type: 'datetime', nullable: true })
  publishedAt!: Date | null;

  @Property({ length: 32, nullable: true })
  publishedByOrg!: string | null;
}
