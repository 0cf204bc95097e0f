import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { badUserInput } from '../../../shared/graphql/errors';
import { RepairProgress, RepairReceipt } from '../entities/repair-receipt';
import { RepairApplicationInput } from '../inputs/repair-application.input';
import { identityArgument, WindowRepairApplicationInput } from '../inputs/window-application.input';
import type { RepairsContext } from '../loaders';
import { RepairChannel } from '../rules/channel';
import { readCaseNumber, readQueryCode } from '../rules/query-code';
import { fileRepairApplication } from '../services/apply-for-repair';
import { repairProgress } from '../services/progress';

@Resolver()
export class RepairIntakeResolver {
  @Mutation(() => RepairReceipt, {
    nullable: true,
    description:
      '窗口受理信用修复申请 (repairs:intake: the service hall, the credit office): the applicant in person, the identity checked and recorded; ' +
      'any record of the subject, the case going to the department that reported it. Returns the 受理回执 — its query code is shown only here. ' +
      'A refusal lists every failed condition in extensions.failures and writes nothing.',
  })
  @RequiresScopes([SCOPES.repairsIntake])
  async takeRepairApplication(
    @Ctx() ctx: RepairsContext,
    @Arg('input', () => WindowRepairApplicationInput) input: WindowRepairApplicationInput,
  ): Promise<RepairReceipt> {
    const identity = identityArgument(input.identity);
    const filed = await fileRepairApplication(ctx, input, { channel: RepairChannel.WINDOW, actor: null, identity });
    return filed.receipt;
  }

  @Mutation(() => RepairReceipt, {
    nullable: true,
    description:
      '线上申请信用修复 (subject:self): the signed-in subject applies for a record of its own; another subject’s record answers NOT_FOUND. ' +
      'The case goes to the department that reported the record. Returns the 受理回执 — its query code is shown only here. ' +
      'A refusal lists every failed condition in extensions.failures and writes nothing.',
  })
  @RequiresScopes([SCOPES.self])
  async applyForRepairOnline(
    @Ctx() ctx: RepairsContext,
    @Arg('input', () => RepairApplicationInput) input: RepairApplicationInput,
  ): Promise<RepairReceipt> {
    const filed = await fileRepairApplication(ctx, input, {
      channel: RepairChannel.ONLINE,
      actor: null,
      identity: null,
    });
    return filed.receipt;
  }

  @Query(() => RepairProgress, {
    description:
      '信用修复进度查询 (public): by 受理编号 and 查询码, the status, the deadlines and the next step, nothing more. ' +
      'A wrong number, a wrong code and a case locked after too many wrong codes give the same NOT_FOUND.',
  })
  repairProgress(
    @Ctx() ctx: RepairsContext,
    @Arg('caseNumber', () => String, { description: '受理编号 (GSXF-YYYY-NNNNNNNN, as printed)' }) caseNumber: string,
    @Arg('queryCode', () => String, { description: '查询码 (as printed; hyphens and spaces ignored)' })
    queryCode: string,
  ): Promise<RepairProgress> {
    const number = readCaseNumber(caseNumber);
    if (number === null) throw badUserInput('caseNumber', "'caseNumber' is not a case number (GSXF-YYYY-NNNNNNNN)");
    const code = readQueryCode(queryCode);
    if (code === null) throw badUserInput('queryCode', "'queryCode' is 8 symbols (XXXX-XXXX) of the printed receipt");
    return repairProgress(ctx.em, number, code, ctx.loaders.today);
  }
}
