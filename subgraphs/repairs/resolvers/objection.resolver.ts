import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { ObjectionOutcome } from '../../../shared/domain/vocabulary';
import { idArgument, textArgument } from '../../../shared/graphql/arguments';
import { badUserInput } from '../../../shared/graphql/errors';
import { ObjectionCase } from '../entities/objection-case';
import { ObjectionCaseEvent } from '../entities/objection-case-event';
import { ObjectionProgress, ObjectionReceipt } from '../entities/repair-receipt';
import { RepairWindowIntake } from '../entities/repair-window-intake';
import { DepartmentRef, departmentRef, SubjectRef } from '../entities/stubs';
import { objectionArguments, ObjectionInput, WindowObjectionInput } from '../inputs/objection.input';
import { identityArgument } from '../inputs/window-application.input';
import type { RepairsContext } from '../loaders';
import { RepairChannel } from '../rules/channel';
import { objectionPendingDueOn } from '../rules/objection-workflow';
import { readCaseNumber, readQueryCode } from '../rules/query-code';
import { fileObjection } from '../services/file-objection';
import { acceptObjection, decideObjection, objectionDecision } from '../services/objection-steps';
import { objectionProgress } from '../services/progress';

@InputType({ description: '异议处理决定' })
export class ObjectionDecisionInput {
  @Field(() => ID, { description: '异议案件 id' })
  id!: string;

  @Field({ description: '异议成立 (true) / 异议不成立 (false)' })
  upheld!: boolean;

  @Field(() => ObjectionOutcome, { nullable: true, description: '异议成立: 撤回 or 更正 (required); 不成立: omitted' })
  outcome?: ObjectionOutcome | null;

  @Field({ description: '决定意见: 成立的核查结论，或不成立的理由 (1–2000 字)' })
  note!: string;
}

@Resolver(() => ObjectionCase)
export class ObjectionResolver {
  @Mutation(() => ObjectionReceipt, {
    nullable: true,
    description:
      '提出异议 (subject:self, online): the signed-in subject objects to a record of its own; another subject’s record answers NOT_FOUND. ' +
      'Returns the 受理回执 — its query code is shown only here; the record is marked 异议处理中 until the decision.',
  })
  @RequiresScopes([SCOPES.self])
  fileObjection(
    @Ctx() ctx: RepairsContext,
    @Arg('input', () => ObjectionInput) input: ObjectionInput,
  ): Promise<ObjectionReceipt> {
    return fileObjection(ctx, objectionArguments(input), { channel: RepairChannel.ONLINE, identity: null });
  }

  @Mutation(() => ObjectionReceipt, {
    nullable: true,
    description:
      '窗口受理异议申请 (repairs:intake): the subject in person, the identity checked and recorded; any record of the subject. Returns the 受理回执.',
  })
  @RequiresScopes([SCOPES.repairsIntake])
  takeObjection(
    @Ctx() ctx: RepairsContext,
    @Arg('input', () => WindowObjectionInput) input: WindowObjectionInput,
  ): Promise<ObjectionReceipt> {
    const args = objectionArguments(input);
    return fileObjection(ctx, args, { channel: RepairChannel.WINDOW, identity: identityArgument(input.identity) });
  }

  @Mutation(() => ObjectionCase, {
    nullable: true,
    description:
      '受理异议 (repairs:handle: the department that reported the record, or the credit office): SUBMITTED → ACCEPTED',
  })
  @RequiresScopes([SCOPES.repairsHandle])
  acceptObjection(@Ctx() ctx: RepairsContext, @Arg('id', () => ID) id: string): Promise<ObjectionCase> {
    return acceptObjection(ctx, id);
  }

  @Mutation(() => ObjectionCase, {
    nullable: true,
    description:
      '异议处理决定 (repairs:handle: the department that reported the record alone): ACCEPTED → UPHELD (撤回 / 更正) or DISMISSED (理由). ' +
      'Upheld with WITHDRAWN, the record leaves public view and sharing; the 异议处理中 mark ends either way.',
  })
  @RequiresScopes([SCOPES.repairsHandle])
  decideObjection(
    @Ctx() ctx: RepairsContext,
    @Arg('input', () => ObjectionDecisionInput) input: ObjectionDecisionInput,
  ): Promise<ObjectionCase> {
    const id = idArgument('input.id', input.id, 'an objection');
    const decision = objectionDecision(input.upheld, input.outcome, textArgument('input.note', input.note));
    return decideObjection(ctx, id, decision);
  }

  @Query(() => ObjectionCase, { nullable: true, description: '异议案件' })
  objectionCase(@Ctx() ctx: RepairsContext, @Arg('id', () => ID) id: string): Promise<ObjectionCase | null> {
    return ctx.loaders.objectionById.load(idArgument('id', id, 'an objection'));
  }

  @Query(() => ObjectionProgress, {
    description:
      '异议办理进度查询 (public): by 受理编号 (GSYY-…) and 查询码, the status, the deadlines and the next step, nothing more. ' +
      'A wrong number, a wrong code and a locked case give the same NOT_FOUND.',
  })
  objectionProgress(
    @Ctx() ctx: RepairsContext,
    @Arg('caseNumber', () => String, { description: '受理编号 (GSYY-YYYY-NNNNNNNN, as printed)' }) caseNumber: string,
    @Arg('queryCode', () => String, { description: '查询码 (as printed; hyphens and spaces ignored)' })
    queryCode: string,
  ): Promise<ObjectionProgress> {
    const number = readCaseNumber(caseNumber, 'OBJECTION');
    if (number === null)
      throw badUserInput('caseNumber', "'caseNumber' is not an objection number (GSYY-YYYY-NNNNNNNN)");
    const code = readQueryCode(queryCode);
    if (code === null) throw badUserInput('queryCode', "'queryCode' is 8 symbols (XXXX-XXXX) of the printed receipt");
    return objectionProgress(ctx.em, number, code, ctx.loaders.today);
  }

  @FieldResolver(() => SubjectRef, { nullable: true, description: '申请主体' })
  subject(@Root() objection: ObjectionCase): SubjectRef {
    return { id: objection.subjectId };
  }

  @FieldResolver(() => DepartmentRef, { nullable: true, description: '办理部门 (信息提供单位)' })
  handledBy(@Root() objection: ObjectionCase): DepartmentRef | null {
    return departmentRef(objection.handledByCode);
  }

  @FieldResolver(() => DepartmentRef, { nullable: true, description: '决定部门' })
  decidedBy(@Root() objection: ObjectionCase): DepartmentRef | null {
    return departmentRef(objection.decidedByCode);
  }

  @FieldResolver(() => Boolean, { description: '超期: 逾期未受理，或受理后逾期未决定' })
  overdue(@Root() objection: ObjectionCase, @Ctx() ctx: RepairsContext): boolean {
    const dueOn = objectionPendingDueOn(objection.status, objection.intakeDueOn, objection.decisionDueOn);
    return dueOn !== null && dueOn < ctx.loaders.today;
  }

  @FieldResolver(() => [ObjectionCaseEvent], { description: '办理历史 (oldest first)' })
  history(@Root() objection: ObjectionCase, @Ctx() ctx: RepairsContext): Promise<ObjectionCaseEvent[]> {
    return ctx.loaders.objectionHistoryByCase.load(objection.id);
  }

  @FieldResolver(() => RepairWindowIntake, {
    nullable: true,
    description: '窗口受理身份核验 (WINDOW objections; null online)',
  })
  windowIntake(@Root() objection: ObjectionCase, @Ctx() ctx: RepairsContext): Promise<RepairWindowIntake | null> {
    return ctx.loaders.windowIntakeByCase.load(objection.id);
  }
}
