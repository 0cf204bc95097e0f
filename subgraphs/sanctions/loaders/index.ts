import DataLoader from 'dataloader';
import { groupedLoader, keyedLoader } from '../../../shared/db/loaders';
import type { EntityManager } from '../../../shared/db/orm';
import { Scenario } from '../../../shared/domain/vocabulary';
import { chinaToday } from '../../../shared/domain/today';
import type { SubgraphContext } from '../../../shared/http/subgraph-app';
import { ListEntry } from '../entities/list-entry';
import { Measure } from '../entities/measure';
import { SubjectIndex } from '../entities/subject-index';

/** Per-request loaders of the sanctions subgraph; "today" is fixed for the whole request. */
export function createLoaders(em: EntityManager) {
  return {
    today: chinaToday(),
    entryById: keyedLoader(em, ListEntry, 'id'),
    entriesBySubject: groupedLoader(em, ListEntry, 'subjectId', { decidedAt: 'desc', id: 'asc' }),
    entriesByUscc: groupedLoader(em, ListEntry, 'subjectUscc', { decidedAt: 'desc', id: 'asc' }),
    subjectByUscc: keyedLoader(em, SubjectIndex, 'uscc'),
    measuresByScenario: new DataLoader<Scenario, Measure[]>(async (scenarios) => {
      const rows = await em.find(Measure, { scenario: { $in: [...scenarios] } }, { orderBy: { code: 'asc' } });
      return scenarios.map((scenario) => rows.filter((row) => row.scenario === scenario));
    }),
  };
}

export type SanctionsLoaders = ReturnType<typeof createLoaders>;
export type SanctionsContext = SubgraphContext<SanctionsLoaders>;
