import type { EntityManager } from '../../../shared/db/orm';
import type { RegisteredSubjectFacts } from '../../../shared/events/catalogue';
import { publishEvent } from '../../../shared/events/publish';
import type { WrittenSubject } from '../repositories/subjects';

/**
 * Tells the subgraphs that index subjects (sanctions: by code; evaluations: whom to grade, by industry and
 * street) of subjects created or changed, in the caller's transaction. Only organisations with a USCC:
 * persons and subjects known by another code have none to list or grade by.
 */
export async function announceSubjects(em: EntityManager, subjects: WrittenSubject[]): Promise<void> {
  const coded = subjects.flatMap(({ id, uscc, name, kind, industry, street }): RegisteredSubjectFacts[] =>
    uscc === null ? [] : [{ id, uscc, name, kind, industry, street }],
  );
  if (coded.length > 0) await publishEvent(em, 'subjects.registered', { subjects: coded });
}
