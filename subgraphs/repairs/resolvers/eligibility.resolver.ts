import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { hasScope } from '../../../shared/auth/principal';
import { idArgument } from '../../../shared/graphql/arguments';
import { DateScalar } from '../../../shared/graphql/scalars';
import { DepartmentRef, departmentRef, SubjectRef } from '../entities/stubs';
import { evidenceArgument } from '../inputs/repair-application.input';
import { RepairTargetInput, targetArgument } from '../inputs/repair-target.input';
import type { RepairsContext } from '../loaders';
import { actorOf } from '../rules/access';
import { RepairCondition } from '../rules/eligibility';
import { assessApplication, Assessment } from '../services/assess';

@ObjectType('RepairFailure', { description: '未满足的修复条件及原因' })
export class RepairFailureType {
  @Field(() => RepairCondition)
  condition!: RepairCondition;

  @Field({ description: '原因' })
  message!: string;

  @Field(() => DateScalar, { nullable: true, description: 'MINIMUM_PERIOD: 可以申请的首日' })
  date!: string | null;
}

@ObjectType({ description: '信用修复申请条件的判定 (the same judgement applyForRepair makes)' })
export class RepairEligibility {
  @Field({ description: '满足全部条件' })
  eligible!: boolean;

  @Field(() => String, {
    nullable: true,
    description: '判定所依据的规则体系 (行政处罚决定日期当日施行的); null for list entries and unknown targets',
  })
  regime!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: '最短公示期届满、可以申请的首日; null when the target cannot be repaired or has no minimum period',
  })
  earliestDate!: string | null;

  @Field(() => [RepairFailureType], { description: '每一项未满足的条件及原因' })
  failures!: RepairFailureType[];

  @Field(() => ID, { nullable: true, description: '办理中的修复案件 (OPEN_CASE)' })
  openCaseId!: string | null;

  @Field(() => [ID], { description: '主体有效的信用修复承诺 (one of them is named in the application)' })
  repairCommitmentIds!: string[];

  subjectId!: string | null;
  ownerCode!: string | null;
}

@Resolver(() => RepairEligibility)
export class EligibilityResolver {
  @Query(() => RepairEligibility, {
    nullable: true,
    description:
      '信用修复申请条件 (repairs:handle, or repairs:intake at the window): every condition an application would fail, with its reason. ' +
      'Without a named commitment, any repair commitment of the subject in effect will do. The window (without repairs:handle) is judged as takeRepairApplication judges it: any department’s record.',
  })
  @RequiresScopes([SCOPES.repairsHandle], [SCOPES.repairsIntake])
  async repairEligibility(
    @Ctx() ctx: RepairsContext,
    @Arg('target', () => RepairTargetInput) target: RepairTargetInput,
    @Arg('repairCommitmentId', () => ID, { nullable: true, description: '拟提交的信用修复承诺' })
    repairCommitmentId?: string | null,
    @Arg('fulfilmentEvidence', () => String, {
      nullable: true,
      description: '拟提交的履行法定义务证明; without it OBLIGATIONS is reported',
    })
    fulfilmentEvidence?: string | null,
  ): Promise<Assessment> {
    const ref = targetArgument('target', target);
    const commitmentId =
      repairCommitmentId == null ? undefined : idArgument('repairCommitmentId', repairCommitmentId, 'a commitment');
    const evidence = evidenceArgument('fulfilmentEvidence', fulfilmentEvidence);
    return assessApplication(
      ctx.em,
      ref,
      { repairCommitmentId: commitmentId, fulfilmentEvidence: evidence, commitmentMustBeNamed: false },
      {
        rules: await ctx.loaders.rules(),
        today: ctx.loaders.today,
        actor: hasScope(ctx.principal, SCOPES.repairsHandle) ? actorOf(ctx.principal) : null,
      },
    );
  }

  @FieldResolver(() => DepartmentRef, {
    nullable: true,
    description: '办理部门 (the department that reported the record)',
  })
  handledBy(@Root() eligibility: Assessment): DepartmentRef | null {
    return departmentRef(eligibility.ownerCode);
  }

  @FieldResolver(() => SubjectRef, { nullable: true, description: '修复对象所属主体' })
  subject(@Root() eligibility: Assessment): SubjectRef | null {
    return eligibility.subjectId === null ? null : { id: eligibility.subjectId };
  }
}
