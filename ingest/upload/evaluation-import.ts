import { createHash } from 'node:crypto';
import { SCOPES } from '../../shared/auth/policy';
import { parseCalendarDate } from '../../shared/graphql/scalars';
import { templateColumnOf } from '../files/columns';
import { badInput } from '../files/errors';
import { EVALUATION_RESULT_FIELDS } from '../files/evaluation-fields';
import type { ReportInput } from '../files/records';
import type { RejectedRow, RowReason } from './answer-stream';
import type { AppliedBatch, FileKind, UploadQuery } from './file-kind';
import { BatchFailed } from './report-mutation';

/** The source's code as the upload names it (`?source=`): EvaluationSource.code. */
const SOURCE_CODE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export const EVALUATION_IMPORT = `mutation IngestEvaluationResults($input: ImportEvaluationResultsInput!) {
  importEvaluationResults(input: $input) {
    id batchKey receivedAt accepted rejected unchanged
    rejections { row uscc field reason }
  }
}`;

/** EvaluationResultRowInput. */
export interface EvaluationRow {
  uscc: string;
  name?: string;
  grade: string;
  score?: number;
  period: string;
  model?: string;
  evaluatedOn: string;
}

interface ImportBatch {
  id: string;
  batchKey: string;
  receivedAt: string;
  accepted: number;
  rejected: number;
  unchanged: number;
  rejections: { row: number; uscc: string | null; field: string; reason: string }[];
}

/** A rejected evaluation row: the code it names beside it. */
export interface EvaluationRowRejection extends RejectedRow {
  uscc: string | null;
}

const column = (field: string): string | null => templateColumnOf(EVALUATION_RESULT_FIELDS, field);

function reason(field: string, code: string, message: string): RowReason {
  return { field, column: column(field), code, message };
}

/**
 * A record as the mutation's row, or why it cannot be one. What GraphQL itself
 * would refuse (a missing required value, a score that is no number, a date
 * that is no date, a text over its limit) would refuse the whole batch, so it is
 * rejected here, row by row; everything else is the mutation's to judge.
 */
export function evaluationRow(record: ReportInput): EvaluationRow | RowReason[] {
  const reasons: RowReason[] = [];
  const text = (field: string): string | undefined => {
    const value = record[field];
    return typeof value === 'string' ? value : undefined;
  };
  for (const f of EVALUATION_RESULT_FIELDS) {
    const value = text(f.field);
    if (value === undefined && f.required) reasons.push(reason(f.field, 'REQUIRED', `${f.header}不能为空`));
    else if (value !== undefined && value.length > f.maxLength)
      reasons.push(reason(f.field, 'TOO_LONG', `${f.header}最长 ${f.maxLength} 字`));
  }
  const scoreText = text('score')?.normalize('NFKC');
  const score = scoreText === undefined ? undefined : DECIMAL.test(scoreText) ? Number(scoreText) : Number.NaN;
  if (score !== undefined && !Number.isFinite(score))
    reasons.push(reason('score', 'NOT_A_NUMBER', `评价得分应为数字，而不是“${scoreText}”`));
  const evaluatedOn = text('evaluatedOn');
  if (evaluatedOn !== undefined && evaluatedOn.length <= 10 && parseCalendarDate(evaluatedOn) === null)
    reasons.push(reason('evaluatedOn', 'NOT_A_DATE', `评价日期应为 YYYY-MM-DD 的日期，而不是“${evaluatedOn}”`));
  if (reasons.length > 0) return reasons;
  const row: EvaluationRow = {
    uscc: text('uscc')!,
    grade: text('grade')!,
    period: text('period')!,
    evaluatedOn: evaluatedOn!,
  };
  const name = text('name');
  const model = text('model');
  if (name !== undefined) row.name = name;
  if (score !== undefined) row.score = score;
  if (model !== undefined) row.model = model;
  return row;
}

/**
 * The batch's key: a digest of the source and its rows, so that the same file
 * sent again gives the same keys and the mutation answers the stored batches
 * (idempotent) instead of importing anything twice.
 */
export function batchKeyOf(source: string, rows: readonly EvaluationRow[]): string {
  return `file:${createHash('sha256')
    .update(JSON.stringify([source, rows]))
    .digest('hex')
    .slice(0, 40)}`;
}

function sourceOf(query: UploadQuery): string {
  const source = query.source;
  if (typeof source !== 'string' || !SOURCE_CODE.test(source))
    throw badInput(
      'evaluation results need ?source=<code>, the evaluation source they come from (EvaluationSource.code, at most 64 letters, digits, . _ : -)',
      { parameter: 'source' },
    );
  return source;
}

/**
 * `POST /ingest/evaluation-results?source=<code>`: 评价结果 of one source, sent to
 * importEvaluationResults in batches (at most INGEST_BATCH_ROWS, ≤ 5,000), as the caller
 * (evaluations:import; the mutation decides whether the caller's department owns the source).
 */
export const EVALUATION_RESULTS_KIND: FileKind = {
  name: 'evaluation-results',
  fields: EVALUATION_RESULT_FIELDS,
  scope: SCOPES.evaluationsImport,
  counts: ['received', 'accepted', 'rejected', 'unchanged'],
  outcomes: ['accepted', 'unchanged', 'rejected'],
  applier(query) {
    const source = sourceOf(query);
    return async (send, batch, caller): Promise<AppliedBatch> => {
      const rejections: EvaluationRowRejection[] = [];
      const sent: { rowNumber: number; row: EvaluationRow }[] = [];
      for (const record of batch) {
        const row = evaluationRow(record);
        if (Array.isArray(row)) {
          const uscc = record.uscc;
          rejections.push({ rowNumber: record.rowNumber, uscc: typeof uscc === 'string' ? uscc : null, reasons: row });
        } else sent.push({ rowNumber: record.rowNumber, row });
      }
      const local = rejections.length;
      if (sent.length === 0)
        return { counts: { received: batch.length, accepted: 0, rejected: local, unchanged: 0 }, rejections };
      const rows = sent.map((s) => s.row);
      const { data, errors } = await send(
        EVALUATION_IMPORT,
        { input: { source, batchKey: batchKeyOf(source, rows), rows } },
        caller,
      );
      const result = data?.importEvaluationResults as ImportBatch | null | undefined;
      if (errors.length > 0 || !result) throw new BatchFailed(errors);
      // A row the mutation rejects is named by its place in the rows sent (1-based): its spreadsheet row is looked up.
      const byRow = new Map<number, EvaluationRowRejection>();
      for (const r of result.rejections) {
        const rowNumber = sent[r.row - 1]?.rowNumber ?? null;
        const known = byRow.get(r.row);
        const why = reason(r.field, 'REJECTED', r.reason);
        if (known) known.reasons.push(why);
        else byRow.set(r.row, { rowNumber, uscc: r.uscc ?? sent[r.row - 1]?.row.uscc ?? null, reasons: [why] });
      }
      rejections.push(...byRow.values());
      rejections.sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0));
      return {
        counts: {
          received: batch.length,
          accepted: result.accepted,
          rejected: local + result.rejected,
          unchanged: result.unchanged,
        },
        rejections,
        batch: {
          id: result.id,
          batchKey: result.batchKey,
          receivedAt: result.receivedAt,
          accepted: result.accepted,
          rejected: result.rejected,
          unchanged: result.unchanged,
        },
      };
    };
  },
};
