import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import express from 'express';
import pino from 'pino';
import { templateHeader } from '../../ingest/files/columns';
import { IngestError } from '../../ingest/files/errors';
import { DEFAULT_XLSX_LIMITS } from '../../ingest/files/xlsx-limits';
import type { SendOperation } from '../../ingest/gateway-client';
import type { Identify } from '../../ingest/upload/identify';
import { IngestOptions, ingestRouter } from '../../ingest/upload/router';
import { PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import { ShutdownSignal } from '../../shared/http/graceful-stop';
import { REPORT_FIELDS } from '../../shared/reporting/fields';

/**
 * The ingest endpoint in-process, over stand-ins for the gateway: one that
 * answers who is calling as the gateway does (ingest/upload/identify.ts), and
 * one for its /graphql that records each batch and answers like the report mutations.
 */
type Batch = { rowNumber: number; [field: string]: unknown }[];
type Reply = (
  records: Batch,
  call: number,
) => { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };

const HEADER = REPORT_FIELDS.penalties.map(templateHeader).join(',');
const TOKEN = 'Bearer good';

function accepted(records: Batch) {
  const rejections = records.flatMap((r, index) =>
    String(r.partyName).includes('坏')
      ? [
          {
            index,
            rowNumber: r.rowNumber,
            documentNo: r.decisionNo ?? null,
            reasons: [{ field: 'uscc', code: 'CHECKSUM', message: '统一社会信用代码校验位错误' }],
          },
        ]
      : [],
  );
  const ok = records.length - rejections.length;
  return {
    data: {
      reportPenalties: {
        received: records.length,
        accepted: ok,
        rejected: rejections.length,
        created: ok,
        updated: 0,
        unchanged: 0,
        rejections,
      },
    },
  };
}

let server: Server;
let url: string;
let batches: Batch[];
let reply: Reply;
let shutdown: ShutdownSignal;
const options: IngestOptions = {
  maxBytes: 20_000,
  inFlight: 2,
  batch: { rows: 2, bytes: 1_000_000 },
  xlsx: DEFAULT_XLSX_LIMITS,
  tempDir: tmpdir(),
  slots: { total: 4, perOrg: 1 },
  idleMs: 60_000,
};

beforeAll(async () => {
  const send: SendOperation = async (query, variables, caller) => {
    expect(query).toMatch(/mutation IngestReportPenalties\(\$records: \[PenaltyReport!\]!\)/);
    expect(caller).toMatchObject({
      authorization: TOKEN,
      purpose: 'file ingest penalties',
      requestId: expect.any(String),
    });
    const records = variables.records as Batch;
    batches.push(records);
    const { data, errors } = reply(records, batches.length);
    return { status: 200, data: data ?? null, errors: errors ?? [], requestId: caller.requestId ?? null };
  };
  // As the gateway answers `{ __typename }` for the caller: the token and its department, then x-request-id, checked.
  const identify: Identify = async (header, requestId) => {
    const uploader = (principal: typeof PUBLIC_PRINCIPAL) => {
      if (requestId !== undefined && !/^[A-Za-z0-9._:-]+$/.test(requestId))
        throw new IngestError(400, 'BAD_USER_INPUT', 'x-request-id: bad', { header: 'x-request-id' });
      return { principal, requestId: requestId ?? randomUUID() };
    };
    if (!header) return uploader(PUBLIC_PRINCIPAL);
    if (header === 'Bearer analyst')
      return uploader({
        sub: 'a',
        name: 'a',
        org: 'gusu.tjj',
        roles: ['analyst'],
        scopes: ['credit:public', 'credit:stats'],
        authenticated: true,
      });
    if (header === 'Bearer orgless')
      return uploader({
        sub: 'o',
        name: 'o',
        org: null,
        roles: ['department'],
        scopes: ['records:write'],
        authenticated: true,
      });
    if (header === 'Bearer outsider')
      throw new IngestError(403, 'FORBIDDEN', 'org is not a department', { claim: 'org' });
    if (header !== TOKEN) throw new IngestError(401, 'UNAUTHENTICATED', 'invalid token');
    return uploader({
      sub: 't',
      name: 't',
      org: 'gusu.scjgj',
      roles: ['department'],
      scopes: ['records:write'],
      authenticated: true,
    });
  };
  const app = express();
  shutdown = new ShutdownSignal();
  app.use(ingestRouter(identify, send, options, pino({ level: 'silent' }), shutdown));
  server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  batches = [];
  reply = accepted;
  options.inFlight = 2;
});

function row(partyName: string, decisionNo: string): string {
  return REPORT_FIELDS.penalties
    .map((f) =>
      f.field === 'partyName'
        ? partyName
        : f.field === 'decisionNo'
          ? decisionNo
          : f.field === 'categories'
            ? '"警告；罚款"'
            : '',
    )
    .join(',');
}

/** The route's answer as these tests read it: refusals in `errors`, an upload's outcome in the rest. */
interface IngestAnswer {
  errors: { message: string; extensions: Record<string, unknown> }[];
  rejections: unknown[];
  counts: Record<string, number>;
  error: Record<string, unknown> | null;
}

async function post(
  body: string | Buffer,
  headers: Record<string, string> = { authorization: TOKEN, 'content-type': 'text/csv' },
  kind = 'penalties',
) {
  const response = await fetch(`${url}/ingest/${kind}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as IngestAnswer, text };
}

describe('POST /ingest/:kind', () => {
  it('sends the rows in batches, as the caller, and streams the rejections with row, column and reason', async () => {
    const csv = [
      HEADER,
      row('甲公司', 'A-1'),
      '',
      row('坏公司', 'A-2'),
      row('丙公司', 'A-3'),
      row('坏二', 'A-4'),
      row('戊公司', 'A-5'),
    ].join('\r\n');
    const { status, body, text } = await post(`\uFEFF${csv}\r\n`);
    expect(status).toBe(200);
    expect(batches.map((b) => b.map((r) => r.rowNumber))).toEqual([[2, 4], [5, 6], [7]]);
    expect(batches[0][0]).toEqual({
      rowNumber: 2,
      partyName: '甲公司',
      decisionNo: 'A-1',
      categories: ['警告', '罚款'],
    });
    expect(body).toEqual({
      kind: 'penalties',
      rejections: [
        {
          rowNumber: 4,
          documentNo: 'A-2',
          reasons: [
            { field: 'uscc', column: '统一社会信用代码', code: 'CHECKSUM', message: '统一社会信用代码校验位错误' },
          ],
        },
        {
          rowNumber: 6,
          documentNo: 'A-4',
          reasons: [
            { field: 'uscc', column: '统一社会信用代码', code: 'CHECKSUM', message: '统一社会信用代码校验位错误' },
          ],
        },
      ],
      counts: { received: 5, accepted: 3, rejected: 2, created: 3, updated: 0, unchanged: 0, batches: 3 },
      error: null,
    });
    // One rejection per line, so the answer can be followed as it arrives.
    expect(text.split('\n')).toHaveLength(5);
  });

  it('needs a valid token', async () => {
    expect(await post('x', {})).toMatchObject({
      status: 401,
      body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    expect((await post('x', { authorization: 'Bearer forged' })).status).toBe(401);
    expect(batches).toEqual([]);
  });

  it('refuses, from the token alone, a caller without records:write, without org, or outside the directory (a PDF body, never read)', async () => {
    const pdf = '%PDF-1.4 ...';
    expect(await post(pdf, { authorization: 'Bearer analyst' })).toMatchObject({
      status: 403,
      body: { errors: [{ extensions: { code: 'FORBIDDEN', requiredScope: 'records:write' } }] },
    });
    expect(await post(pdf, { authorization: 'Bearer orgless' })).toMatchObject({
      status: 403,
      body: { errors: [{ extensions: { code: 'FORBIDDEN', claim: 'org' } }] },
    });
    expect(await post(pdf, { authorization: 'Bearer outsider' })).toMatchObject({
      status: 403,
      body: { errors: [{ message: 'org is not a department', extensions: { code: 'FORBIDDEN' } }] },
    });
    // Even for a kind that does not exist: who asks is decided first.
    expect((await post(pdf, { authorization: 'Bearer analyst' }, 'fines')).status).toBe(403);
    expect(batches).toEqual([]);
  });

  it('takes one department’s uploads a few at a time: another while one is in progress is 429, and its slot comes back after', async () => {
    let finish: () => void = () => {};
    const open = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`${HEADER}\r\n${row('甲公司', 'S-1')}\r\n`));
        finish = () => {
          controller.enqueue(new TextEncoder().encode(`${row('乙公司', 'S-2')}\r\n`));
          controller.close();
        };
      },
    });
    const first = fetch(`${url}/ingest/penalties`, {
      method: 'POST',
      headers: { authorization: TOKEN, 'content-type': 'text/csv' },
      body: open,
      duplex: 'half',
    } as RequestInit);
    // The first upload is being read (its first row arrived) and has not ended.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await post([HEADER, row('丙公司', 'S-3')].join('\r\n'));
    expect(second.status).toBe(429);
    expect(second.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_UPLOADS', perOrg: 1 });
    finish();
    expect((await first).status).toBe(200);
    expect((await post([HEADER, row('丁公司', 'S-4')].join('\r\n'))).status).toBe(200);
  });

  it('answers 408 to an upload that stops sending, and gives its slot back', async () => {
    options.idleMs = 300;
    try {
      const stalled = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`${HEADER}\r\n`));
        },
      });
      const started = Date.now();
      const response = await fetch(`${url}/ingest/penalties`, {
        method: 'POST',
        headers: { authorization: TOKEN, 'content-type': 'text/csv' },
        body: stalled,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(408);
      expect(
        ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
      ).toBe('UPLOAD_TIMEOUT');
      // Answered within the idle time, not held open.
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await post([HEADER, row('甲公司', 'I-1')].join('\r\n'))).status).toBe(200);
    } finally {
      options.idleMs = 60_000;
    }
  });

  it('refuses a request id the audit log could not store, before the upload is read', async () => {
    const refused = await post([HEADER, row('甲公司', 'R-1')].join('\r\n'), {
      authorization: TOKEN,
      'content-type': 'text/csv',
      'x-request-id': 'no spaces allowed',
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', header: 'x-request-id' } }] },
    });
    expect(batches).toEqual([]);
  });

  it('knows three kinds', async () => {
    expect(await post('x', { authorization: TOKEN }, 'fines')).toMatchObject({
      status: 404,
      body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] },
    });
  });

  it('refuses a file that is not CSV or XLSX with 415', async () => {
    expect(await post('%PDF-1.4 ...', { authorization: TOKEN })).toMatchObject({
      status: 415,
      body: { errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] },
    });
    expect((await post(HEADER, { authorization: TOKEN, 'content-type': 'application/json' })).status).toBe(415);
  });

  it('refuses an empty file, and a header without rows', async () => {
    for (const empty of ['', '\uFEFF', '\r\n,,\r\n', `${HEADER}\r\n`, `${HEADER}\r\n,,,\r\n\r\n`]) {
      const { status, body } = await post(empty);
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(/no rows/);
    }
    expect(batches).toEqual([]);
  });

  it('refuses a header row that does not match the template, naming the columns', async () => {
    const { status, body } = await post(`${HEADER.replace('违法事实*,', '')},附注\r\n${row('甲', 'A-1')},x\r\n`);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      missingColumns: ['违法事实*'],
      unknownColumns: ['附注'],
    });
    expect(body.errors[0].extensions.expectedColumns).toContain('违法事实*');
  });

  it('refuses a file over the limit: by its Content-Length before reading, and by counting while reading', async () => {
    const declared = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        `${url}/ingest/penalties`,
        { method: 'POST', headers: { authorization: TOKEN, 'content-length': String(options.maxBytes + 1) } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      // Headers only: the answer comes before the body does.
      req.flushHeaders();
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');

    // No Content-Length: the rows arrive one by one, more of them than the limit allows.
    let sent = 0;
    const streamed = await fetch(`${url}/ingest/penalties`, {
      method: 'POST',
      headers: { authorization: TOKEN },
      body: new ReadableStream({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          controller.enqueue(new TextEncoder().encode(`${sent === 0 ? HEADER : row(`公司${sent}`, `A-${sent}`)}\n`));
          sent += 1;
          if (sent > 1000) controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(streamed.status).toBe(200);
    const answer = (await streamed.json()) as { error: { code: string; rowsApplied: number; lastRowApplied: number } };
    expect(answer.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // Whole batches only, and the counts say how far it got.
    expect(answer.error.rowsApplied).toBe(batches.flat().length);
    expect(answer.error.rowsApplied % 2).toBe(0);
    expect(answer.error.lastRowApplied).toBe(answer.error.rowsApplied + 1);
  });

  it('answers 403 when the first batch is refused for access, before anything is applied', async () => {
    reply = () => ({
      data: { reportPenalties: null },
      errors: [{ message: 'not authorized: records:write', extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } }],
    });
    const { status, body } = await post([HEADER, row('甲', 'A-1')].join('\n'));
    expect(status).toBe(403);
    expect(body).toEqual({
      errors: [{ message: 'not authorized: records:write', extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } }],
    });
  });

  it('stops at a batch that fails after others were applied, saying how far it got', async () => {
    options.inFlight = 1;
    // A fault of ours is answered by its code and request id: not its text (here the SQL statement a subgraph quoted in development).
    reply = (records, call) =>
      call === 2
        ? {
            errors: [
              {
                message: 'insert into "subjects"."penalty" ("id") values ($1) - connect ECONNREFUSED 10.0.0.7:5432',
                extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at Client.query'] },
              },
            ],
          }
        : accepted(records);
    const { status, body } = await post(
      [HEADER, row('甲', 'A-1'), row('坏', 'A-2'), row('丙', 'A-3'), row('丁', 'A-4'), row('戊', 'A-5')].join('\n'),
    );
    expect(status).toBe(200);
    expect(JSON.stringify(body)).not.toMatch(/insert into|10\.0\.0\.7|stacktrace/);
    expect(batches).toHaveLength(2);
    expect(body.rejections).toHaveLength(1);
    expect(body.counts).toMatchObject({ received: 2, accepted: 1, rejected: 1, batches: 1 });
    expect(body.error).toEqual({
      message: expect.stringMatching(/^internal error \(request [0-9a-f-]{36}\); see the ingest log$/),
      code: 'INTERNAL_SERVER_ERROR',
      rowsApplied: 2,
      lastRowApplied: 3,
    });
  });

  it('with two batches in flight, counts the one sent after a failing batch but ends the applied prefix before it', async () => {
    reply = (records, call) =>
      call === 2
        ? { errors: [{ message: 'database unavailable', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }
        : accepted(records);
    const { status, body } = await post(
      [HEADER, row('甲', 'A-1'), row('坏', 'A-2'), row('丙', 'A-3'), row('丁', 'A-4'), row('戊', 'A-5')].join('\n'),
    );
    expect(status).toBe(200);
    expect(batches.map((b) => b.map((r) => r.rowNumber))).toEqual([[2, 3], [4, 5], [6]]);
    expect(body.counts).toMatchObject({ received: 3, accepted: 2, rejected: 1, batches: 2 });
    expect(body.error).toEqual({
      message: expect.stringMatching(/^internal error \(request [0-9a-f-]{36}\); see the ingest log$/),
      code: 'INTERNAL_SERVER_ERROR',
      rowsApplied: 3,
      lastRowApplied: 3,
    });
  });

  it('answers a first batch refused for a database outage 503 with Retry-After, its text withheld', async () => {
    reply = () => ({
      errors: [
        { message: 'the database is unavailable; try again later', extensions: { code: 'DATABASE_UNAVAILABLE' } },
      ],
    });
    const response = await fetch(`${url}/ingest/penalties`, {
      method: 'POST',
      headers: { authorization: TOKEN, 'content-type': 'text/csv' },
      body: [HEADER, row('甲', 'A-1')].join('\n'),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({
      errors: [
        { message: 'the database is unavailable; try again later', extensions: { code: 'DATABASE_UNAVAILABLE' } },
      ],
    });
  });

  it('keeps a batch within the byte budget: long texts go in smaller batches', async () => {
    const long = 'x'.repeat(600);
    const { status } = await post([HEADER, row(long, 'A-1'), row(long, 'A-2'), row(long, 'A-3')].join('\n'), {
      authorization: TOKEN,
    });
    expect(status).toBe(200);
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
  });

  // Last: the signal, once given, stays given.
  it('when the ingest service stops, finishes the batch in flight and ends the answer with SHUTTING_DOWN; a new upload is 503', async () => {
    options.inFlight = 1;
    reply = (records, call) => {
      if (call === 1) shutdown.begin();
      return accepted(records);
    };
    const csv = [
      HEADER,
      row('甲公司', 'S-1'),
      row('乙公司', 'S-2'),
      row('丙公司', 'S-3'),
      row('丁公司', 'S-4'),
      row('戊公司', 'S-5'),
    ].join('\r\n');
    const { status, body } = await post(csv);
    expect(status).toBe(200);
    expect(batches.map((b) => b.map((r) => r.rowNumber))).toEqual([[2, 3]]);
    expect(body.counts).toMatchObject({ received: 2, batches: 1 });
    expect(body.error).toMatchObject({ code: 'SHUTTING_DOWN', rowsApplied: 2, lastRowApplied: 3 });

    batches = [];
    const response = await fetch(`${url}/ingest/penalties`, {
      method: 'POST',
      headers: { authorization: TOKEN, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'SHUTTING_DOWN' } }] });
    expect(batches).toEqual([]);
  });
});
