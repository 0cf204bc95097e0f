import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** 共享交换目录的一个版本: the whole catalogue as published at once; the highest version is in force. */
@ObjectType({ description: '共享交换目录版本 (每次发布整份目录; 最高版本生效)' })
@Entity({ tableName: 'catalogue_version' })
export class CatalogueVersion {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => Int, { description: '版本号 (1, 2, …)' })
  @Property({ type: 'integer' })
  @Unique()
  version!: number;

  @Field({ description: '说明 (依据、变更内容)' })
  @Property({ type: 'text' })
  note!: string;

  @Field({ description: '发布人 (sub)' })
  @Property({ type: 'text' })
  publishedBy!: string;

  @Field({ description: '发布时间' })
  @Property({ type: 'datetime' })
  publishedAt!: Date;
}
