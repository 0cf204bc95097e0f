import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import type { LineRules } from '../rules/catalogue';
import { RecordKind } from './enums';

/**
 * 目录条目: one receiver gets one kind of record, these fields (null = every field the producer sends),
 * under these rules (rules/catalogue.ts: includeIdNumber, includeMinor, lists, authorityKinds).
 */
@ObjectType({ description: '共享交换目录条目: 接收方 × 信息类别, 共享字段与规则' })
@Entity({ tableName: 'catalogue_line' })
@Unique({ properties: ['versionId', 'receiverCode', 'kind'] })
export class CatalogueLine {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid' })
  versionId!: string;

  @Field({ description: '接收方代码' })
  @Property({ type: 'text' })
  receiverCode!: string;

  @Field(() => RecordKind, { description: '信息类别' })
  @Enum({ items: () => RecordKind, type: 'text' })
  kind!: RecordKind;

  @Field(() => [String], { nullable: true, description: '共享字段 (空 = 报送方提供的全部字段, 身份证号仍按规则)' })
  @Property({ type: 'text[]', nullable: true })
  fields!: string[] | null;

  @Field(() => GraphQLJSONObject, {
    description:
      '规则: includeIdNumber 是否含身份证号, includeMinor 轻微失信是否不论公示一律共享, lists 名单类别, authorityKinds 认定单位类别',
  })
  @Property({ type: 'json' })
  rules!: LineRules;
}
