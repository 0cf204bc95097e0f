import { keyedLoader, pagedChildrenLoader, referenceTableLoader } from '../../../shared/db/loaders';
import type { EntityManager } from '../../../shared/db/orm';
import type { SubgraphContext } from '../../../shared/http/subgraph-app';
import { AdministrativeLicense } from '../entities/administrative-license';
import { AdministrativePenalty } from '../entities/administrative-penalty';
import { Department } from '../entities/department';
import { Subject } from '../entities/subject';
import { SCHEMA } from '../config';
import { chinaToday } from '../../../shared/domain/today';

/** Per-request loaders of the subjects subgraph. */
export function createLoaders(em: EntityManager) {
  const today = chinaToday();
  const penalties = {
    entity: AdministrativePenalty,
    table: `${SCHEMA}.administrative_penalty`,
    parentColumn: 'subject_id',
    orderBy: 'decided_at desc, id',
  };
  return {
    today,
    subjectById: keyedLoader(em, Subject, 'id'),
    subjectByUscc: keyedLoader(em, Subject, 'uscc'),
    departmentByCode: referenceTableLoader(em, Department, 'code'),
    penaltiesBySubject: pagedChildrenLoader(em, penalties),
    /** What the public sees: penalties still within their publicity period (公示期). */
    publicPenaltiesBySubject: pagedChildrenLoader(em, { ...penalties, where: { sql: 't.publicity_ends_at >= ?', params: [today] } }),
    licensesBySubject: pagedChildrenLoader(em, {
      entity: AdministrativeLicense,
      table: `${SCHEMA}.administrative_license`,
      parentColumn: 'subject_id',
      orderBy: 'decided_at desc, id',
    }),
  };
}

export type SubjectsLoaders = ReturnType<typeof createLoaders>;
export type SubjectsContext = SubgraphContext<SubjectsLoaders>;
