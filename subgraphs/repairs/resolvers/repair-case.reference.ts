import type { RepairCase } from '../entities/repair-case';
import type { RepairsContext } from '../loaders';

/** Resolves RepairCase references; null for an unknown id. */
export const repairCaseReference = {
  RepairCase: {
    __resolveReference(reference: Pick<RepairCase, 'id'>, ctx: RepairsContext): Promise<RepairCase | null> {
      return ctx.loaders.caseById.load(reference.id);
    },
  },
};
