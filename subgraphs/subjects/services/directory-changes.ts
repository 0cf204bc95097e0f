import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { idArgument, textArgument } from '../../../shared/graphql/arguments';
import { badUserInput, conflict, notFound } from '../../../shared/graphql/errors';
import { checkUscc } from '../../../shared/identifiers/uscc';
import { Department } from '../entities/department';
import { DirectoryAction, DirectoryChange } from '../entities/directory-change';
import { ReportingDelegation } from '../entities/reporting-delegation';
import type { DelegationInput } from '../inputs/delegation-input';
import { departmentCode } from '../inputs/department-code';
import type { DepartmentInput } from '../inputs/department-input';
import type { SubjectsContext } from '../loaders';
import { defaultDomainOf } from '../rules/department-domain';
import { requireDirectoryOrg } from './directory';

async function existingDepartment(em: EntityManager, argument: string, value: string): Promise<Department> {
  const code = departmentCode(argument, value);
  const department = await em.findOne(Department, { code });
  if (!department) throw notFound(`no department ${code} in the directory`, argument);
  return department;
}

/** The directory_change row every change leaves in its transaction: who, when, why. */
function change(
  principal: Principal,
  fields: Pick<DirectoryChange, 'action' | 'departmentCode'> &
    Partial<Pick<DirectoryChange, 'delegateCode' | 'delegationId' | 'note'>>,
): DirectoryChange {
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

/** 登记部门: a new department of the directory; code and USCC are unique (CONFLICT DUPLICATE_DEPARTMENT). */
export async function registerDepartment(ctx: SubjectsContext, input: DepartmentInput): Promise<Department> {
  const code = departmentCode('input.code', input.code);
  const name = textArgument('input.name', input.name, 200);
  const uscc = checkUscc(input.uscc.slice(0, 40));
  if (uscc.problem !== null) throw badUserInput('input.uscc', uscc.reason ?? 'not a USCC');
  await requireDirectoryOrg(ctx.em, ctx.principal, '登记部门');
  return ctx.em.transactional(async (em) => {
    // Two registrations at once: the second waits and then sees the first.
    await em
      .getConnection()
      .execute('select pg_advisory_xact_lock(hashtext(?))', ['directory'], 'all', em.getTransactionContext());
    const clash = await em.findOne(Department, { $or: [{ code }, { uscc: uscc.normalized }] });
    if (clash)
      throw conflict(
        `the directory already has ${clash.code} (${clash.uscc})`,
        clash.code === code ? 'input.code' : 'input.uscc',
        'DUPLICATE_DEPARTMENT',
      );
    const department = Object.assign(new Department(), {
      code,
      name,
      uscc: uscc.normalized,
      domain: input.domain ?? defaultDomainOf(name),
    });
    em.persist(department);
    em.persist(
      change(ctx.principal, {
        action: DirectoryAction.DEPARTMENT_REGISTERED,
        departmentCode: code,
        note: `${name} ${uscc.normalized}`,
      }),
    );
    await em.flush();
    return department;
  });
}

/** 设立报送委托: the delegate may report and revoke records in the authority's name while it is in force. */
export async function delegateReporting(ctx: SubjectsContext, input: DelegationInput): Promise<ReportingDelegation> {
  const basis = textArgument('input.basis', input.basis, 2000);
  const validFrom = input.validFrom ?? ctx.today;
  const validUntil = input.validUntil ?? null;
  if (validUntil !== null && validUntil < validFrom)
    throw badUserInput(
      'input.validUntil',
      `'input.validUntil' (${validUntil}) is before 'input.validFrom' (${validFrom})`,
    );
  await requireDirectoryOrg(ctx.em, ctx.principal, '设立报送委托');
  const authority = await existingDepartment(ctx.em, 'input.authority', input.authority);
  const delegate = await existingDepartment(ctx.em, 'input.delegate', input.delegate);
  if (authority.code === delegate.code)
    throw badUserInput('input.delegate', 'a department always reports as itself: no delegation to itself');
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

/** 撤销报送委托: from now on the delegate reports only as itself; revoking again changes nothing. */
export async function revokeReportingDelegation(
  ctx: SubjectsContext,
  id: string,
  reason: string,
): Promise<ReportingDelegation> {
  const delegationId = idArgument('id', id, 'a delegation');
  const why = textArgument('reason', reason, 2000);
  await requireDirectoryOrg(ctx.em, ctx.principal, '撤销报送委托');
  return ctx.em.transactional(async (em) => {
    const delegation = await em.findOne(
      ReportingDelegation,
      { id: delegationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
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
