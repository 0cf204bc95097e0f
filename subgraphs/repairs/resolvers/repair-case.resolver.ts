import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { badUserInput } from '../../../shared/graphql/errors';
import { DepartmentRef, SubjectRef } from '../entities/stubs';
import { RepairCase } from '../entities/repair-case';
import type { RepairsContext } from '../loaders';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => RepairCase)
export class RepairCaseResolver {
  @Query(() => RepairCase, { nullable: true, description: '信用修复案件' })
  repairCase(@Ctx() ctx: RepairsContext, @Arg('id', () => ID) id: string): Promise<RepairCase | null> {
    if (!UUID.test(id)) throw badUserInput('id', `'id' is not a repair case id: ${JSON.stringify(id)}`);
    return ctx.loaders.caseById.load(id.toLowerCase());
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
