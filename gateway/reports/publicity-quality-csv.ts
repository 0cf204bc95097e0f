import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { Router } from 'express';
import type { Authenticate } from '../auth/identity';
import type { GatewayContext } from '../guarded-gateway';

const QUERY = `query PublicityQualityExport($from: Date!, $to: Date!, $department: String) {
  publicityQuality(from: $from, to: $to, department: $department) {
    department { code name } kind submitted accepted rejected acceptedRate timely timelyRate acceptedTargetMet timelyTargetMet
  }
}`;

/** RecordKind in the sheet's language. */
const KIND_LABEL: Record<string, string> = { LICENSE: '行政许可', PENALTY: '行政处罚', ACTION: '其他行政行为' };

const HEADER = ['部门代码', '部门名称', '类别', '提供记录数', '有效入库数', '退回数', '有效入库率', '按时入库数', '入库时效性', '入库率达标', '时效性达标'];

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
 * figures (§5) as a spreadsheet: the same GraphQL query, through the same
 * checks (token, credit:stats, audit), rendered as UTF-8 CSV with a BOM for Excel.
 */
export function publicityQualityCsvRouter(apollo: ApolloServer<GatewayContext>, authenticate: Authenticate): Router {
  const router = Router();
  router.get('/reports/publicity-quality.csv', async (req, res) => {
    const fail = (status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });
    let context: GatewayContext;
    try {
      context = { principal: await authenticate(req.header('authorization')), requestId: randomUUID(), purpose: 'publicity-quality export', authorization: req.header('authorization') ?? null };
    } catch (error) {
      return fail(401, 'UNAUTHENTICATED', error instanceof Error ? error.message : 'invalid token');
    }
    if (!context.principal.authenticated) return fail(401, 'UNAUTHENTICATED', 'the export needs a token');
    const { from, to, department } = req.query;
    if (typeof from !== 'string' || typeof to !== 'string') return fail(400, 'BAD_USER_INPUT', "'from' and 'to' (YYYY-MM-DD) are required");
    const response = await apollo.executeOperation(
      { query: QUERY, variables: { from, to, department: typeof department === 'string' ? department : null } },
      { contextValue: context },
    );
    if (response.body.kind !== 'single') return fail(500, 'INTERNAL_SERVER_ERROR', 'unexpected incremental response');
    const { data, errors } = response.body.singleResult;
    const rows = (data as { publicityQuality: Row[] | null } | undefined)?.publicityQuality;
    if (errors?.length || !rows) {
      const code = String(errors?.[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      const status = code === 'UNAUTHORIZED_FIELD_OR_TYPE' ? 403 : code === 'BAD_USER_INPUT' ? 400 : 500;
      return res.status(status).json({ errors });
    }
    const lines = [HEADER, ...rows.map((r) => [r.department?.code ?? '', r.department?.name ?? '', KIND_LABEL[r.kind] ?? r.kind, r.submitted, r.accepted, r.rejected, r.acceptedRate, r.timely, r.timelyRate, r.acceptedTargetMet ? '是' : '否', r.timelyTargetMet ? '是' : '否'])];
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="publicity-quality-${from}-${to}.csv"`)
      .send(`\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`);
  });
  return router;
}
