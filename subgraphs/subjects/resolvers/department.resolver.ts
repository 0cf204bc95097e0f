import { Ctx, Query, Resolver } from 'type-graphql';
import { Department } from '../entities/department';
import type { SubjectsContext } from '../loaders';

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: '部门 / 责任单位 (reference data)' })
  departments(@Ctx() ctx: SubjectsContext): Promise<Department[]> {
    return ctx.em.find(Department, {}, { orderBy: { code: 'asc' } });
  }
}
