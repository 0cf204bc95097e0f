import { isSelf, SelfChecks } from '../../../shared/auth/self';
import type { AdministrativeAction } from '../entities/administrative-action';
import type { AdministrativeLicense } from '../entities/administrative-license';
import type { AdministrativePenalty } from '../entities/administrative-penalty';
import type { Subject } from '../entities/subject';
import type { SubjectsContext } from '../loaders';
import type { LegalRepresentative } from '../types/legal-representative';
import { ownSubject } from './own-subject';

/** A record of the signed-in subject: its subject row is the one the token names. */
async function ownRecord(record: { subjectId: string }, ctx: SubjectsContext): Promise<boolean> {
  return (await ownSubject(ctx))?.id === record.subjectId;
}

/**
 * Whose object it is, for each type of this subgraph with fields a subject reads about itself only
 * (`@requiresScopes([[credit:read], [subject:self]])`, shared/auth/enforce.ts): a Subject is the
 * subject's own when its codes are the token's; a representative, a penalty, a licence or an action when it is
 * that subject's. Query answers mySubject alone this way: it reads the token's own subject and takes no argument.
 */
export const subjectsSelfChecks: SelfChecks = {
  Query: (_source, _ctx, info) => info.fieldName === 'mySubject',
  Subject: (source, ctx) => isSelf(ctx.principal, source as Subject),
  LegalRepresentative: (source, ctx) => isSelf(ctx.principal, (source as LegalRepresentative).of),
  AdministrativePenalty: (source, ctx) => ownRecord(source as AdministrativePenalty, ctx as SubjectsContext),
  AdministrativeLicense: (source, ctx) => ownRecord(source as AdministrativeLicense, ctx as SubjectsContext),
  AdministrativeAction: (source, ctx) => ownRecord(source as AdministrativeAction, ctx as SubjectsContext),
};
