import type { EntityManager } from '../../../shared/db/orm';
import { ListEntry } from '../entities/list-entry';
import { SubjectEvaluationFact } from '../entities/subject-evaluation-fact';
import { SubjectIndex } from '../entities/subject-index';

/** What a screening reads of its codes: the subjects found, their list entries and their evaluations. */
export interface ScreeningInputs {
  subjectByUscc: Map<string, SubjectIndex>;
  entriesByUscc: Map<string, ListEntry[]>;
  evaluationBySubject: Map<string, SubjectEvaluationFact>;
}

/**
 * Everything a screening of these codes needs, in three statements whatever their number. Set-based rather than
 * a DataLoader call per code: 30,000 promises and their closures for a batch of 10,000 were most of what the
 * garbage collector had to do (docs/PERFORMANCE.md). Subjects and evaluations come as plain rows (nothing
 * changes them); entries as entities, since the hits are answered as ListEntry with their field resolvers.
 */
export async function readScreeningInputs(em: EntityManager, usccs: readonly string[]): Promise<ScreeningInputs> {
  const codes = [...new Set(usccs)];
  if (codes.length === 0) return { subjectByUscc: new Map(), entriesByUscc: new Map(), evaluationBySubject: new Map() };
  const [subjects, entries] = await Promise.all([
    em
      .createQueryBuilder(SubjectIndex)
      .select('*')
      .where({ uscc: { $in: codes } })
      .execute('all') as Promise<SubjectIndex[]>,
    em.find(ListEntry, { subjectUscc: { $in: codes } }, { orderBy: { decidedAt: 'desc', id: 'asc' } }),
  ]);
  const evaluations =
    subjects.length === 0
      ? []
      : ((await em
          .createQueryBuilder(SubjectEvaluationFact)
          .select('*')
          .where({ subjectId: { $in: subjects.map((s) => s.id) } })
          .execute('all')) as SubjectEvaluationFact[]);
  const entriesByUscc = new Map<string, ListEntry[]>();
  for (const entry of entries) {
    const group = entriesByUscc.get(entry.subjectUscc);
    if (group) group.push(entry);
    else entriesByUscc.set(entry.subjectUscc, [entry]);
  }
  return {
    subjectByUscc: new Map(subjects.map((s) => [s.uscc, s])),
    entriesByUscc,
    evaluationBySubject: new Map(evaluations.map((e) => [e.subjectId, e])),
  };
}
