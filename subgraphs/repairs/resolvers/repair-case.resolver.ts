import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { idArgument } from '../../../shared/graphql/arguments';
import { DepartmentRef, SubjectRef } from '../entities/stubs';
import { RepairCase } from '../entities/repair-case';
import type { RepairsContext } from '../loaders';

@Resolver(() => RepairCase)
export class RepairCaseResolver {
  @Query(() => RepairCase, { nullable: true, description: '信用修复案件' })
  repairCase(@Ctx() ctx: RepairsContext, @Arg('id', () => ID) id: string): Promise<RepairCase | null> {
    return ctx.loaders.caseById.load(idArgument('id', id, 'a repair case'));
  }

  @FieldResolver(() => DepartmentRef, { nullable: true, description: '决定部门' })
  decidedBy(@Root() repairCase: RepairCase): DepartmentRef | null {
    return repairCase.decidedByCode === null ? null : { code: repairCase.decidedByCode };
  }

  @FieldResolver(() => SubjectRef, { description: '申请主体' })
  subject(@Root() repairCase: RepairCase): SubjectRef {
    return { id: repairCase.subjectId };
  }
}
