import type { ObjectionCase } from '../entities/objection-case';
import type { RepairsContext } from '../loaders';

/** Resolves ObjectionCase references; null for an unknown id. */
export const objectionCaseReference = {
  ObjectionCase: {
    __resolveReference(reference: Pick<ObjectionCase, 'id'>, ctx: RepairsContext): Promise<ObjectionCase | null> {
      return ctx.loaders.objectionById.load(reference.id);
    },
  },
};
