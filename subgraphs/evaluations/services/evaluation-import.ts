import { randomUUID } from 'node:crypto';
import { actingOrg, isOwnerOrCreditOffice } from '../../../shared/auth/ownership';
import { lockForTransaction } from '../../../shared/db/advisory-lock';
import type { EntityManager } from '../../../shared/db/orm';
import { idArgument, textArgument } from '../../../shared/graphql/arguments';
import { badUserInput, forbidden } from '../../../shared/graphql/errors';
import { MAX_EVALUATION_ROWS } from '../../../shared/graphql/input-limits';
import { forget } from '../../../shared/workflow/forget';
import { EvaluationImportBatch } from '../entities/evaluation-import-batch';
import { EvaluationImportRejection } from '../entities/evaluation-import-rejection';
import { EvaluationResult } from '../entities/evaluation-result';
import { EvaluationSource } from '../entities/evaluation-source';
import { SubjectIndex } from '../entities/subject-index';
import type { ImportEvaluationResultsInput } from '../inputs/import-evaluation-results.input';
import type { EvaluationsContext } from '../loaders';
import {
  CheckedRow,
  checkEvaluationRow,
  rejectEarlierDuplicates,
  RowRejection,
  sameResult,
} from '../rules/evaluation-import-rows';
import { recomputeSubjects } from './recompute';

const BATCH_KEY_LENGTH = 64;

/** The source, and FORBIDDEN unless the caller's department owns it or the credit office imports. */
async function importableSource(ctx: EvaluationsContext, em: EntityManager, code: string): Promise<EvaluationSource> {
  const source = await em.findOne(EvaluationSource, { code });
  if (!source)
    throw badUserInput('input.source', `no evaluation source ${JSON.stringify(code)} (evaluationSources lists them)`);
  if (!isOwnerOrCreditOffice(ctx.principal, source.ownerCode))
    throw forbidden(
      `only ${source.ownerCode ?? 'the credit office'}${source.ownerCode ? ' or the credit office' : ''} may import ${source.code}`,
    );
  return source;
}

interface Sorted {
  stored: CheckedRow[];
  unchanged: number;
  rejections: RowRejection[];
  subjectOf: Map<string, string>;
  existing: Map<string, EvaluationResult>;
}

/** Rows matched to subjects and to the results already stored: new or changed, unchanged, rejected. */
async function sortRows(
  em: EntityManager,
  source: EvaluationSource,
  checks: ReturnType<typeof rejectEarlierDuplicates>,
): Promise<Sorted> {
  const rejections: RowRejection[] = checks.flatMap((c) => (c.ok ? [] : [c.rejection]));
  const valid = checks.flatMap((c) => (c.ok ? [c.value] : []));
  const subjects = valid.length
    ? await em.find(SubjectIndex, { uscc: { $in: [...new Set(valid.map((r) => r.uscc))] } }, { fields: ['id', 'uscc'] })
    : [];
  const subjectOf = new Map(subjects.map((s) => [s.uscc as string, s.id]));
  const matched: CheckedRow[] = [];
  for (const row of valid) {
    if (subjectOf.has(row.uscc)) matched.push(row);
    else
      rejections.push({
        row: row.row,
        uscc: row.uscc,
        field: 'uscc',
        reason: '本区主体库中无此统一社会信用代码的主体',
      });
  }
  const stored = matched.length
    ? await em.find(EvaluationResult, {
        sourceCode: source.code,
        subjectId: { $in: [...new Set(matched.map((r) => subjectOf.get(r.uscc) as string))] },
      })
    : [];
  const existing = new Map(stored.map((r) => [`${r.subjectId}|${r.period}`, r]));
  const changed = matched.filter((row) => {
    const before = existing.get(`${subjectOf.get(row.uscc)}|${row.period}`);
    return !before || !sameResult(before, row);
  });
  return { stored: changed, unchanged: matched.length - changed.length, rejections, subjectOf, existing };
}

/**
 * 评价结果导入 (by interface; files arrive through the ingest service): one transaction. The same
 * source and batchKey return the batch already stored, whatever rows come with it; otherwise each row
 * is checked (rules/evaluation-import-rows.ts), matched to a subject by code, compared with the result
 * stored for its period (equal: `unchanged`), and stored; rejected rows are kept with their reasons.
 * The subjects whose results changed are re-evaluated in the same transaction.
 */
export async function importEvaluationResults(
  ctx: EvaluationsContext,
  input: ImportEvaluationResultsInput,
): Promise<EvaluationImportBatch> {
  const org = actingOrg(ctx.principal, 'an evaluation import');
  const batchKey = textArgument('input.batchKey', input.batchKey, BATCH_KEY_LENGTH);
  if (input.rows.length > MAX_EVALUATION_ROWS)
    throw badUserInput('input.rows', `at most ${MAX_EVALUATION_ROWS} rows per import (got ${input.rows.length})`);
  const today = ctx.loaders.today;
  return ctx.em
    .transactional(async (em) => {
      const source = await importableSource(ctx, em, input.source);
      await lockForTransaction(em, `evaluation-import:${source.code}:${batchKey}`);
      const before = await em.findOne(EvaluationImportBatch, { sourceCode: source.code, batchKey });
      if (before) return before;

      const checks = rejectEarlierDuplicates(input.rows.map((row, i) => checkEvaluationRow(row, i + 1, source, today)));
      const sorted = await sortRows(em, source, checks);
      const batch = em.create(EvaluationImportBatch, {
        id: randomUUID(),
        sourceCode: source.code,
        batchKey,
        receivedAt: new Date(),
        accepted: sorted.stored.length,
        rejected: sorted.rejections.length,
        unchanged: sorted.unchanged,
        importedByOrg: org,
        importedBySub: ctx.principal.sub,
      });
      for (const row of sorted.stored) {
        const subjectId = sorted.subjectOf.get(row.uscc) as string;
        const result =
          sorted.existing.get(`${subjectId}|${row.period}`) ??
          em.create(EvaluationResult, {
            id: randomUUID(),
            sourceCode: source.code,
            subjectId,
            period: row.period,
          } as EvaluationResult);
        Object.assign(result, {
          uscc: row.uscc,
          grade: row.grade,
          score: row.score,
          model: row.model,
          evaluatedOn: row.evaluatedOn,
          receivedAt: batch.receivedAt,
          batchId: batch.id,
        });
      }
      for (const rejection of sorted.rejections.sort((a, b) => a.row - b.row))
        em.create(EvaluationImportRejection, {
          batchId: batch.id,
          ...rejection,
          uscc: rejection.uscc?.slice(0, 64) ?? null,
        });
      await em.flush();
      const affected = [...new Set(sorted.stored.map((row) => sorted.subjectOf.get(row.uscc) as string))];
      if (affected.length) await recomputeSubjects(em, affected);
      return batch;
    })
    .finally(() => forget(ctx.loaders));
}

/** An import batch, for the department that imported it or the credit office; null when there is none. */
export async function evaluationImport(ctx: EvaluationsContext, id: string): Promise<EvaluationImportBatch | null> {
  const batch = await ctx.em.findOne(EvaluationImportBatch, { id: idArgument('id', id, 'an import batch') });
  if (!batch) return null;
  if (!isOwnerOrCreditOffice(ctx.principal, batch.importedByOrg))
    throw forbidden(`only ${batch.importedByOrg} or the credit office may read this import`);
  return batch;
}
