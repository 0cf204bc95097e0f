import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../shared/graphql/scalars';

@InputType({ description: '签署信用承诺 (受理部门记录), optionally with contract terms (信用承诺+契约)' })
export class SignCommitmentInput {
  @Field(() => ID, { description: '承诺主体 (Subject id)' })
  subjectId!: string;

  @Field({ description: '承诺人名称' })
  signatoryName!: string;

  @Field(() => String, { nullable: true, description: '承诺人统一社会信用代码; omitted for a natural person' })
  signatoryUscc?: string | null;

  @Field({ description: '承诺书样本编号' })
  templateCode!: string;

  @Field(() => String, { nullable: true, description: '承诺事项; default the template’s' })
  matter?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '承诺有效期至 (not before today); null = 长期' })
  validUntil?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '网上公示; default true (a repair commitment is always publicized)',
  })
  publicized?: boolean | null;

  @Field(() => String, { nullable: true, description: '契约: 承诺义务' })
  obligations?: string | null;

  @Field(() => String, { nullable: true, description: '契约: 约定的违约后果' })
  breachConsequence?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '契约期限至 (not before the signing day)' })
  termEndsOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '受理部门的文书 / 业务编号: signing again with it returns the commitment already made',
  })
  reference?: string | null;
}
