import { groupedLoader, keyedRowLoader, pagedChildrenLoader, referenceTableLoader } from '../../../shared/db/loaders';
import type { EntityManager } from '../../../shared/db/orm';
import type { SubgraphContext } from '../../../shared/http/subgraph-app';
import { SCHEMA } from '../config';
import { AdministrativeAction } from '../entities/administrative-action';
import { AdministrativeLicense } from '../entities/administrative-license';
import { AdministrativePenalty } from '../entities/administrative-penalty';
import { Department } from '../entities/department';
import { DirectoryChange } from '../entities/directory-change';
import { Subject } from '../entities/subject';
import { actionCondition } from '../rules/action-visibility';
import { penaltyCondition, PenaltyVisibility } from '../rules/penalty-visibility';

/** Per-request loaders of the subjects subgraph. */
function memoize<T>(create: (visibility: PenaltyVisibility) => T): (visibility: PenaltyVisibility) => T {
  const made = new Map<string, T>();
  return (visibility) => {
    const key = JSON.stringify(visibility);
    const known = made.get(key);
    if (known !== undefined) return known;
    const loader = create(visibility);
    made.set(key, loader);
    return loader;
  };
}

export function createLoaders(em: EntityManager, today: string) {
  const penalties = {
    entity: AdministrativePenalty,
    table: `${SCHEMA}.administrative_penalty`,
    parentColumn: 'subject_id',
    orderBy: 'decided_at desc, id',
  };
  return {
    today,
    // Subjects are only answered here, never changed: plain rows (a screening references 10,000 of them).
    subjectById: keyedRowLoader(em, Subject, 'id'),
    subjectByUscc: keyedRowLoader(em, Subject, 'uscc'),
    /** A natural person by 证件号码 (the signed-in person itself: mySubject). */
    subjectByIdNumber: keyedRowLoader(em, Subject, 'idNumber'),
    departmentByCode: referenceTableLoader(em, Department, 'code'),
    directoryChangesByDelegation: groupedLoader(em, DirectoryChange, 'delegationId', { occurredAt: 'asc', id: 'asc' }),
    /** The penalties a principal may see, one loader per kind of visibility in the request. */
    penaltiesVisibleTo: memoize((visibility: PenaltyVisibility) =>
      pagedChildrenLoader(em, { ...penalties, where: penaltyCondition(visibility, today) }),
    ),
    licensesBySubject: pagedChildrenLoader(em, {
      entity: AdministrativeLicense,
      table: `${SCHEMA}.administrative_license`,
      parentColumn: 'subject_id',
      orderBy: 'decided_at desc, id',
    }),
    /** The actions a principal may see (a withdrawn one by the penalty's audiences), one loader per visibility. */
    actionsVisibleTo: memoize((visibility: PenaltyVisibility) =>
      pagedChildrenLoader(em, {
        entity: AdministrativeAction,
        table: `${SCHEMA}.administrative_action`,
        parentColumn: 'subject_id',
        orderBy: 'decided_at desc, id',
        where: actionCondition(visibility),
      }),
    ),
  };
}

export type SubjectsLoaders = ReturnType<typeof createLoaders>;
export type SubjectsContext = SubgraphContext<SubjectsLoaders>;
