import { Field, ObjectType } from 'type-graphql';
import { Audited, RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import type { SubjectCodes } from '../../../shared/auth/self';
import { AuditClass } from '../../../shared/domain/vocabulary';

@ObjectType({ description: '法定代表人 / 负责人' })
export class LegalRepresentative {
  @Field({ description: '姓名' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      '法定代表人证件类型 (身份证、护照号、港澳居民来往内地通行证、台湾居民来往大陆通行证、外国人永久居留身份证 or 其他-…)',
  })
  idType!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '法定代表人证件号码 (masked, e.g. 320502********1234 or H1*****78, unless the caller holds credit:pii)',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Audited([[SCOPES.pii], [SCOPES.self]], AuditClass.PII)
  idNumber!: string | null;

  /** Whose representative this is (not a GraphQL field): the subject itself reads it through subject:self (selfChecks). */
  of!: SubjectCodes;
}
