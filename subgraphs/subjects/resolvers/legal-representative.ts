import { Field, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';

@ObjectType({ description: '法定代表人 / 负责人' })
export class LegalRepresentative {
  @Field({ description: '姓名' })
  name!: string;

  @Field(() => String, { nullable: true, description: '居民身份证号 (masked, e.g. 320502********1234, unless the caller holds credit:pii)' })
  @RequiresScopes([SCOPES.read])
  idNumber!: string | null;
}
