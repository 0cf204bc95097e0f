import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
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
}
