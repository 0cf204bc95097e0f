import { Arg, Args, Ctx, Directive, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { GATEWAY_SERVICE_SUB } from '../../../shared/auth/principal';
import { boundQuery } from '../../../shared/db/bound-query';
import { AuditClass } from '../../../shared/domain/vocabulary';
import { idArgument } from '../../../shared/graphql/arguments';
import { badUserInput, forbidden } from '../../../shared/graphql/errors';
import { connectionType, PageArgs, Paged, resolvePage, toConnection } from '../../../shared/graphql/pagination';
import { AuditEvent } from '../entities/audit-event';
import { SCHEMA } from '../config';
import type { SubjectsContext } from '../loaders';

@InputType({ description: '一次被审计的读取' })
@Directive('@inaccessible')
export class AuditReadInput {
  @Field(() => AuditClass)
  fieldsClass!: AuditClass;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;

  @Field(() => String, { nullable: true })
  uscc?: string | null;

  @Field(() => String, { nullable: true })
  purpose?: string | null;
}

/** Events per call at most: a screening of 10,000 codes records 10,000 codes and up to as many profiles and PII reads, and the gateway sends several requests’ batches together. */
const MAX_EVENTS_PER_CALL = 50_000;

@InputType({ description: '一次请求的查询审计 (written by the gateway): who asked, once, and what was read' })
@Directive('@inaccessible')
export class AuditBatchInput {
  @Field()
  principalSub!: string;

  @Field()
  principalName!: string;

  @Field(() => String, { nullable: true })
  org?: string | null;

  @Field(() => [String])
  roles!: string[];

  @Field()
  requestId!: string;

  @Field(() => String, { nullable: true })
  operationName?: string | null;

  @Field(() => [AuditReadInput])
  reads!: AuditReadInput[];
}

@InputType({ description: '审计查询条件' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: '主体 id' })
  subjectId?: string | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码' })
  uscc?: string | null;

  @Field(() => String, { nullable: true, description: '查询人' })
  principalSub?: string | null;

  @Field(() => String, { nullable: true, description: '查询单位' })
  org?: string | null;

  @Field(() => AuditClass, { nullable: true })
  fieldsClass?: AuditClass | null;

  @Field(() => String, { nullable: true, description: '请求编号 (x-request-id)' })
  requestId?: string | null;

  @Field(() => Date, { nullable: true, description: '自 (含)' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: '至 (不含)' })
  to?: Date | null;
}

@ObjectType({ description: '查询审计分页' })
export class AuditEventConnection extends connectionType(AuditEvent) {}

function clip(value: string | null | undefined, length: number): string | null {
  return value == null ? null : value.slice(0, length);
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Mutation(() => Int, { nullable: true, description: '记录查询审计: the gateway only, on its own account; not part of the public graph (@inaccessible); one batch per request, several requests at once' })
  @RequiresScopes([SCOPES.auditWrite])
  @Directive('@inaccessible')
  async recordAuditEvents(@Ctx() ctx: SubjectsContext, @Arg('batches', () => [AuditBatchInput]) batches: AuditBatchInput[]): Promise<number> {
    // audit:write is never taken from a client's token (policy INTERNAL_SCOPES); the caller must also be the gateway itself.
    if (ctx.principal.sub !== GATEWAY_SERVICE_SUB) throw forbidden('the audit log is written by the gateway only');
    const events = batches.reduce((sum, batch) => sum + batch.reads.length, 0);
    if (events > MAX_EVENTS_PER_CALL) throw badUserInput('batches', `at most ${MAX_EVENTS_PER_CALL} reads per call, got ${events}`);
    // One statement whatever the size (a screening of 10,000 codes is 10,000 events): the batches travel as one JSON parameter.
    const compact = batches.map((batch, b) => ({
      principal_sub: batch.principalSub.slice(0, 255),
      principal_name: batch.principalName.slice(0, 255),
      org: clip(batch.org, 32),
      roles: batch.roles,
      request_id: batch.requestId.slice(0, 64),
      operation_name: clip(batch.operationName, 255),
      reads: batch.reads.map((read) => ({
        fields_class: read.fieldsClass,
        subject_id: read.subjectId ? idArgument(`batches[${b}].reads.subjectId`, read.subjectId, 'a subject') : null,
        uscc: clip(read.uscc, 64),
        purpose: clip(read.purpose, 255),
      })),
    }));
    if (events === 0) return 0;
    await boundQuery(
      ctx.em,
      `insert into ${SCHEMA}.audit_event (id, occurred_at, principal_sub, principal_name, org, roles, fields_class, subject_id, uscc, purpose, request_id, operation_name)
       select gen_random_uuid(), now(), b.principal_sub, b.principal_name, b.org, array(select jsonb_array_elements_text(b.roles)),
              r.fields_class, r.subject_id, r.uscc, r.purpose, b.request_id, b.operation_name
         from jsonb_to_recordset(?::jsonb) as b(principal_sub text, principal_name text, org text, roles jsonb, request_id text, operation_name text, reads jsonb)
        cross join lateral jsonb_to_recordset(b.reads) as r(fields_class text, subject_id uuid, uscc text, purpose text)`,
      [JSON.stringify(compact)],
    );
    return events;
  }

  @Paged()
  @Query(() => AuditEventConnection, { nullable: true, description: '查询审计记录 (newest first)' })
  @RequiresScopes([SCOPES.auditRead])
  async auditEvents(
    @Ctx() ctx: SubjectsContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
  ): Promise<AuditEventConnection> {
    const page = resolvePage(pageArgs);
    const where: FilterQuery<AuditEvent> = {};
    if (filter?.subjectId) where.subjectId = idArgument('filter.subjectId', filter.subjectId, 'a subject');
    if (filter?.uscc) where.uscc = filter.uscc.trim().toUpperCase();
    if (filter?.principalSub) where.principalSub = filter.principalSub;
    if (filter?.org) where.org = filter.org;
    if (filter?.fieldsClass) where.fieldsClass = filter.fieldsClass;
    if (filter?.requestId) where.requestId = filter.requestId;
    if (filter?.from || filter?.to) {
      where.occurredAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    }
    const [nodes, total] = await ctx.em.findAndCount(AuditEvent, where, {
      orderBy: { occurredAt: 'desc', id: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return toConnection(nodes, total, page);
  }
}
