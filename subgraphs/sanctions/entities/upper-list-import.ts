import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UpperListMode } from '../rules/upper-list';

/** Whether an import was applied, or refused for its rows (nothing written but this record). */
export enum UpperListImportStatus {
  APPLIED = 'APPLIED',
  REJECTED = 'REJECTED',
}

registerEnumType(UpperListMode, {
  name: 'UpperListMode',
  description: '导入方式: SNAPSHOT 全量 (来源的整份名单, 未列出的条目移出); CHANGES 增量 (新增、变更及标明移出的条目)',
});
registerEnumType(UpperListImportStatus, {
  name: 'UpperListImportStatus',
  description: 'APPLIED 已导入; REJECTED 有行未通过校验, 未写入任何条目',
});

/** 上级名单导入记录: one row per importUpperLevelList call, written in its transaction. */
@ObjectType({ description: '上级下发名单导入记录 (国家、省下发的联合惩戒对象名单)' })
@Entity({ tableName: 'upper_list_import' })
@Index({ properties: ['importedAt'] })
export class UpperListImport {
  @Field(() => ID, { description: '导入编号' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '导入时间' })
  @Property({ type: 'datetime' })
  importedAt!: Date;

  @Field({ description: '导入人 (token sub)' })
  @Property()
  importedBySub!: string;

  @Field(() => String, { nullable: true, description: '导入单位 (org); null for a platform’s service token' })
  @Property({ length: 32, nullable: true })
  importedByOrg!: string | null;

  @Field({ description: '来源平台' })
  @Property({ length: 64 })
  sourcePlatform!: string;

  @Field({ description: '名单类别 (listKinds)' })
  @Property({ length: 48 })
  listKind!: string;

  @Field(() => UpperListMode, { description: '导入方式' })
  @Enum(() => UpperListMode)
  mode!: UpperListMode;

  @Field(() => UpperListImportStatus, { description: '结果' })
  @Enum(() => UpperListImportStatus)
  status!: UpperListImportStatus;

  @Field(() => Int, { description: '收到的条目数' })
  @Property()
  received!: number;

  @Field(() => Int, { description: '新增 (含曾被移出、再次下发的条目)' })
  @Property()
  added!: number;

  @Field(() => Int, { description: '变更' })
  @Property()
  changed!: number;

  @Field(() => Int, { description: '移出' })
  @Property()
  removed!: number;

  @Field(() => Int, { description: '未变' })
  @Property()
  unchanged!: number;

  @Field(() => Int, { description: '未收录: 本区主体库中无此统一社会信用代码的主体' })
  @Property()
  skipped!: number;

  @Field(() => Int, { description: '未通过校验的行数 (任何一行未通过, 整份不导入)' })
  @Property()
  rejected!: number;
}
