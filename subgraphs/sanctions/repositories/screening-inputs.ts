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

/**
 * Everything a screening of these codes needs, in three statements whatever their number. Set-based rather than
 * a DataLoader call per code (30,000 promises and closures for a batch of 10,000), with the codes bound as one
 * array (`= any(?)`) rather than 10,000 literals MikroORM would inline and PostgreSQL parse, and subjects and
 * evaluations as plain rows (nothing changes them); entries as entities (shared/db/loaders.ts entitiesByKeys),
 * since the hits are answered as ListEntry with their field resolvers. Measured in docs/PERFORMANCE.md.
 */
export async function readScreeningInputs(em: EntityManager, usccs: readonly string[]): Promise<ScreeningInputs> {
  const codes = [...new Set(usccs)];
  if (codes.length === 0) return { subjectByUscc: new Map(), entriesByUscc: new Map(), evaluationBySubject: new Map() };
  const [subjects, entries] = await Promise.all([
    boundQuery<IndexedSubject>(em, `select id, uscc from ${SCHEMA}.subject_index where uscc = any(?::text[])`, [codes]),
    entitiesByKeys(em, ListEntry, 'subjectUscc', codes, { decidedAt: 'desc', id: 'asc' }),
  ]);
  const evaluations =
    subjects.length === 0
      ? []
      : // MikroORM's connection hands timestamps over as text; the evaluation's is a Date.
        await boundQuery<Omit<EvaluationRow, 'evaluatedAt'> & { evaluatedAt: string }>(
          em,
          `select subject_id as "subjectId", grade, score, tolerant_acceptance as "tolerantAcceptance",
                  verdict_floor as "verdictFloor", basis, evaluated_at as "evaluatedAt"
             from ${SCHEMA}.subject_evaluation_fact where subject_id = any(?::uuid[])`,
          [subjects.map((s) => s.id)],
        );
  const entriesByUscc = new Map<string, ListEntry[]>();
  for (const entry of entries) {
    const group = entriesByUscc.get(entry.subjectUscc);
    if (group) group.push(entry);
    else entriesByUscc.set(entry.subjectUscc, [entry]);
  }
  return {
    subjectByUscc: new Map(subjects.map((s) => [s.uscc, s])),
    entriesByUscc,
    evaluationBySubject: new Map(evaluations.map((e) => [e.subjectId, { ...e, evaluatedAt: new Date(e.evaluatedAt) }])),
  };
}
