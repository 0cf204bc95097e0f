import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { textArgument as text } from '../../../shared/graphql/arguments';
import { RepairCase } from '../entities/repair-case';
import type { RepairsContext } from '../loaders';
import { acceptCase, approveCase, denyCase, rejectCaseAtIntake, withdrawCase } from '../services/case-steps';

@Resolver(() => RepairCase)
export class RepairWorkflowResolver {
  @Mutation(() => RepairCase, {
    nullable: true,
    description: '受理 (repairs:handle): SUBMITTED → ACCEPTED; sets the decision time limit',
  })
  @RequiresScopes([SCOPES.repairsHandle])
  acceptRepairCase(@Ctx() ctx: RepairsContext, @Arg('id', () => ID) id: string): Promise<RepairCase> {
    return acceptCase(ctx, id);
  }

  @Mutation(() => RepairCase, {
    nullable: true,
    description: '不予受理 (repairs:handle): SUBMITTED → REJECTED_AT_INTAKE, with the reason',
  })
  @RequiresScopes([SCOPES.repairsHandle])
  rejectRepairCaseAtIntake(
    @Ctx() ctx: RepairsContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: '不予受理理由' }) reason: string,
  ): Promise<RepairCase> {
    return rejectCaseAtIntake(ctx, id, text('reason', reason));
  }

  @Mutation(() => RepairCase, {
    nullable: true,
    description:
      '准予修复 (penalty cases: the reporting department or the credit office; list-entry cases: the designating department alone, 谁认定、谁修复): ACCEPTED → APPROVED. ' +
      'Publishes penalty.repaired or list-entry.repaired in the same transaction: publicity and sharing end, the entry leaves its list.',
  })
  @RequiresScopes([SCOPES.repairsHandle], [SCOPES.repairsDecide])
  approveRepairCase(
    @Ctx() ctx: RepairsContext,
    @Arg('id', () => ID) id: string,
    @Arg('note', { description: '决定意见' }) note: string,
  ): Promise<RepairCase> {
    return approveCase(ctx, id, text('note', note));
  }

  @Mutation(() => RepairCase, {
    nullable: true,
    description: '不予修复 (deciders as approveRepairCase): ACCEPTED → DENIED, with the reason',
  })
  @RequiresScopes([SCOPES.repairsHandle], [SCOPES.repairsDecide])
  denyRepairCase(
    @Ctx() ctx: RepairsContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: '不予修复理由' }) reason: string,
  ): Promise<RepairCase> {
    return denyCase(ctx, id, text('reason', reason));
  }

  @Mutation(() => RepairCase, {
    nullable: true,
    description: '撤回申请 (repairs:handle), before a decision: SUBMITTED or ACCEPTED → WITHDRAWN, with the reason',
  })
  @RequiresScopes([SCOPES.repairsHandle])
  withdrawRepairCase(
    @Ctx() ctx: RepairsContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: '撤回理由' }) reason: string,
  ): Promise<RepairCase> {
    return withdrawCase(ctx, id, text('reason', reason));
  }
}
