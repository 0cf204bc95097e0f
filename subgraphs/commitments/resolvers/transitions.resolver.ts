import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { textArgument as text } from '../../../shared/graphql/arguments';
import { COMMITMENT_NAME_LENGTH } from '../../../shared/graphql/input-limits';
import { DateScalar } from '../../../shared/graphql/scalars';
import { Commitment } from '../entities/commitment';
import type { CommitmentsContext } from '../loaders';
import { fulfilCommitment, recordBreach, withdrawCommitment } from '../services/close-commitment';

@Resolver(() => Commitment)
export class CommitmentTransitionsResolver {
  @Mutation(() => Commitment, {
    nullable: true,
    description: '履约 (commitments:write): IN_EFFECT → FULFILLED, by the accepting department or the credit office',
  })
  @RequiresScopes([SCOPES.commitmentsWrite])
  fulfilCommitment(
    @Ctx() ctx: CommitmentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('note', { description: '履约情况' }) note: string,
  ): Promise<Commitment> {
    return fulfilCommitment(ctx, id, text('note', note));
  }

  @Mutation(() => Commitment, {
    nullable: true,
    description:
      '记录违诺 (commitments:write): IN_EFFECT → BREACHED, with the evidence; publishes commitment.breached in the same transaction',
  })
  @RequiresScopes([SCOPES.commitmentsWrite])
  recordCommitmentBreach(
    @Ctx() ctx: CommitmentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('evidence', { description: '违诺证据 (文书号或材料编号)' }) evidence: string,
    @Arg('breachedOn', () => DateScalar, { description: '违诺日期 (between the signing day and today)' })
    breachedOn: string,
  ): Promise<Commitment> {
    return recordBreach(ctx, id, text('evidence', evidence, COMMITMENT_NAME_LENGTH), breachedOn);
  }

  @Mutation(() => Commitment, {
    nullable: true,
    description: '撤回 (commitments:write): IN_EFFECT → WITHDRAWN, with the reason',
  })
  @RequiresScopes([SCOPES.commitmentsWrite])
  withdrawCommitment(
    @Ctx() ctx: CommitmentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: '撤回原因' }) reason: string,
  ): Promise<Commitment> {
    return withdrawCommitment(ctx, id, text('reason', reason));
  }
}
