import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { SizedBy } from '../../../shared/graphql/sized-by';
import { Department } from '../entities/department';
import { DirectoryChange } from '../entities/directory-change';
import { ReportingDelegation } from '../entities/reporting-delegation';
import { DelegationInput } from '../inputs/delegation-input';
import { DepartmentInput } from '../inputs/department-input';
import type { SubjectsContext } from '../loaders';
import { delegateReporting, registerDepartment, revokeReportingDelegation } from '../services/directory-changes';
import { listDirectoryChanges, listReportingDelegations, MAX_LISTED } from '../services/directory-listing';

/**
 * 部门目录与报送委托 (managed by the credit office, directory:manage). Every
 * change leaves a directory_change row in the same transaction: who, when, why.
 */
@Resolver(() => ReportingDelegation)
export class DirectoryResolver {
  @Mutation(() => Department, {
    nullable: true,
    description: '登记部门 (区信用办, directory:manage): a new department of the directory; code and USCC are unique',
  })
  @RequiresScopes([SCOPES.directoryManage])
  registerDepartment(
    @Ctx() ctx: SubjectsContext,
    @Arg('input', () => DepartmentInput) input: DepartmentInput,
  ): Promise<Department> {
    return registerDepartment(ctx, input);
  }

  @Mutation(() => ReportingDelegation, {
    nullable: true,
    description:
      '设立报送委托 (区信用办, directory:manage): the delegate may report and revoke records in the authority’s name while it is in force',
  })
  @RequiresScopes([SCOPES.directoryManage])
  delegateReporting(
    @Ctx() ctx: SubjectsContext,
    @Arg('input', () => DelegationInput) input: DelegationInput,
  ): Promise<ReportingDelegation> {
    return delegateReporting(ctx, input);
  }

  @Mutation(() => ReportingDelegation, {
    nullable: true,
    description:
      '撤销报送委托 (区信用办, directory:manage): from now on the delegate reports only as itself; revoking again changes nothing',
  })
  @RequiresScopes([SCOPES.directoryManage])
  revokeReportingDelegation(
    @Ctx() ctx: SubjectsContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: '撤销原因' }) reason: string,
  ): Promise<ReportingDelegation> {
    return revokeReportingDelegation(ctx, id, reason);
  }

  @Query(() => [ReportingDelegation], {
    nullable: true,
    description: `报送委托 (newest first, at most ${MAX_LISTED}): the credit office sees all, a department those it gives or holds`,
  })
  @RequiresScopes([SCOPES.recordsWrite], [SCOPES.directoryManage])
  reportingDelegations(
    @Ctx() ctx: SubjectsContext,
    @Arg('department', () => String, {
      nullable: true,
      description: '部门代码: as authority or delegate (the credit office; others always see their own)',
    })
    department?: string | null,
    @Arg('inForceOnly', () => Boolean, { defaultValue: true, description: '仅列出今日有效的委托' })
    inForceOnly?: boolean,
  ): Promise<ReportingDelegation[]> {
    return listReportingDelegations(ctx, department ?? null, inForceOnly === true);
  }

  @FieldResolver(() => [DirectoryChange], { description: '变更记录 (oldest first): who granted and revoked it, when' })
  history(@Root() delegation: ReportingDelegation, @Ctx() ctx: SubjectsContext): Promise<DirectoryChange[]> {
    return ctx.loaders.directoryChangesByDelegation.load(delegation.id);
  }

  @SizedBy('first')
  @Query(() => [DirectoryChange], {
    nullable: true,
    description: '部门目录与报送委托的变更记录 (区信用办; newest first)',
  })
  @RequiresScopes([SCOPES.directoryManage])
  directoryChanges(
    @Ctx() ctx: SubjectsContext,
    @Arg('department', () => String, { nullable: true, description: '部门代码' }) department?: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `至多 ${MAX_LISTED} 条` }) first?: number,
  ): Promise<DirectoryChange[]> {
    return listDirectoryChanges(ctx, department ?? null, first ?? 100);
  }
}
