import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { CommitmentKind } from '../../../shared/domain/vocabulary';
import { CommitmentTemplate } from '../entities/commitment-template';
import { CommitmentTemplateVersion } from '../entities/commitment-template-version';
import { DepartmentRef } from '../entities/stubs';
import type { CommitmentsContext } from '../loaders';
import { currentVersion } from '../rules/template-version';

@Resolver(() => CommitmentTemplate)
export class CommitmentTemplateResolver {
  @Query(() => [CommitmentTemplate], {
    description: '信用承诺书样本, by kind and industry (an industry also gets the templates for all industries)',
  })
  commitmentTemplates(
    @Ctx() ctx: CommitmentsContext,
    @Arg('kind', () => CommitmentKind, { nullable: true, description: '承诺类别' }) kind?: CommitmentKind | null,
    @Arg('industry', () => String, { nullable: true, description: '行业 (GB/T 4754 门类名称)' })
    industry?: string | null,
  ): Promise<CommitmentTemplate[]> {
    const where: FilterQuery<CommitmentTemplate> = {
      ...(kind ? { kind } : {}),
      ...(industry ? { $or: [{ industry: industry.trim() }, { industry: null }] } : {}),
    };
    return ctx.em.find(CommitmentTemplate, where, { orderBy: { code: 'asc' } });
  }

  @FieldResolver(() => String, { description: '承诺书正文 (the current version)' })
  async text(@Root() template: CommitmentTemplate, @Ctx() ctx: CommitmentsContext): Promise<string> {
    return (await this.current(template, ctx))?.text ?? '';
  }

  @FieldResolver(() => Int, { description: '现行版本号' })
  async version(@Root() template: CommitmentTemplate, @Ctx() ctx: CommitmentsContext): Promise<number> {
    return (await this.current(template, ctx))?.version ?? 0;
  }

  @FieldResolver(() => [CommitmentTemplateVersion], { description: '历次版本 (oldest first)' })
  versions(@Root() template: CommitmentTemplate, @Ctx() ctx: CommitmentsContext): Promise<CommitmentTemplateVersion[]> {
    return ctx.loaders.versionsByTemplate.load(template.id);
  }

  @FieldResolver(() => DepartmentRef, {
    nullable: true,
    description:
      '制定部门 (null only when the subjects subgraph is unavailable, with an error: the rest of the answer survives)',
  })
  issuedBy(@Root() template: CommitmentTemplate): DepartmentRef {
    return { code: template.issuedByCode };
  }

  private async current(
    template: CommitmentTemplate,
    ctx: CommitmentsContext,
  ): Promise<CommitmentTemplateVersion | null> {
    return currentVersion(await ctx.loaders.versionsByTemplate.load(template.id));
  }
}
