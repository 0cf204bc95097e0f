import { Request, Router } from 'express';
import type { SendOperation } from '../gateway-client';

export type CsvCell = string | number | boolean;

/** One CSV export: its GraphQL query, the rows it answers, how they print. */
export interface CsvExport<Row> {
  /** GET path, ending .csv. */
  path: string;
  query: string;
  /** The query's root field, whose list is the sheet. */
  field: string;
  /** Recorded as x-purpose in the audit. */
  purpose: string;
  header: readonly string[];
  /** The query's variables from the request's parameters, or why they are bad (answered 400). */
  variables(params: Request['query']): { variables: Record<string, unknown> } | { problem: string };
  cells(row: Row, variables: Record<string, unknown>): CsvCell[];
  filename(variables: Record<string, unknown>): string;
}

function csvCell(value: CsvCell): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * GET <path> — the analysts' figures as a spreadsheet: the same GraphQL query,
 * posted to the gateway as the caller (token, scopes, audit), rendered as UTF-8
 * CSV with a BOM for Excel. The gateway's refusals keep their codes.
 */
export function csvExportRouter<Row>(send: SendOperation, spec: CsvExport<Row>): Router {
  const router = Router();
  router.get(spec.path, async (req, res) => {
    const fail = (status: number, code: string, message: string) =>
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
    const authorization = req.header('authorization') ?? null;
    if (authorization === null || authorization.trim() === '')
      return fail(401, 'UNAUTHENTICATED', 'the export needs a token');
    const read = spec.variables(req.query);
    if ('problem' in read) return fail(400, 'BAD_USER_INPUT', read.problem);
    const { variables } = read;
    const answer = await send(spec.query, variables, { authorization, purpose: spec.purpose });
    const rows = answer.data?.[spec.field] as Row[] | null | undefined;
    if (answer.status === 401) return fail(401, 'UNAUTHENTICATED', answer.errors[0]?.message ?? 'invalid token');
    if (answer.errors.length || !rows) {
      const code = String(answer.errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      const status =
        code === 'UNAUTHORIZED_FIELD_OR_TYPE' || code === 'FORBIDDEN' ? 403 : code === 'BAD_USER_INPUT' ? 400 : 500;
      return res.status(status).json({ errors: answer.errors });
    }
    const lines = [spec.header, ...rows.map((row) => spec.cells(row, variables))];
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${spec.filename(variables)}"`)
      .send(`\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`);
  });
  return router;
}
