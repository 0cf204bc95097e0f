import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ObjectionCase } from '../entities/objection-case';
import { RepairCase } from '../entities/repair-case';
import { SubjectRef } from '../entities/stubs';
import type { RepairsContext } from '../loaders';

/** What the repairs subgraph adds to a Subject. */
@Resolver(() => SubjectRef)
export class SubjectRepairsResolver {
  @FieldResolver(() => [RepairCase], { nullable: true, description: '信用修复案件 (newest first)' })
  repairCases(@Root() subject: SubjectRef, @Ctx() ctx: RepairsContext): Promise<RepairCase[]> {
    return ctx.loaders.casesBySubject.load(subject.id);
  }

  @FieldResolver(() => [ObjectionCase], { nullable: true, description: '异议案件 (newest first)' })
  objectionCases(@Root() subject: SubjectRef, @Ctx() ctx: RepairsContext): Promise<ObjectionCase[]> {
    return ctx.loaders.objectionsBySubject.load(subject.id);
  }
}
