import { Field, ObjectType } from 'type-graphql';
import { Audited, RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { AuditClass } from '../../../shared/domain/vocabulary';

@ObjectType({ description: '法定代表人 / 负责人' })
export class LegalRepresentative {
  @Field({ description: '姓名' })
  name!: string;

  @Field(() => String, { nullable: true, description: '居民身份证号 (masked, e.g. 320502********1234, unless the caller holds credit:pii)' })
  @RequiresScopes([SCOPES.read])
  @Audited([[SCOPES.pii]], AuditClass.PII)
  idNumber!: string | null;
}
