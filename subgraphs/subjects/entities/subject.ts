import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { SubjectKind, SubjectStatus } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import { PUBLIC_NAME_SQL } from '../../../shared/identifiers/person-name';
import './enums';

@ObjectType({ description: '信用主体 / 市场主体' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'subject' })
// The order subjects(search) pages in, as staff see names and as the public does (repositories/subject-search.ts).
@Index({ name: 'subject_name_id_idx', properties: ['name', 'id'] })
@Index({
  name: 'subject_public_name_id_idx',
  expression: `create index "subject_public_name_id_idx" on "subjects"."subject" (${PUBLIC_NAME_SQL}, "id")`,
})
export class Subject {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 (GB 32100-2015); null for natural persons' })
  @Property({ length: 18, nullable: true, unique: true })
  uscc!: string | null;

  /** 证件号码 of a natural person (居民身份证号 or another 证件类型); PII, exposed by the subject resolver (masked without credit:pii, whole to the person itself). */
  @Property({ length: 32, nullable: true, unique: true })
  idNumber!: string | null;

  /** 证件类型 of a natural person as shown (身份证, 护照号 … 其他-军官证); null before issue 13 = 身份证. */
  @Property({ length: 24, nullable: true })
  idType!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '行政相对人代码_2 工商注册号 (an 个体工商户 without a USCC is known by it)',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ length: 15, nullable: true, unique: true })
  registrationNo!: string | null;

  @Field(() => String, { nullable: true, description: '行政相对人代码_3 组织机构代码 (GB 11714)' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ length: 9, nullable: true })
  orgCode!: string | null;

  @Field(() => String, { nullable: true, description: '行政相对人代码_4 税务登记号' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ length: 20, nullable: true })
  taxRegistrationNo!: string | null;

  @Field(() => String, { nullable: true, description: '行政相对人代码_5 事业单位证书号' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ length: 64, nullable: true })
  institutionCertificateNo!: string | null;

  @Field(() => String, { nullable: true, description: '行政相对人代码_6 社会组织登记证号' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ length: 64, nullable: true })
  socialOrgRegistrationNo!: string | null;

  /** 名称: exposed by the subject resolver, which masks a natural person's for the public. */
  @Index({
    name: 'subject_name_trgm_idx',
    expression: 'create index "subject_name_trgm_idx" on "subjects"."subject" using gin ("name" public.gin_trgm_ops)',
  })
  @Index({
    name: 'subject_public_name_trgm_idx',
    expression: `create index "subject_public_name_trgm_idx" on "subjects"."subject" using gin (${PUBLIC_NAME_SQL} public.gin_trgm_ops)`,
  })
  @Property()
  name!: string;

  @Field(() => SubjectKind, { description: '主体类别' })
  @Enum(() => SubjectKind)
  kind!: SubjectKind;

  @Field(() => SubjectStatus, { description: '登记状态' })
  @Enum(() => SubjectStatus)
  status!: SubjectStatus;

  /** 法定代表人 / 负责人; exposed as legalRepresentative. */
  @Property({ nullable: true })
  legalRepName!: string | null;

  /** 法定代表人证件号码: PII, exposed as legalRepresentative.idNumber. */
  @Property({ length: 32, nullable: true })
  legalRepIdNumber!: string | null;

  /** 法定代表人证件类型 as shown (身份证 …); exposed as legalRepresentative.idType. */
  @Property({ length: 24, nullable: true })
  legalRepIdType!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '注册地址 / 住所 (null when the caller may not read it, or unknown for a subject first met in a report)',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ nullable: true })
  registeredAddress!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '街道 of the registered address (subjects.street_gazetteer, derived when the address is written); null outside 姑苏区 or on a road the gazetteer does not know',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ length: 16, nullable: true })
  street!: string | null;

  @Field(() => String, { nullable: true, description: '行政区划代码 (320508 = 姑苏区)' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ length: 6 })
  divisionCode!: string;

  @Field(() => String, { nullable: true, description: '所属行业 (GB/T 4754)' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ nullable: true })
  industry!: string | null;

  @Field(() => DateScalar, { nullable: true, description: '成立日期' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ type: 'date', nullable: true })
  establishedOn!: string | null;
}
