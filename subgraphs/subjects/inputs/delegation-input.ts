import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../../../shared/graphql/scalars';

@InputType({ description: '设立报送委托' })
export class DelegationInput {
  @Field({ description: '委托机关 (部门代码): the authority named in the records' })
  authority!: string;

  @Field({ description: '受托报送部门 (部门代码)' })
  delegate!: string;

  @Field({ description: '委托事由及依据 (e.g. 委托书文号)' })
  basis!: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期自 (含); default today' })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '有效期至 (含); null = 至撤销' })
  validUntil?: string | null;
}
