import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { AuthorityKind, CreditList } from '../../../shared/domain/vocabulary';
import './enums';

/**
 * 名单类别 (list-kind catalogue): what a list entry is, who designates it, whether it
 * is repaired here, how it leaves, and the document that establishes it. Defaults in
 * rules/list-kinds.ts; the table is what runs (docs/rules/authority-and-lists.md).
 */
@ObjectType({
  description: '名单类别 (失信被执行人、重大税收违法失信主体 …), with its designating authority and source',
})
@Entity({ tableName: 'list_kind' })
export class ListKind {
  @Field({ description: '类别编码' })
  @PrimaryKey({ length: 48 })
  code!: string;

  @Field(() => CreditList, { description: '所属名单 (红 / 黑 / 重点关注)' })
  @Enum(() => CreditList)
  list!: CreditList;

  @Field({ description: '名称' })
  @Property()
  name!: string;

  @Field(() => AuthorityKind, { description: '认定单位类别' })
  @Enum(() => AuthorityKind)
  authorityKind!: AuthorityKind;

  @Field({ description: '认定单位' })
  @Property()
  authorityName!: string;

  /** The district department that alone designates it here; null: any department (or none, for external kinds). */
  @Property({ length: 32, nullable: true })
  designatorCode!: string | null;

  @Field({ description: '是否在本平台修复 (由认定部门决定，区信用办协调)' })
  @Property()
  repairableHere!: boolean;

  @Field(() => String, { nullable: true, description: '不在本平台修复时，应向何处申请' })
  @Property({ type: 'text', nullable: true })
  turnTo!: string | null;

  @Field({ description: '移出规则' })
  @Property({ type: 'text' })
  removalRule!: string;

  @Field({ description: '设立依据 (文件名称、文号、条款)' })
  @Property({ type: 'text' })
  source!: string;
}
