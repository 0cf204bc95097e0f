import type { Router } from 'express';
import type { SendOperation } from '../gateway-client';
import { csvExportRouter } from './csv-export';

const QUERY = `query PublicityQualityExport($from: Date!, $to: Date!, $department: String) {
  publicityQuality(from: $from, to: $to, department: $department) {
    department { code name } kind submitted accepted rejected acceptedRate timely timelyRate acceptedTargetMet timelyTargetMet
    interfaceSubmitted fileSubmitted manualSubmitted unknownChannelSubmitted interfaceShare
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
  // §6: by channel, after the §5 columns (a sheet reading those by position is unchanged).
  '接口调用报送数',
  '文件报送数',
  '人工录入数',
  '渠道未记录数',
  '接口调用比例',
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
  interfaceSubmitted: number;
  fileSubmitted: number;
  manualSubmitted: number;
  unknownChannelSubmitted: number;
  interfaceShare: number;
}

/**
 * GET /reports/publicity-quality.csv?from=&to=[&department=] — the analysts'
 * figures (§5, and the channels of §6) as a spreadsheet (credit:stats, as the caller: ./csv-export.ts).
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
      r.interfaceSubmitted,
      r.fileSubmitted,
      r.manualSubmitted,
      r.unknownChannelSubmitted,
      r.interfaceShare,
    ],
    filename: ({ from, to }) => `publicity-quality-${String(from)}-${String(to)}.csv`,
  });
}
