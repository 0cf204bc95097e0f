import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { RepairCase } from '../entities/repair-case';
import { RepairApplicationInput } from '../inputs/repair-application.input';
import type { RepairsContext } from '../loaders';
import { applyForRepair } from '../services/apply-for-repair';

@Resolver(() => RepairCase)
export class ApplicationResolver {
  @Mutation(() => RepairCase, {
    nullable: true,
    description:
      '信用修复申请 (repairs:handle): recorded by the department that reported the record or by the credit office, on the applicant’s behalf. ' +
      'A refusal lists every failed condition in extensions.failures and writes nothing; applying again while a case is open is CONFLICT OPEN_CASE with its caseId.',
  })
  @RequiresScopes([SCOPES.repairsHandle])
  applyForRepair(
    @Ctx() ctx: RepairsContext,
    @Arg('input', () => RepairApplicationInput) input: RepairApplicationInput,
  ): Promise<RepairCase> {
    return applyForRepair(ctx, input);
  }
}
