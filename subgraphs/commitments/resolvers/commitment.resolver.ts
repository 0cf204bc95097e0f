import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Audited, RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { hasScope } from '../../../shared/auth/principal';
import { isSelfSubjectId } from '../../../shared/auth/self';
import { CommitmentStatus } from '../../../shared/domain/vocabulary';
import { idArgument } from '../../../shared/graphql/arguments';
import { Commitment } from '../entities/commitment';
import { CommitmentContract } from '../entities/commitment-contract';
import { CommitmentEvent } from '../entities/commitment-event';
import { CommitmentTemplate } from '../entities/commitment-template';
import { CommitmentTemplateVersion } from '../entities/commitment-template-version';
import { DepartmentRef, SubjectRef } from '../entities/stubs';
import type { CommitmentsContext } from '../loaders';
import { signatoryNameFor } from '../rules/mask-name';
import { effectiveStatus } from '../rules/transitions';

@Resolver(() => Commitment)
export class CommitmentResolver {
  @Query(() => Commitment, { nullable: true, description: '按 id 查询信用承诺 (credit:read); null when unknown' })
  @RequiresScopes([SCOPES.read])
  commitment(@Ctx() ctx: CommitmentsContext, @Arg('id', () => ID) id: string): Promise<Commitment | null> {
    return ctx.loaders.commitmentById.load(idArgument('id', id, 'a commitment'));
  }

  @FieldResolver(() => CommitmentStatus, {
    description: '履约状态 (EXPIRED once an in-effect commitment is past its validity)',
  })
  status(@Root() commitment: Commitment, @Ctx() ctx: CommitmentsContext): CommitmentStatus {
    return effectiveStatus(commitment, ctx.loaders.today);
  }

  @FieldResolver(() => String, {
    description:
      '承诺人名称 (a natural person’s is masked, e.g. 张*, without credit:read, except to the subject itself)',
  })
  @Audited([[SCOPES.read], [SCOPES.self]])
  signatoryName(@Root() commitment: Commitment, @Ctx() ctx: CommitmentsContext): string {
    return signatoryNameFor(
      { name: commitment.signatoryName, uscc: commitment.signatoryUscc },
      hasScope(ctx.principal, SCOPES.read) || isSelfSubjectId(ctx.principal, commitment.subjectId),
    );
  }

  @FieldResolver(() => CommitmentTemplate, { nullable: true, description: '所用承诺书样本' })
  template(@Root() commitment: Commitment, @Ctx() ctx: CommitmentsContext): Promise<CommitmentTemplate | null> {
    return ctx.loaders.templateById.load(commitment.templateId);
  }

  @FieldResolver(() => CommitmentTemplateVersion, {
    nullable: true,
    description: '签署时的样本版本 (kept when the template gets a new one)',
  })
  templateVersion(
    @Root() commitment: Commitment,
    @Ctx() ctx: CommitmentsContext,
  ): Promise<CommitmentTemplateVersion | null> {
    return ctx.loaders.versionById.load(commitment.templateVersionId);
  }

  @FieldResolver(() => CommitmentContract, {
    nullable: true,
    description: '信用承诺+契约: 契约条款 (credit:read, or the subject itself); null for a plain commitment',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  contract(@Root() commitment: Commitment): CommitmentContract | null {
    if (commitment.obligations === null || commitment.breachConsequence === null) return null;
    return {
      obligations: commitment.obligations,
      breachConsequence: commitment.breachConsequence,
      termEndsOn: commitment.termEndsOn,
    };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '受理部门的文书 / 业务编号 (credit:read, or the subject itself)',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  reference(@Root() commitment: Commitment): string | null {
    return commitment.reference;
  }

  @FieldResolver(() => [CommitmentEvent], {
    nullable: true,
    description: '历史 (credit:read, or the subject itself), oldest first',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  history(@Root() commitment: Commitment, @Ctx() ctx: CommitmentsContext): Promise<CommitmentEvent[]> {
    return ctx.loaders.historyByCommitment.load(commitment.id);
  }

  @FieldResolver(() => DepartmentRef, {
    nullable: true,
    description:
      '受理部门 (null only when the subjects subgraph is unavailable, with an error: the rest of the answer survives)',
  })
  department(@Root() commitment: Commitment): DepartmentRef {
    return { code: commitment.departmentCode };
  }

  @FieldResolver(() => SubjectRef, {
    nullable: true,
    description:
      '承诺主体 (null only when the subjects subgraph is unavailable, with an error: the rest of the answer survives)',
  })
  subject(@Root() commitment: Commitment): SubjectRef {
    return { id: commitment.subjectId };
  }
}
