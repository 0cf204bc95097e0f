import type { Router } from 'express';
import type { SendOperation } from '../gateway-client';
import { csvExportRouter } from './csv-export';

const QUERY = `query PublicityQualityExport($from: Date!, $to: Date!, $department: String) {
  publicityQuality(from: $from, to: $to, department: $department) {
    department { code name } kind submitted accepted rejected acceptedRate timely timelyRate acceptedTargetMet timelyTargetMet
  }
}`;

/** RecordKind in the sheet's language. */
const KIND_LABEL: Record<string, string> = { LICENSE: '行政许可', PENALTY: '行政处罚', ACTION: '其他行政行为' };

const HEADER = [
  '部门代码',
  '部门名称',
  '类别',
  '提供记录数',
  '有效入库数',
  '退回数',
  '有效入库率',
  '按时入库数',
  '入库时效性',
  '入库率达标',
  '时效性达标',
];

interface Row {
  department: { code: string; name: string } | null;
  kind: string;
  submitted: number;
  accepted: number;
  rejected: number;
  acceptedRate: number;
  timely: number;
  timelyRate: number;
  acceptedTargetMet: boolean;
  timelyTargetMet: boolean;
}

/**
 * GET /reports/publicity-quality.csv?from=&to=[&department=] — the analysts'
 * figures (§5) as a spreadsheet (credit:stats, as the caller: ./csv-export.ts).
 */
export function publicityQualityCsvRouter(send: SendOperation): Router {
  return csvExportRouter<Row>(send, {
    path: '/reports/publicity-quality.csv',
    query: QUERY,
    field: 'publicityQuality',
    purpose: 'publicity-quality export',
    header: HEADER,
    variables: ({ from, to, department }) =>
      typeof from !== 'string' || typeof to !== 'string'
        ? { problem: "'from' and 'to' (YYYY-MM-DD) are required" }
        : { variables: { from, to, department: typeof department === 'string' ? department : null } },
    cells: (r) => [
      r.department?.code ?? '',
      r.department?.name ?? '',
      KIND_LABEL[r.kind] ?? r.kind,
      r.submitted,
      r.accepted,
      r.rejected,
      r.acceptedRate,
      r.timely,
      r.timelyRate,
      r.acceptedTargetMet ? '是' : '否',
      r.timelyTargetMet ? '是' : '否',
    ],
    filename: ({ from, to }) => `publicity-quality-${String(from)}-${String(to)}.csv`,
  });
}
