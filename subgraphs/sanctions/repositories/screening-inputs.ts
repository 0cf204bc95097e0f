import { boundQuery } from '../../../shared/db/bound-query';
import { entitiesByKeys } from '../../../shared/db/loaders';
import type { EntityManager } from '../../../shared/db/orm';
import { SCHEMA } from '../config';
import { ListEntry } from '../entities/list-entry';
import type { SubjectEvaluationFact } from '../entities/subject-evaluation-fact';

/** A subject of the code index as a screening reads it. */
export interface IndexedSubject {
  id: string;
  uscc: string;
}

/** The stored evaluation as a screening reads it (entities/subject-evaluation-fact.ts). */
export type EvaluationRow = Pick<
  SubjectEvaluationFact,
  'subjectId' | 'grade' | 'score' | 'tolerantAcceptance' | 'verdictFloor' | 'basis' | 'evaluatedAt'
>;

/** What a screening reads of its codes: the subjects found, their list entries and their evaluations. */
export interface ScreeningInputs {
  subjectByUscc: Map<string, IndexedSubject>;
  entriesByUscc: Map<string, ListEntry[]>;
  evaluationBySubject: Map<string, EvaluationRow>;
}

/** A code's subject with its evaluation's columns (null when it has none), as one statement reads them. */
interface SubjectEvaluationRow extends IndexedSubject {
  grade: string | null;
  score: number | null;
  tolerantAcceptance: boolean | null;
  verdictFloor: string | null;
  basis: string | null;
  /** MikroORM's connection hands timestamps over as text; the evaluation's is a Date. */
  evaluatedAt: string | null;
}

/**
 * Everything a screening of these codes needs, in two statements whatever their number (run side by side):
 * the subjects with their evaluations (one join), and the entries. Set-based rather than a DataLoader call
 * per code (30,000 promises and closures for a batch of 10,000), with the codes bound as one array
 * (`= any(?)`) rather than 10,000 literals MikroORM would inline and PostgreSQL parse, and subjects and
 * evaluations as plain rows (nothing changes them); entries as entities (shared/db/loaders.ts entitiesByKeys),
 * since the hits are answered as ListEntry with their field resolvers. Measured in docs/PERFORMANCE.md.
 */
export async function readScreeningInputs(em: EntityManager, usccs: readonly string[]): Promise<ScreeningInputs> {
  const codes = [...new Set(usccs)];
  if (codes.length === 0) return { subjectByUscc: new Map(), entriesByUscc: new Map(), evaluationBySubject: new Map() };
  const [subjects, entries] = await Promise.all([
    boundQuery<SubjectEvaluationRow>(
      em,
      `select s.id, s.uscc, e.grade, e.score, e.tolerant_acceptance as "tolerantAcceptance",
              e.verdict_floor as "verdictFloor", e.basis, e.evaluated_at as "evaluatedAt"
         from ${SCHEMA}.subject_index s
         left join ${SCHEMA}.subject_evaluation_fact e on e.subject_id = s.id
        where s.uscc = any(?::text[])`,
      [codes],
    ),
    entitiesByKeys(em, ListEntry, 'subjectUscc', codes, { decidedAt: 'desc', id: 'asc' }),
  ]);
  const entriesByUscc = new Map<string, ListEntry[]>();
  for (const entry of entries) {
    const group = entriesByUscc.get(entry.subjectUscc);
    if (group) group.push(entry);
    else entriesByUscc.set(entry.subjectUscc, [entry]);
  }
  const subjectByUscc = new Map<string, IndexedSubject>();
  const evaluationBySubject = new Map<string, EvaluationRow>();
  for (const row of subjects) {
    subjectByUscc.set(row.uscc, { id: row.id, uscc: row.uscc });
    if (row.evaluatedAt === null) continue;
    evaluationBySubject.set(row.id, {
      subjectId: row.id,
      grade: row.grade!,
      score: row.score!,
      tolerantAcceptance: row.tolerantAcceptance!,
      verdictFloor: row.verdictFloor,
      basis: row.basis!,
      evaluatedAt: new Date(row.evaluatedAt),
    });
  }
  return { subjectByUscc, entriesByUscc, evaluationBySubject };
}
