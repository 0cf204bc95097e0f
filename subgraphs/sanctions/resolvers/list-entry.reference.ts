import type { ListEntry } from '../entities/list-entry';
import type { SanctionsContext } from '../loaders';

/** Resolves ListEntry references (a repair case's target); null for an unknown id. */
export const listEntryReference = {
  ListEntry: {
    __resolveReference(reference: Pick<ListEntry, 'id'>, ctx: SanctionsContext): Promise<ListEntry | null> {
      return ctx.loaders.entryById.load(reference.id);
    },
  },
};
