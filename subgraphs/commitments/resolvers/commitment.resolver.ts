import { Arg, Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { likePattern } from '../../../shared/graphql/arguments';
import { connectionType, PageArgs, resolvePage, toConnection } from '../../../shared/graphql/pagination';
import { DepartmentRef, SubjectRef } from '../entities/stubs';
import { Commitment } from '../entities/commitment';
import { CommitmentTemplate } from '../entities/commitment-template';
import type { CommitmentsContext } from '../loaders';

@ObjectType({ description: '信用承诺分页' })
export class CommitmentConnection extends connectionType(Commitment) {}

@Resolver(() => Commitment)
export class CommitmentResolver {
  @Query(() => CommitmentConnection, { description: '“信用姑苏”信用承诺公示 (§8: 信用承诺书网上公示; newest first)' })
  async publicCommitments(
    @Ctx() ctx: CommitmentsContext,
    @Args() pageArgs: PageArgs,
    @Arg('search', () => String, { nullable: true, description: '承诺人名称或承诺事项关键字' }) search?: string | null,
  ): Promise<CommitmentConnection> {
    const page = resolvePage(pageArgs);
    const term = search?.trim() ?? '';
    const pattern = likePattern(term);
    const where =
      term === ''
        ? { publicized: true }
        : { publicized: true, $or: [{ signatoryName: { $ilike: pattern } }, { matter: { $ilike: pattern } }] };
    const [nodes, total] = await ctx.em.findAndCount(Commitment, where, {
      orderBy: { signedAt: 'desc', id: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return toConnection(nodes, total, page);
  }

  @FieldResolver(() => CommitmentTemplate, { nullable: true, description: '所用承诺书样本' })
  template(@Root() commitment: Commitment, @Ctx() ctx: CommitmentsContext): Promise<CommitmentTemplate | null> {
    return ctx.loaders.templateById.load(commitment.templateId);
  }

  @FieldResolver(() => DepartmentRef, { description: '受理部门' })
  department(@Root() commitment: Commitment): DepartmentRef {
    return { code: commitment.departmentCode };
  }

  @FieldResolver(() => SubjectRef, { description: '承诺主体' })
  subject(@Root() commitment: Commitment): SubjectRef {
    return { id: commitment.subjectId };
  }
}

@Resolver(() => CommitmentTemplate)
export class CommitmentTemplateResolver {
  @Query(() => [CommitmentTemplate], { description: '信用承诺书样本' })
  commitmentTemplates(@Ctx() ctx: CommitmentsContext): Promise<CommitmentTemplate[]> {
    return ctx.em.find(CommitmentTemplate, {}, { orderBy: { code: 'asc' } });
  }

  @FieldResolver(() => DepartmentRef, { description: '制定部门' })
  issuedBy(@Root() template: CommitmentTemplate): DepartmentRef {
    return { code: template.issuedByCode };
  }
}
