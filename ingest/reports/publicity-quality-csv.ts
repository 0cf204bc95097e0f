import { Router } from 'express';
import type { SendOperation } from '../gateway-client';

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

function csvCell(value: string | number | boolean): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * GET /reports/publicity-quality.csv?from=&to=[&department=] — the analysts'
 * figures (§5) as a spreadsheet: the same GraphQL query, posted to the gateway
 * as the caller (token, credit:stats, audit), rendered as UTF-8 CSV with a BOM for Excel.
 */
export function publicityQualityCsvRouter(send: SendOperation): Router {
  const router = Router();
  router.get('/reports/publicity-quality.csv', async (req, res) => {
    const fail = (status: number, code: string, message: string) =>
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
    const authorization = req.header('authorization') ?? null;
    if (authorization === null || authorization.trim() === '')
      return fail(401, 'UNAUTHENTICATED', 'the export needs a token');
    const { from, to, department } = req.query;
    if (typeof from !== 'string' || typeof to !== 'string')
      return fail(400, 'BAD_USER_INPUT', "'from' and 'to' (YYYY-MM-DD) are required");
    const answer = await send(
      QUERY,
      { from, to, department: typeof department === 'string' ? department : null },
      { authorization, purpose: 'publicity-quality export' },
    );
    const rows = answer.data?.publicityQuality as Row[] | null | undefined;
    if (answer.status === 401) return fail(401, 'UNAUTHENTICATED', answer.errors[0]?.message ?? 'invalid token');
    if (answer.errors.length || !rows) {
      const code = String(answer.errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      const status =
        code === 'UNAUTHORIZED_FIELD_OR_TYPE' || code === 'FORBIDDEN' ? 403 : code === 'BAD_USER_INPUT' ? 400 : 500;
      return res.status(status).json({ errors: answer.errors });
    }
    const lines = [
      HEADER,
      ...rows.map((r) => [
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
      ]),
    ];
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="publicity-quality-${from}-${to}.csv"`)
      .send(`\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`);
  });
  return router;
}
