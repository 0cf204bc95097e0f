import { createHash } from 'node:crypto';
import { DOCUMENT_FIELD, ReportKind } from '../../../shared/reporting/fields';
import type { ReportInput } from '../inputs/report-input';
import { problem } from './report-problems';
import type { CheckedReport, NaturalKey } from './report-validation';

/** A record of a call, checked, with its position in `records`. */
export type IndexedReport = CheckedReport & { index: number };
export type Accepted = Extract<CheckedReport, { ok: true }> & { index: number };
export type Rejected = Extract<CheckedReport, { ok: false }> & { index: number };

export function keyText(key: NaturalKey): string {
  return `${key.authorityCode}|${key.documentNo}`;
}

/** What was sent of a record, without the file row it came from. */
export function payloadOf(input: ReportInput): Record<string, unknown> {
  const { rowNumber: _row, ...payload } = input;
  return payload;
}

/** A rejected record without a natural key is known by what was sent: resending it changes nothing. */
export function payloadDigest(input: ReportInput): string {
  const payload = payloadOf(input);
  const canonical = JSON.stringify(
    Object.keys(payload)
      .sort()
      .map((k) => [k, payload[k] ?? null]),
  );
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}

/** How a department finds a record of its call again: the file row, else its position. */
export function positionOf(inputs: ReportInput[], index: number): string {
  const row = inputs[index].rowNumber;
  return row == null ? `records[${index}]` : `第 ${row} 行`;
}

/** Within one call the last record of a natural key wins; earlier ones are rejected as duplicates. */
export function rejectEarlierDuplicates(kind: ReportKind, checked: IndexedReport[], inputs: ReportInput[]): void {
  const last = new Map<string, number>();
  for (const report of checked) if (report.key) last.set(keyText(report.key), report.index);
  for (const [i, report] of checked.entries()) {
    if (!report.key) continue;
    const winner = last.get(keyText(report.key));
    if (winner === undefined || winner === report.index) continue;
    const reasons = report.ok ? [] : report.problems;
    checked[i] = {
      ok: false,
      index: report.index,
      key: null,
      documentNo: report.key.documentNo,
      decidedAt: report.decidedAt,
      problems: [
        ...reasons,
        problem(
          DOCUMENT_FIELD[kind],
          'DUPLICATE',
          `与同一批次 ${positionOf(inputs, winner)} 的机关和文书号相同，以后者为准`,
        ),
      ],
    };
  }
}

/**
 * One submission row per key: identical rejected records (same payload, hence the same digest) may
 * arrive several times in one call, and one upsert cannot touch a row twice. The last one sent wins,
 * as for records with a natural key; every one of them is still answered in `rejections`.
 */
export function lastOfEachKey<T extends { index: number; key: string }>(rows: T[]): Omit<T, 'index'>[] {
  const last = new Map<string, T>();
  for (const row of rows) if ((last.get(row.key)?.index ?? -1) < row.index) last.set(row.key, row);
  return [...last.values()].map(({ index: _index, ...row }) => row);
}
