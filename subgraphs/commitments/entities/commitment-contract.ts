import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/graphql/scalars';

/** The contract terms of a “信用承诺+契约” commitment, as agreed at signing. */
@ObjectType({ description: '信用承诺+契约: 契约条款' })
export class CommitmentContract {
  @Field({ description: '承诺义务' })
  obligations!: string;

  @Field({ description: '违约后果 (约定的违诺责任)' })
  breachConsequence!: string;

  @Field(() => DateScalar, { nullable: true, description: '契约期限至; null = 与承诺同期' })
  termEndsOn!: string | null;
}
