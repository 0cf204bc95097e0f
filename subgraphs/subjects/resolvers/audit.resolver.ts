import { Arg, Args, Ctx, Directive, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { PageArgs, Paged } from '../../../shared/graphql/pagination';
import { AuditEvent } from '../entities/audit-event';
import { AuditBatchInput, AuditEventFilter } from '../inputs/audit-inputs';
import type { SubjectsContext } from '../loaders';
import { findAuditEvents, recordAuditEvents } from '../services/audit-log';
import { AuditEventConnection } from '../types/connections';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Mutation(() => Int, {
    nullable: true,
    description:
      '记录查询审计: the gateway only, on its own account; not part of the public graph (@inaccessible); one batch per request, several requests at once',
  })
  @RequiresScopes([SCOPES.auditWrite])
  @Directive('@inaccessible')
  recordAuditEvents(
    @Ctx() ctx: SubjectsContext,
    @Arg('batches', () => [AuditBatchInput]) batches: AuditBatchInput[],
  ): Promise<number> {
    return recordAuditEvents(ctx, batches);
  }

  @Paged()
  @Query(() => AuditEventConnection, { nullable: true, description: '查询审计记录 (newest first)' })
  @RequiresScopes([SCOPES.auditRead])
  auditEvents(
    @Ctx() ctx: SubjectsContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
  ): Promise<AuditEventConnection> {
    return findAuditEvents(ctx, pageArgs, filter ?? null);
  }
}
