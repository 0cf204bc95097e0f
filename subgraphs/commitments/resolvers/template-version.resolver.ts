import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { actingOrg, requireOwner } from '../../../shared/auth/ownership';
import { SCOPES } from '../../../shared/auth/policy';
import { textArgument as text } from '../../../shared/graphql/arguments';
import { notFound } from '../../../shared/graphql/errors';
import { TEMPLATE_TEXT_LENGTH } from '../../../shared/graphql/input-limits';
import { forget } from '../../../shared/workflow/forget';
import { CommitmentTemplate } from '../entities/commitment-template';
import { CommitmentTemplateVersion } from '../entities/commitment-template-version';
import type { CommitmentsContext } from '../loaders';
import { nextVersion } from '../rules/template-version';

@Resolver(() => CommitmentTemplateVersion)
export class TemplateVersionResolver {
  @Mutation(() => CommitmentTemplateVersion, {
    nullable: true,
    description:
      '发布承诺书样本新版本 (commitments:write): by the issuing department or the credit office, effective today; commitments already signed keep theirs. Publishing the current text again returns the current version.',
  })
  @RequiresScopes([SCOPES.commitmentsWrite])
  async publishTemplateVersion(
    @Ctx() ctx: CommitmentsContext,
    @Arg('templateCode', { description: '样本编号' }) templateCode: string,
    @Arg('text', { description: '承诺书正文' }) rawText: string,
  ): Promise<CommitmentTemplateVersion> {
    const org = actingOrg(ctx.principal, 'a template version');
    const code = text('templateCode', templateCode, 32);
    const body = text('text', rawText, TEMPLATE_TEXT_LENGTH);
    return ctx.em
      .transactional(async (em) => {
        // The template row is the lock: two publications of one template number their versions one after the other.
        const template = await em.findOne(CommitmentTemplate, { code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!template) throw notFound(`no commitment template ${code}`, 'templateCode');
        requireOwner(ctx.principal, template.issuedByCode, `template ${code}`);
        const next = nextVersion(await em.find(CommitmentTemplateVersion, { templateId: template.id }), body);
        if ('repeat' in next) return next.repeat;
        const version = em.create(CommitmentTemplateVersion, {
          id: randomUUID(),
          templateId: template.id,
          version: next.version,
          text: body,
          effectiveFrom: ctx.loaders.today,
          publishedAt: new Date(),
          publishedByOrg: org,
        });
        em.persist(version);
        return version;
      })
      .finally(() => forget(ctx.loaders));
  }
}
