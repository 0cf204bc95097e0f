import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import express from 'express';
import { parse, validate } from 'graphql';
import pino from 'pino';
import { templateHeader } from '../../ingest/files/columns';
import { EVALUATION_RESULT_FIELDS } from '../../ingest/files/evaluation-fields';
import { DEFAULT_XLSX_LIMITS } from '../../ingest/files/xlsx-limits';
import type { SendOperation } from '../../ingest/gateway-client';
import { GRADE_DISTRIBUTION_EXPORT } from '../../ingest/reports/grade-distribution-csv';
import { batchKeyOf, EVALUATION_IMPORT, EvaluationRow, evaluationRow } from '../../ingest/upload/evaluation-import';
import type { Identify } from '../../ingest/upload/identify';
import { ingestRouter } from '../../ingest/upload/router';
import { PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import { apiSchema } from '../support/operations';

/**
 * POST /ingest/evaluation-results?source= in-process, over a stand-in for the gateway that answers
 * importEvaluationResults as the contract says: rows rejected by their place in the batch (1-based),
 * the same batchKey answering the stored batch.
 */
const HEADER = EVALUATION_RESULT_FIELDS.map(templateHeader).join(',');
const USCC = '91320508MA1P0Q0R0X';

interface Sent {
  query: string;
  input: { source: string; batchKey: string; rows: EvaluationRow[] };
}

let server: Server;
let url: string;
let sent: Sent[];
const stored = new Map<string, unknown>();

beforeAll(async () => {
  const send: SendOperation = async (query, variables, caller) => {
    expect(caller).toMatchObject({ authorization: 'Bearer dept', purpose: 'file ingest evaluation-results' });
    const input = variables.input as Sent['input'];
    sent.push({ query, input });
    if (input.source === 'UNKNOWN')
      return {
        status: 200,
        data: null,
        errors: [{ message: 'no such source', extensions: { code: 'BAD_USER_INPUT', field: 'source' } }],
        requestId: null,
      };
    const rejections = input.rows.flatMap((row, i) =>
      row.grade === 'Z'
        ? [{ row: i + 1, uscc: row.uscc, field: 'grade', reason: '评价等级不在该来源的等级体系内' }]
        : [],
    );
    const batch = stored.get(input.batchKey) ?? {
      id: randomUUID(),
      batchKey: input.batchKey,
      receivedAt: '2026-12-02T10:00:00.000Z',
      accepted: input.rows.length - rejections.length,
      rejected: rejections.length,
      unchanged: 0,
      rejections,
    };
    stored.set(input.batchKey, batch);
    return { status: 200, data: { importEvaluationResults: batch }, errors: [], requestId: null };
  };
  const identify: Identify = async (header) => {
    const scopes = header === 'Bearer dept' ? ['credit:read', 'evaluations:import'] : ['credit:read', 'records:write'];
    if (!header) return { principal: PUBLIC_PRINCIPAL, requestId: randomUUID() };
    return {
      principal: { sub: 'd', name: 'd', org: 'gusu.swj', roles: ['department'], scopes, authenticated: true },
      requestId: randomUUID(),
    };
  };
  const app = express();
  app.use(
    ingestRouter(
      identify,
      send,
      {
        maxBytes: 20_000,
        inFlight: 1,
        batch: { rows: 3, bytes: 1_000_000 },
        xlsx: DEFAULT_XLSX_LIMITS,
        tempDir: tmpdir(),
        slots: { total: 4, perOrg: 2 },
        idleMs: 60_000,
      },
      pino({ level: 'silent' }),
    ),
  );
  server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  sent = [];
});

async function post(csv: string, query = '?source=gusu.swj.tax', authorization = 'Bearer dept') {
  const response = await fetch(`${url}/ingest/evaluation-results${query}`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'text/csv' },
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const FILE = [
  HEADER,
  `${USCC},甲公司,A,95.5,2026,纳税信用评价,2026-04-01`,
  `${USCC},乙公司,Z,,2026,,2026-04-01`,
  `${USCC},丙公司,B,九十,2026,,2026-04-01`,
  `${USCC},丁公司,,,2026,,2026-02-30`,
  `${USCC},戊公司,M,60,2026,,2026-04-01`,
].join('\r\n');

describe('the operations the ingest service sends for evaluations', () => {
  it.each([
    ['importEvaluationResults', EVALUATION_IMPORT],
    ['gradeDistribution', GRADE_DISTRIBUTION_EXPORT],
  ])('%s validates against the committed supergraph', (_name, document) => {
    expect(validate(apiSchema(), parse(document)).map((e) => e.message)).toEqual([]);
  });
});

describe('an evaluation-results row', () => {
  it('becomes the mutation’s row: a score as a number, blank optional cells left out', () => {
    expect(
      evaluationRow({ rowNumber: 2, uscc: USCC, grade: 'A', score: '95.5', period: '2026', evaluatedOn: '2026-04-01' }),
    ).toEqual({ uscc: USCC, grade: 'A', score: 95.5, period: '2026', evaluatedOn: '2026-04-01' });
  });

  it('is rejected here for what GraphQL would refuse for the whole batch: missing, too long, not a number, not a date', () => {
    const reasons = evaluationRow({
      rowNumber: 3,
      uscc: USCC,
      score: '1e3x',
      period: 'P'.repeat(33),
      evaluatedOn: '2026-13-01',
    });
    expect(Array.isArray(reasons) && reasons.map((r) => [r.field, r.code, r.column])).toEqual([
      ['grade', 'REQUIRED', '评价等级'],
      ['period', 'TOO_LONG', '评价周期'],
      ['score', 'NOT_A_NUMBER', '评价得分'],
      ['evaluatedOn', 'NOT_A_DATE', '评价日期'],
    ]);
  });

  it('has a batch key that is the same for the same source and rows, and differs otherwise', () => {
    const rows: EvaluationRow[] = [{ uscc: USCC, grade: 'A', period: '2026', evaluatedOn: '2026-04-01' }];
    expect(batchKeyOf('s', rows)).toBe(batchKeyOf('s', [{ ...rows[0] }]));
    expect(batchKeyOf('s', rows)).not.toBe(batchKeyOf('t', rows));
    expect(batchKeyOf('s', rows)).toMatch(/^file:[0-9a-f]{40}$/);
  });
});

describe('POST /ingest/evaluation-results', () => {
  it('sends the good rows in batches to importEvaluationResults, and answers every rejection by spreadsheet row', async () => {
    const { status, body } = await post(`${FILE}\r\n`);
    expect(status).toBe(200);
    expect(sent.map((s) => s.input.rows.map((r) => r.grade))).toEqual([['A', 'Z'], ['M']]);
    expect(sent[0].query).toContain('importEvaluationResults(input: $input)');
    expect(sent[0].input.source).toBe('gusu.swj.tax');
    expect(body.rejections).toEqual([
      {
        rowNumber: 3,
        uscc: USCC,
        reasons: [{ field: 'grade', column: '评价等级', code: 'REJECTED', message: '评价等级不在该来源的等级体系内' }],
      },
      {
        rowNumber: 4,
        uscc: USCC,
        reasons: [
          { field: 'score', column: '评价得分', code: 'NOT_A_NUMBER', message: '评价得分应为数字，而不是“九十”' },
        ],
      },
      {
        rowNumber: 5,
        uscc: USCC,
        reasons: [
          { field: 'grade', column: '评价等级', code: 'REQUIRED', message: '评价等级不能为空' },
          {
            field: 'evaluatedOn',
            column: '评价日期',
            code: 'NOT_A_DATE',
            message: expect.stringContaining('2026-02-30'),
          },
        ],
      },
    ]);
    expect(body.counts).toEqual({ received: 5, accepted: 2, rejected: 3, unchanged: 0, batches: 2 });
    expect(body.batches).toEqual([
      expect.objectContaining({ batchKey: sent[0].input.batchKey, accepted: 1, rejected: 1 }),
      expect.objectContaining({ batchKey: sent[1].input.batchKey, accepted: 1, rejected: 0 }),
    ]);
  });

  it('sends the same keys for the same file again (the mutation answers the stored batches)', async () => {
    await post(`${FILE}\r\n`);
    const first = sent.map((s) => s.input.batchKey);
    sent = [];
    const again = await post(`${FILE}\r\n`);
    expect(sent.map((s) => s.input.batchKey)).toEqual(first);
    expect((again.body.batches as { id: string }[]).length).toBe(2);
  });

  it('refuses, before reading the file, a missing or malformed source, and a token without evaluations:import', async () => {
    for (const query of ['', '?source=', '?source=a%20b', `?source=${'x'.repeat(65)}`]) {
      const refused = await post(FILE, query);
      expect([query, refused.status]).toEqual([query, 400]);
      expect(refused.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', parameter: 'source' } }] });
    }
    const clerk = await post(FILE, '?source=gusu.swj.tax', 'Bearer records-only');
    expect(clerk.status).toBe(403);
    expect(clerk.body).toMatchObject({
      errors: [{ extensions: { code: 'FORBIDDEN', requiredScope: 'evaluations:import' } }],
    });
    expect(sent).toEqual([]);
  });

  it('answers the mutation’s refusal of the first batch (an unknown source) as HTTP 400, nothing applied', async () => {
    const refused = await post(FILE, '?source=UNKNOWN');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'source' } }] });
  });

  it('refuses a header row that is not the template’s, naming the expected columns', async () => {
    const refused = await post('统一社会信用代码,等级\r\nx,y\r\n');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: [
        {
          extensions: {
            code: 'BAD_USER_INPUT',
            missingColumns: ['评价等级*', '评价周期*', '评价日期*'],
            expectedColumns: EVALUATION_RESULT_FIELDS.map(templateHeader),
          },
        },
      ],
    });
  });
});
