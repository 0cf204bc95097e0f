import DataLoader from 'dataloader';
import { loadWorkingDayCalendar } from '../../../shared/db/calendar';
import { groupedLoader, keyedLoader } from '../../../shared/db/loaders';
import type { EntityManager } from '../../../shared/db/orm';
import { Scenario } from '../../../shared/domain/vocabulary';
import type { WorkingDayCalendar } from '../../../shared/domain/working-days';
import type { SubgraphContext } from '../../../shared/http/subgraph-app';
import { ListEntry } from '../entities/list-entry';
import { ListEntryEvent } from '../entities/list-entry-event';
import { ListKind } from '../entities/list-kind';
import { Measure } from '../entities/measure';
import { SubjectIndex } from '../entities/subject-index';

/** Per-request loaders of the sanctions subgraph; "today" is fixed for the whole request. */
export function createLoaders(em: EntityManager, today: string) {
  let calendar: Promise<WorkingDayCalendar> | undefined;
  let listKinds: Promise<ListKind[]> | undefined;
  return {
    /** The request's clock (SubgraphContext.today), for code that holds only the loaders. */
    today,
    /** The working-day calendar (reference data), read at most once per request. */
    calendar: (): Promise<WorkingDayCalendar> => (calendar ??= loadWorkingDayCalendar(em)),
    historyByEntry: groupedLoader(em, ListEntryEvent, 'entryId', { occurredAt: 'asc', id: 'asc' }),
    entryById: keyedLoader(em, ListEntry, 'id'),
    entriesBySubject: groupedLoader(em, ListEntry, 'subjectId', { decidedAt: 'desc', id: 'asc' }),
    subjectByUscc: keyedLoader(em, SubjectIndex, 'uscc'),
    kindByCode: keyedLoader(em, ListKind, 'code'),
    /** The list-kind catalogue, read at most once per request. */
    listKinds: (): Promise<ListKind[]> =>
      (listKinds ??= em.find(ListKind, {}, { orderBy: { list: 'asc', code: 'asc' } })),
    measuresByScenario: new DataLoader<Scenario, Measure[]>(async (scenarios) => {
      const rows = await em.find(Measure, { scenarios: { $overlap: [...scenarios] } }, { orderBy: { code: 'asc' } });
      return scenarios.map((scenario) => rows.filter((row) => row.scenarios.includes(scenario)));
    }),
  };
}

export type SanctionsLoaders = ReturnType<typeof createLoaders>;
export type SanctionsContext = SubgraphContext<SanctionsLoaders>;
