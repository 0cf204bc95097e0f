import { REPORT_KINDS } from '../../shared/reporting/fields';
import { EVALUATION_RESULTS_KIND } from './evaluation-import';
import type { FileKind } from './file-kind';
import { reportFileKind } from './report-mutation';
import { UPPER_LEVEL_LISTS_KIND } from './upper-list-import';

/** Every kind of file POST /ingest/<kind> takes: the 双公示 kinds, evaluation results, upper-level lists. */
const FILE_KINDS: ReadonlyMap<string, FileKind> = new Map(
  [...REPORT_KINDS.map(reportFileKind), EVALUATION_RESULTS_KIND, UPPER_LEVEL_LISTS_KIND].map((kind) => [
    kind.name,
    kind,
  ]),
);

export const FILE_KIND_NAMES: readonly string[] = [...FILE_KINDS.keys()];

export function fileKind(name: string): FileKind | null {
  return FILE_KINDS.get(name) ?? null;
}
