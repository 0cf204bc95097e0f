import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { chinaToday } from '../../../shared/domain/today';
import { CreditGrade, SubjectKind } from '../../../shared/domain/vocabulary';
import { SCHEMA } from '../config';
import { factCounts } from '../repositories/fact-counts';
import { modelRowsInForce } from '../repositories/models';
import { resultFacts } from '../repositories/result-facts';
import { spotCheckCounts } from '../repositories/spot-check-facts';
import type { FactCounts, ModelRows } from '../rules/model';
import { score } from '../rules/score';
import { announceEvaluations, ChangedEvaluation } from './announce';

export interface RecomputeOptions {
  /** The China date the facts are judged on; today by default. */
  today?: string;
  /** The model to score on; the one in force on `today` by default (a bulk recompute reads it once). */
  model?: ModelRows;
  /**
   * Send evaluation.changed in this transaction (the event bus runs); false leaves the changed rows
   * unannounced for announcePending (the demo seed, a bulk run that announces afterwards).
   */
  announce?: boolean;
}

export interface RecomputeResult {
  /** Subjects graded (市场主体 with a USCC). */
  evaluated: number;
  /** Of those, how many changed score or grade (or were graded for the first time). */
  changed: number;
}

/**
 * Scores the given subjects on the model in force and stores the results, set-based: the subjects,
 * their facts, the previous results and the write are a few statements whatever the number of ids.
 * Only a 市场主体 with a USCC that is not a natural person is graded; any other id loses its result.
 * Runs in the caller's transaction (an event consumer's, a spot-check outcome's, a batch of recomputeAll).
 */
export async function recomputeSubjects(
  em: EntityManager,
  subjectIds: readonly string[],
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const ids = [...new Set(subjectIds)];
  if (ids.length === 0) return { evaluated: 0, changed: 0 };
  const today = options.today ?? chinaToday();
  const model = options.model ?? (await modelRowsInForce(em, today));
  // Locked, in id order (as upsertSubjects writes them): two recomputes of one subject at once — an
  // import and a fact event — would each grade on facts read before the other committed, and the later
  // write would win with a stale score. They take turns; the second reads the first's facts.
  const subjects = await boundQuery<{ id: string; industry: string | null }>(
    em,
    `select id, industry from ${SCHEMA}.subject_index
      where id = any(?::uuid[]) and uscc is not null and coalesce(kind, '') <> ?
      order by id for update`,
    [ids, SubjectKind.NATURAL_PERSON],
  );
  const graded = subjects.map((s) => s.id);
  await boundQuery(
    em,
    `delete from ${SCHEMA}.subject_evaluation where subject_id = any(?::uuid[]) and not (subject_id = any(?::uuid[]))`,
    [ids, graded],
  );
  if (graded.length === 0) return { evaluated: 0, changed: 0 };
  const [facts, spotChecks, results, previous] = await Promise.all([
    factCounts(em, graded, today),
    spotCheckCounts(em, graded),
    resultFacts(em, graded),
    boundQuery<{ subject_id: string; score: number; grade: CreditGrade }>(
      em,
      `select subject_id, score, grade from ${SCHEMA}.subject_evaluation where subject_id = any(?::uuid[])`,
      [graded],
    ),
  ]);
  const before = new Map(previous.map((p) => [p.subject_id, p]));
  const evaluatedAt = new Date();
  const changed: ChangedEvaluation[] = [];
  const rows = subjects.map((subject) => {
    const own = facts.get(subject.id);
    const spot = spotChecks.get(subject.id);
    const counts: FactCounts = {
      ...own?.counts,
      ...results.get(subject.id),
      SPOT_CHECK_NO_PROBLEM: spot?.noProblem ?? 0,
      SPOT_CHECK_PROBLEMS: spot?.problems ?? 0,
    };
    const result = score(counts, model);
    const was = before.get(subject.id);
    const isChange = !was || was.score !== result.score || was.grade !== result.grade;
    if (isChange)
      changed.push({
        subjectId: subject.id,
        modelVersion: result.modelVersion,
        score: result.score,
        grade: result.grade,
        previousGrade: was?.grade ?? null,
        evaluatedAt,
        industry: subject.industry,
      });
    return {
      subjectId: subject.id,
      modelVersion: result.modelVersion,
      score: result.score,
      grade: result.grade,
      gradeLabel: result.gradeLabel,
      lines: result.lines,
      nextChangeOn: own?.nextChangeOn ?? null,
      changed: isChange,
    };
  });
  // One statement: a changed score waits to be announced; an unchanged one keeps its announcement state.
  await boundQuery(
    em,
    `insert into ${SCHEMA}.subject_evaluation as t (subject_id, model_version, score, grade, grade_label, evaluated_at, lines, next_change_on, previous_grade, announced)
     select r."subjectId", r."modelVersion", r.score, r.grade, r."gradeLabel", ?, r.lines, r."nextChangeOn", null, false
       from jsonb_to_recordset(?::jsonb) as r("subjectId" uuid, "modelVersion" text, score double precision, grade text, "gradeLabel" text, lines jsonb, "nextChangeOn" date, changed boolean)
      order by r."subjectId"
     on conflict (subject_id) do update set model_version = excluded.model_version, score = excluded.score, grade = excluded.grade,
       grade_label = excluded.grade_label, evaluated_at = excluded.evaluated_at, lines = excluded.lines, next_change_on = excluded.next_change_on,
       previous_grade = case when t.score <> excluded.score or t.grade <> excluded.grade then t.grade else t.previous_grade end,
       announced = t.announced and t.score = excluded.score and t.grade = excluded.grade`,
    [evaluatedAt, JSON.stringify(rows)],
  );
  if (options.announce ?? true) await announceEvaluations(em, changed);
  return { evaluated: rows.length, changed: changed.length };
}

export interface RecomputeAllOptions {
  batchSize?: number;
  today?: string;
  announce?: boolean;
  /** Called after each batch with the subjects done so far. */
  onProgress?: (done: number, changed: number) => void;
}

/**
 * The whole district on the model in force: every indexed subject, in batches of `batchSize`, each
 * batch in its own transaction (a failure leaves the batches done stored; a rerun redoes the rest).
 */
export async function recomputeAll(em: EntityManager, options: RecomputeAllOptions = {}): Promise<RecomputeResult> {
  const batchSize = options.batchSize ?? 2_000;
  const today = options.today ?? chinaToday();
  const model = await modelRowsInForce(em, today);
  let after = '00000000-0000-0000-0000-000000000000';
  const total: RecomputeResult = { evaluated: 0, changed: 0 };
  for (;;) {
    const page = await boundQuery<{ id: string }>(
      em,
      `select id from ${SCHEMA}.subject_index where id > ? order by id limit ?`,
      [after, batchSize],
    );
    if (page.length === 0) break;
    after = page[page.length - 1].id;
    const result = await em.fork().transactional((tx) =>
      recomputeSubjects(
        tx,
        page.map((p) => p.id),
        { today, model, announce: options.announce },
      ),
    );
    total.evaluated += result.evaluated;
    total.changed += result.changed;
    options.onProgress?.(total.evaluated, total.changed);
  }
  return total;
}

/**
 * Subjects whose result is due again: a fact ended by time (next_change_on ≤ today) or the model in
 * force is another version. Recomputed in batches until none is left.
 */
export async function recomputeDue(
  em: EntityManager,
  options: { today?: string; batchSize?: number } = {},
): Promise<RecomputeResult> {
  const today = options.today ?? chinaToday();
  const batchSize = options.batchSize ?? 2_000;
  const model = await modelRowsInForce(em, today);
  const total: RecomputeResult = { evaluated: 0, changed: 0 };
  for (;;) {
    const due = await boundQuery<{ subject_id: string }>(
      em,
      `select subject_id from ${SCHEMA}.subject_evaluation where next_change_on <= ? or model_version <> ? order by subject_id limit ?`,
      [today, model.version, batchSize],
    );
    if (due.length === 0) break;
    const result = await em.fork().transactional((tx) =>
      recomputeSubjects(
        tx,
        due.map((d) => d.subject_id),
        { today, model },
      ),
    );
    total.evaluated += result.evaluated;
    total.changed += result.changed;
  }
  return total;
}
