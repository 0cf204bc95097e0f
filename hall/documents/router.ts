import { Request, Response, Router } from 'express';
import { sessionOf } from '../auth/session';
import { callGateway } from '../gateway-client';

/** A report number as the reports subgraph writes it, bounded before anything is asked. */
const REPORT_FILE = /^([A-Z0-9-]{1,40})\.pdf$/;

const DOCUMENT_QUERY = `query CreditReportDocument($number: String!) {
  creditReportDocument(number: $number) { number filename contentType base64 sha256 }
}`;

interface DocumentData {
  creditReportDocument: {
    number: string;
    filename: string;
    contentType: string;
    base64: string;
    sha256: string;
  } | null;
}

/** The gateway's refusal as the HTTP status a browser or a terminal understands. */
const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNAUTHORIZED_FIELD_OR_TYPE: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

/** The caller: a terminal's own bearer token first (it has no session), else the signed-in clerk. */
function authorizationOf(req: Request): string | undefined {
  const header = req.header('authorization');
  if (header) return header;
  const session = sessionOf(req);
  return session ? `Bearer ${session.accessToken}` : undefined;
}

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * GET /documents/credit-reports/<number>.pdf: the stored report, byte for byte, for whoever the reports
 * subgraph lets read it (its issuer's department, the credit office, or the subject its own report that it
 * asked for); the read is the gateway's, so it is audited there.
 */
export function documentsRouter(): Router {
  const router = Router();
  router.get('/documents/credit-reports/:file', async (req, res) => {
    const match = REPORT_FILE.exec(req.params.file);
    if (!match) return refuse(res, 400, 'BAD_USER_INPUT', 'the file must be <report number>.pdf');
    const authorization = authorizationOf(req);
    if (!authorization)
      return refuse(
        res,
        401,
        'UNAUTHENTICATED',
        '请先登录: a report is downloaded with a bearer token or a signed-in session',
      );
    try {
      const answer = await callGateway<DocumentData>({
        query: DOCUMENT_QUERY,
        variables: { number: match[1] },
        authorization,
        purpose: `下载信用报告 ${match[1]}`,
      });
      const document = answer.body.data?.creditReportDocument;
      if (!document) {
        const code = String(answer.body.errors?.[0]?.extensions?.code ?? 'NOT_FOUND');
        return refuse(
          res,
          answer.status >= 400 ? answer.status : (STATUS_OF_CODE[code] ?? 502),
          code,
          answer.body.errors?.[0]?.message ?? 'no such report',
        );
      }
      const bytes = Buffer.from(document.base64, 'base64');
      res.setHeader('content-type', document.contentType);
      res.setHeader('content-length', String(bytes.length));
      res.setHeader(
        'content-disposition',
        `attachment; filename="${document.number}.pdf"; filename*=UTF-8''${encodeURIComponent(document.filename)}`,
      );
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader('x-content-sha256', document.sha256);
      res.end(bytes);
    } catch {
      refuse(res, 503, 'GATEWAY_UNAVAILABLE', '网关暂不可用: the gateway did not answer; try again');
    }
  });
  return router;
}
