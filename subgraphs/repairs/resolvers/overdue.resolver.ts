import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { RepairStatus } from '../../../shared/domain/vocabulary';
import { idArgument } from '../../../shared/graphql/arguments';
import { badUserInput } from '../../../shared/graphql/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, resolvePage } from '../../../shared/graphql/pagination';
import { SizedBy } from '../../../shared/graphql/sized-by';
import { RepairCase } from '../entities/repair-case';
import type { RepairsContext } from '../loaders';
import { actorOf } from '../rules/access';

@Resolver()
export class OverdueResolver {
  /**
   * A plain list paged by the last case seen: a connection's `nodes` would be a
   * protected field (RepairCase needs credit:read) on a type no public field reaches.
   */
  @SizedBy('first')
  @Query(() => [RepairCase], {
    nullable: true,
    description:
      '超期的信用修复案件 (repairs:handle; a department sees the cases it handles, the credit office all), oldest application first',
  })
  @RequiresScopes([SCOPES.repairsHandle])
  async overdueRepairCases(
    @Ctx() ctx: RepairsContext,
    @Arg('first', () => Int, { nullable: true, description: `条数 (0–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE})` })
    first?: number | null,
    @Arg('after', () => ID, { nullable: true, description: '上一页最后一个案件的 id' }) after?: string | null,
  ): Promise<RepairCase[]> {
    const { limit } = resolvePage({ first });
    const actor = actorOf(ctx.principal);
    if (!actor.office && actor.org === null) return [];
    const today = ctx.loaders.today;
    let from: { submittedAt: Date; id: string } | null = null;
    if (after != null) {
      from = await ctx.em.findOne(RepairCase, { id: idArgument('after', after, 'a repair case') });
      if (!from) throw badUserInput('after', `'after' names no repair case: ${after}`);
    }
    // The SQL form of rules/deadlines.ts isOverdue, so the database pages the result.
    return ctx.em.find(
      RepairCase,
      {
        $and: [
          {
            $or: [
              { status: RepairStatus.SUBMITTED, intakeDueOn: { $lt: today } },
              { status: RepairStatus.ACCEPTED, decisionDueOn: { $lt: today } },
            ],
          },
          from === null
            ? {}
            : {
                $or: [
                  { submittedAt: { $gt: from.submittedAt } },
                  { submittedAt: from.submittedAt, id: { $gt: from.id } },
                ],
              },
        ],
        ...(actor.office ? {} : { handledByCode: actor.org }),
      },
      { orderBy: { submittedAt: 'asc', id: 'asc' }, limit },
    );
  }
}
