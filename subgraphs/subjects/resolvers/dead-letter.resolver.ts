import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { SizedBy } from '../../../shared/graphql/sized-by';
import type { SubjectsContext } from '../loaders';
import { listDeadLetters } from '../services/dead-letters';
import { DeadLetter } from '../types/dead-letter';

@Resolver()
export class DeadLetterResolver {
  @SizedBy('first')
  @Query(() => [DeadLetter], {
    nullable: true,
    description: '事件死信列表 (newest first; the credit office: audit:read)',
  })
  @RequiresScopes([SCOPES.auditRead])
  eventDeadLetters(
    @Ctx() ctx: SubjectsContext,
    @Arg('first', () => Int, { defaultValue: 50, description: '条数 (1–500)' }) first: number,
  ): Promise<DeadLetter[]> {
    return listDeadLetters(ctx, first);
  }
}
