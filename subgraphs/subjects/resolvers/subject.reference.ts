import type { Subject } from '../entities/subject';
import type { SubjectsContext } from '../loaders';

/** Resolves Subject references from the other subgraphs; null for an unknown id. */
export const subjectReference = {
  Subject: {
    __resolveReference(reference: Pick<Subject, 'id'>, ctx: SubjectsContext): Promise<Readonly<Subject> | null> {
      return ctx.loaders.subjectById.load(reference.id);
    },
  },
};
