import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { idArgument } from '../../../shared/graphql/arguments';
import { RepairCase } from '../entities/repair-case';
import { RepairCaseEvent } from '../entities/repair-case-event';
import { RepairReceipt } from '../entities/repair-receipt';
import { RepairWindowIntake } from '../entities/repair-window-intake';
import { DepartmentRef, departmentRef, SubjectRef } from '../entities/stubs';
import type { RepairsContext } from '../loaders';
import { isOverdue } from '../rules/deadlines';
import { issuedReceipt } from '../services/apply-for-repair';

@Resolver(() => RepairCase)
export class RepairCaseResolver {
  @Query(() => RepairCase, { nullable: true, description: '信用修复案件' })
  repairCase(@Ctx() ctx: RepairsContext, @Arg('id', () => ID) id: string): Promise<RepairCase | null> {
    return ctx.loaders.caseById.load(idArgument('id', id, 'a repair case'));
  }

  @FieldResolver(() => DepartmentRef, { nullable: true, description: '决定部门' })
  decidedBy(@Root() repairCase: RepairCase): DepartmentRef | null {
    return departmentRef(repairCase.decidedByCode);
  }

  @FieldResolver(() => DepartmentRef, {
    nullable: true,
    description: '办理部门: the department that reported the record (the credit office handles every case too)',
  })
  handledBy(@Root() repairCase: RepairCase): DepartmentRef | null {
    return departmentRef(repairCase.handledByCode);
  }

  @FieldResolver(() => SubjectRef, {
    nullable: true,
    description:
      '申请主体 (null only when the subjects subgraph is unavailable, with an error: the rest of the answer survives)',
  })
  subject(@Root() repairCase: RepairCase): SubjectRef {
    return { id: repairCase.subjectId };
  }

  @FieldResolver(() => Boolean, { description: '超期: 逾期未受理，或受理后逾期未决定' })
  overdue(@Root() repairCase: RepairCase, @Ctx() ctx: RepairsContext): boolean {
    return isOverdue(repairCase, ctx.loaders.today);
  }

  @FieldResolver(() => [RepairCaseEvent], { description: '办理历史 (oldest first)' })
  history(@Root() repairCase: RepairCase, @Ctx() ctx: RepairsContext): Promise<RepairCaseEvent[]> {
    return ctx.loaders.historyByCase.load(repairCase.id);
  }

  @FieldResolver(() => RepairWindowIntake, {
    nullable: true,
    description: '窗口受理身份核验 (WINDOW cases; null for the other channels)',
  })
  windowIntake(@Root() repairCase: RepairCase, @Ctx() ctx: RepairsContext): Promise<RepairWindowIntake | null> {
    return ctx.loaders.windowIntakeByCase.load(repairCase.id);
  }

  @FieldResolver(() => RepairReceipt, {
    nullable: true,
    description:
      '受理回执: only in the answer to the application that filed the case (its query code is shown once); null on every later read',
  })
  receipt(@Root() repairCase: RepairCase): RepairReceipt | null {
    return issuedReceipt(repairCase);
  }
}
