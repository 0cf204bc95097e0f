import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../../../shared/graphql/scalars';
import { UpperListMode } from '../rules/upper-list';

@InputType({ description: '上级下发名单的一个条目, as the issuer sends it' })
export class UpperListEntryInput {
  @Field({
    description: '来源编号: the issuer’s own id of the entry (案号、记录编号); one entry per source, kind and id',
  })
  sourceKey!: string;

  @Field({ description: '统一社会信用代码' })
  uscc!: string;

  @Field({ description: '主体名称 (as listed)' })
  name!: string;

  @Field(() => DateScalar, { description: '认定日期 (纳入、确定的日期)' })
  decidedOn!: string;

  @Field({ description: '认定文书号' })
  documentNumber!: string;

  @Field({ description: '认定单位 (e.g. 苏州市中级人民法院, 国家税务总局苏州市税务局稽查局)' })
  authority!: string;

  @Field({ description: '列入事由' })
  reason!: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期至 (含); null = 至来源移出' })
  validUntil?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: 来源已将其移出 (CHANGES 的移出条目; in a SNAPSHOT, like leaving it out)',
  })
  removed?: boolean | null;
}

@InputType({ description: '导入国家、省下发的联合惩戒对象名单 (lists:import)' })
export class ImportUpperLevelListInput {
  @Field({ description: '来源平台代码 (e.g. credit-china 信用中国, jiangsu-province 江苏省公共信用信息平台)' })
  sourcePlatform!: string;

  @Field({
    description: '名单类别 (listKinds): one whose designating authority is upper-level (COURT, TAX, UPPER_PLATFORM)',
  })
  listKind!: string;

  @Field(() => UpperListMode, { description: '导入方式' })
  mode!: UpperListMode;

  @Field(() => [UpperListEntryInput], { description: '条目 (at most 10,000 per call)' })
  entries!: UpperListEntryInput[];
}
