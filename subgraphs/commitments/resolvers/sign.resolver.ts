import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { Commitment } from '../entities/commitment';
import { SignCommitmentInput } from '../inputs/sign-commitment.input';
import type { CommitmentsContext } from '../loaders';
import { signCommitment } from '../services/sign-commitment';

@Resolver(() => Commitment)
export class SignCommitmentResolver {
  @Mutation(() => Commitment, {
    nullable: true,
    description:
      '签署信用承诺 (commitments:write): recorded by the accepting department (the token’s org). Signing again with the same reference returns the commitment already made.',
  })
  @RequiresScopes([SCOPES.commitmentsWrite])
  signCommitment(
    @Ctx() ctx: CommitmentsContext,
    @Arg('input', () => SignCommitmentInput) input: SignCommitmentInput,
  ): Promise<Commitment> {
    return signCommitment(ctx, input);
  }
}
