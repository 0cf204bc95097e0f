import type { Department } from '../entities/department';
import type { SubjectsContext } from '../loaders';

/** Resolves Department references (decidedBy, issuedBy …) from the other subgraphs. */
export const departmentReference = {
  Department: {
    __resolveReference(reference: Pick<Department, 'code'>, ctx: SubjectsContext): Promise<Department | null> {
      return ctx.loaders.departmentByCode.load(reference.code);
    },
  },
};
