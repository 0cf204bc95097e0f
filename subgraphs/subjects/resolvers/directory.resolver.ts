import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { isCreditOffice } from '../../../shared/auth/ownership';
import { SCOPES } from '../../../shared/auth/policy';
import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { idArgument, textArgument } from '../../../shared/graphql/arguments';
import { badUserInput, conflict, forbidden, notFound } from '../../../shared/graphql/errors';
import { DateScalar } from '../../../shared/graphql/scalars';
import { checkUscc } from '../../../shared/identifiers/uscc';
import { Department } from '../entities/department';
import { DirectoryAction, DirectoryChange } from '../entities/directory-change';
import { ReportingDelegation } from '../entities/reporting-delegation';
import type { SubjectsContext } from '../loaders';
import { requireDirectoryOrg } from '../services/directory';
import { PenaltyDomain } from '../../../shared/domain/vocabulary';
import { defaultDomainOf } from '../rules/department-domain';
import { SizedBy } from '../../../shared/graphql/sized-by';

const DEPARTMENT_CODE = /^[a-z][a-z0-9]*(\.[a-z0-9]+)+$/;
const MAX_LISTED = 500;

@InputType({ description: '登记部门 (部门目录)' })
export class DepartmentInput {
  @Field({ description: '部门代码, e.g. gusu.scjgj' })
  code!: string;

  @Field({ description: '部门名称' })
  name!: string;

  @Field({ description: '统一社会信用代码' })
  uscc!: string;

  @Field(() => PenaltyDomain, { nullable: true, description: '主管领域 (处罚未报送所属领域时的默认); default from the name: 消防救援 → 消防, 应急管理 → 安全生产, else 其他' })
  domain?: PenaltyDomain | null;
}

@InputType({ description: '设立报送委托' })
export class DelegationInput {
  @Field({ description: '委托机关 (部门代码): the authority named in the records' })
  authority!: string;

  @Field({ description: '受托报送部门 (部门代码)' })
  delegate!: string;

  @Field({ description: '委托事由及依据 (e.g. 委托书文号)' })
  basis!: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期自 (含); default today' })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '有效期至 (含); null = 至撤销' })
  validUntil?: string | null;
}

function departmentCode(argument: string, value: string): string {
  const code = value.trim();
  if (code.length > 32 || !DEPARTMENT_CODE.test(code)) throw badUserInput(argument, `'${argument}' is not a department code (e.g. gusu.scjgj, at most 32 characters)`);
  return code;
}

async function existingDepartment(em: EntityManager, argument: string, value: string): Promise<Department> {
  const code = departmentCode(argument, value);
  const department = await em.findOne(Department, { code });
  if (!department) throw notFound(`no department ${code} in the directory`, argument);
  return department;
}

function change(principal: Principal, fields: Pick<DirectoryChange, 'action' | 'departmentCode'> & Partial<Pick<DirectoryChange, 'delegateCode' | 'delegationId' | 'note'>>): DirectoryChange {
  return Object.assign(new DirectoryChange(), {
    id: randomUUID(),
    delegateCode: null,
    delegationId: null,
    note: null,
    ...fields,
    actorSub: principal.sub.slice(0, 255),
    actorOrg: principal.org,
    occurredAt: new Date(),
  });
}

/**
 * 部门目录与报送委托 (managed by the credit office, directory:manage). Every
 * change leaves a directory_change row in the same transaction: who, when, why.
 */
@Resolver(() => ReportingDelegation)
export class DirectoryResolver {
  @Mutation(() => Department, { nullable: true, description: '登记部门 (区信用办, directory:manage): a new department of the directory; code and USCC are unique' })
  @RequiresScopes([SCOPES.directoryManage])
  async registerDepartment(@Ctx() ctx: SubjectsContext, @Arg('input', () => DepartmentInput) input: DepartmentInput): Promise<Department> {
    const code = departmentCode('input.code', input.code);
    const name = textArgument('input.name', input.name, 200);
    const uscc = checkUscc(input.uscc.slice(0, 40));
    if (uscc.problem !== null) throw badUserInput('input.uscc', uscc.reason ?? 'not a USCC');
    await requireDirectoryOrg(ctx.em, ctx.principal, '登记部门');
    return ctx.em.transactional(async (em) => {
      // Two registrations at once: the second waits and then sees the first.
      await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', ['directory'], 'all', em.getTransactionContext());
      const clash = await em.findOne(Department, { $or: [{ code }, { uscc: uscc.normalized }] });
      if (clash) throw conflict(`the directory already has ${clash.code} (${clash.uscc})`, clash.code === code ? 'input.code' : 'input.uscc', 'DUPLICATE_DEPARTMENT');
      const department = Object.assign(new Department(), { code, name, uscc: uscc.normalized, domain: input.domain ?? defaultDomainOf(name) });
      em.persist(department);
      em.persist(change(ctx.principal, { action: DirectoryAction.DEPARTMENT_REGISTERED, departmentCode: code, note: `${name} ${uscc.normalized}` }));
      await em.flush();
      return department;
    });
  }

  @Mutation(() => ReportingDelegation, { nullable: true, description: '设立报送委托 (区信用办, directory:manage): the delegate may report and revoke records in the authority’s name while it is in force' })
  @RequiresScopes([SCOPES.directoryManage])
  async delegateReporting(@Ctx() ctx: SubjectsContext, @Arg('input', () => DelegationInput) input: DelegationInput): Promise<ReportingDelegation> {
    const basis = textArgument('input.basis', input.basis, 2000);
    const validFrom = input.validFrom ?? ctx.today;
    const validUntil = input.validUntil ?? null;
    if (validUntil !== null && validUntil < validFrom) throw badUserInput('input.validUntil', `'input.validUntil' (${validUntil}) is before 'input.validFrom' (${validFrom})`);
    await requireDirectoryOrg(ctx.em, ctx.principal, '设立报送委托');
    const authority = await existingDepartment(ctx.em, 'input.authority', input.authority);
    const delegate = await existingDepartment(ctx.em, 'input.delegate', input.delegate);
    if (authority.code === delegate.code) throw badUserInput('input.delegate', 'a department always reports as itself: no delegation to itself');
    return ctx.em.transactional(async (em) => {
      const delegation = Object.assign(new ReportingDelegation(), {
        id: randomUUID(),
        authorityCode: authority.code,
        delegateCode: delegate.code,
        basis,
        validFrom,
        validUntil,
        createdBy: ctx.principal.sub.slice(0, 255),
        createdAt: new Date(),
        revokedAt: null,
        revokedBy: null,
        revocationReason: null,
      });
      em.persist(delegation);
      em.persist(
        change(ctx.principal, {
          action: DirectoryAction.DELEGATION_GRANTED,
          departmentCode: authority.code,
          delegateCode: delegate.code,
          delegationId: delegation.id,
          note: `${validFrom}–${validUntil ?? ''} ${basis}`,
        }),
      );
      await em.flush();
      return delegation;
    });
  }

  @Mutation(() => ReportingDelegation, { nullable: true, description: '撤销报送委托 (区信用办, directory:manage): from now on the delegate reports only as itself; revoking again changes nothing' })
  @RequiresScopes([SCOPES.directoryManage])
  async revokeReportingDelegation(
    @Ctx() ctx: SubjectsContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: '撤销原因' }) reason: string,
  ): Promise<ReportingDelegation> {
    const delegationId = idArgument('id', id, 'a delegation');
    const why = textArgument('reason', reason, 2000);
    await requireDirectoryOrg(ctx.em, ctx.principal, '撤销报送委托');
    return ctx.em.transactional(async (em) => {
      const delegation = await em.findOne(ReportingDelegation, { id: delegationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!delegation) throw notFound(`no reporting delegation ${delegationId}`, 'id');
      if (delegation.revokedAt !== null) return delegation;
      delegation.revokedAt = new Date();
      delegation.revokedBy = ctx.principal.sub.slice(0, 255);
      delegation.revocationReason = why;
      em.persist(
        change(ctx.principal, {
          action: DirectoryAction.DELEGATION_REVOKED,
          departmentCode: delegation.authorityCode,
          delegateCode: delegation.delegateCode,
          delegationId: delegation.id,
          note: why,
        }),
      );
      await em.flush();
      return delegation;
    });
  }

  @Query(() => [ReportingDelegation], {
    nullable: true,
    description: `报送委托 (newest first, at most ${MAX_LISTED}): the credit office sees all, a department those it gives or holds`,
  })
  @RequiresScopes([SCOPES.recordsWrite], [SCOPES.directoryManage])
  async reportingDelegations(
    @Ctx() ctx: SubjectsContext,
    @Arg('department', () => String, { nullable: true, description: '部门代码: as authority or delegate (the credit office; others always see their own)' }) department?: string | null,
    @Arg('inForceOnly', () => Boolean, { defaultValue: true, description: '仅列出今日有效的委托' }) inForceOnly?: boolean,
  ): Promise<ReportingDelegation[]> {
    const office = isCreditOffice(ctx.principal);
    const org = office ? (department == null ? null : departmentCode('department', department)) : ctx.principal.org;
    if (!office && !org) throw forbidden('报送委托按部门查看: the token carries no org');
    const today = ctx.today;
    return ctx.em.find(
      ReportingDelegation,
      {
        ...(org ? { $or: [{ authorityCode: org }, { delegateCode: org }] } : {}),
        ...(inForceOnly ? { revokedAt: null, validFrom: { $lte: today }, $and: [{ $or: [{ validUntil: null }, { validUntil: { $gte: today } }] }] } : {}),
      },
      { orderBy: { createdAt: 'desc', id: 'asc' }, limit: MAX_LISTED },
    );
  }

  @FieldResolver(() => [DirectoryChange], { description: '变更记录 (oldest first): who granted and revoked it, when' })
  history(@Root() delegation: ReportingDelegation, @Ctx() ctx: SubjectsContext): Promise<DirectoryChange[]> {
    return ctx.loaders.directoryChangesByDelegation.load(delegation.id);
  }

  @SizedBy('first')
  @Query(() => [DirectoryChange], { nullable: true, description: '部门目录与报送委托的变更记录 (区信用办; newest first)' })
  @RequiresScopes([SCOPES.directoryManage])
  directoryChanges(
    @Ctx() ctx: SubjectsContext,
    @Arg('department', () => String, { nullable: true, description: '部门代码' }) department?: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `至多 ${MAX_LISTED} 条` }) first?: number,
  ): Promise<DirectoryChange[]> {
    const limit = first ?? 100;
    if (limit < 1 || limit > MAX_LISTED) throw badUserInput('first', `'first' must be 1–${MAX_LISTED}`);
    const code = department == null ? null : departmentCode('department', department);
    return ctx.em.find(DirectoryChange, code ? { $or: [{ departmentCode: code }, { delegateCode: code }] } : {}, { orderBy: { occurredAt: 'desc', id: 'asc' }, limit });
  }
}
