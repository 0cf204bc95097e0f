import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { templateHeader } from '../../ingest/files/columns';
import { EVALUATION_RESULT_FIELDS } from '../../ingest/files/evaluation-fields';
import { XLSX_MEDIA_TYPE } from '../../ingest/files/file-format';
import { completeUscc } from '../../shared/identifiers/uscc';
import { REPORT_FIELDS } from '../../shared/reporting/fields';
import { chinaToday } from '../support/dates';
import { reportingFor } from '../support/directory';
import { expectData } from '../support/expect-data';
import { gatewayUrl, graphql } from '../support/gateway';
import { InProcessIngest, startInProcessIngest } from '../support/in-process-ingest';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * Reporting by file (POST /ingest/{kind}) through the real gateway and
 * subjects subgraph: the refusals the gateway makes itself, and a mixed file
 * of penalties, as CSV and as XLSX, whose rejected rows come back by row
 * number and column; evaluation results of one source (importEvaluationResults).
 * Each test reports as a department of its own.
 */
interface Answer {
  kind: string;
  rejections: {
    rowNumber: number;
    documentNo: string | null;
    reasons: { field: string; column: string | null; code: string; message: string }[];
  }[];
  counts: {
    received: number;
    accepted: number;
    rejected: number;
    created: number;
    updated: number;
    unchanged: number;
    batches: number;
  };
  error: { message: string; code: string; rowsApplied: number; lastRowApplied: number | null } | null;
}

type Row = Record<string, string | number | Date | null>;

const HEADERS = REPORT_FIELDS.penalties.map(templateHeader);
const today = chinaToday();
const run = Date.now().toString(36).toUpperCase();
let authority: { name: string; uscc: string };
let dir: string;

function daysFrom(days: number): Date {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

let serial = 0;
function newUscc(): string {
  serial += 1;
  return completeUscc(
    `91320508MA${String((Date.now() % 1e4) * 100 + serial)
      .padStart(7, '0')
      .slice(-7)}`,
  );
}

function penalty(decisionNo: string, overrides: Row = {}): Row {
  return {
    partyName: '苏州测试文件报送有限公司',
    partyClass: '法人及非法人组织',
    uscc: newUscc(),
    legalRepresentative: '王五',
    decisionNo,
    violationType: '虚假宣传',
    facts: '当事人在其网店发布虚假宣传内容。',
    legalBasis: '《中华人民共和国反不正当竞争法》第二十条',
    categories: '警告；罚款',
    content: '警告，罚款人民币五千元',
    fineAmount: 0.5,
    decidedAt: daysFrom(-3),
    validUntil: daysFrom(365),
    severity: '一般',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
    ...overrides,
  };
}

/**
 * The mixed file, by spreadsheet row (row 1 is the header, row 5 is left
 * blank): three good rows and four bad ones, one problem each.
 */
function mixedRows(prefix: string): Map<number, Row> {
  const valid = newUscc();
  return new Map([
    [2, penalty(`苏姑市监罚〔2026〕${prefix}1号`)],
    [3, penalty(`苏姑市监罚〔2026〕${prefix}2号`, { uscc: `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}` })],
    [4, penalty(`苏姑市监罚〔2026〕${prefix}3号`, { partyName: '苏州测试另一有限公司' })],
    [6, penalty(`苏姑市监罚〔2026〕${prefix}4号`, { decidedAt: daysFrom(10), validUntil: daysFrom(400) })],
    [7, penalty(`苏姑市监罚〔2026〕${prefix}5号`, { facts: null })],
    [8, penalty(`苏姑市监罚〔2026〕${prefix}6号`, { fineAmount: 'abc' })],
    [9, penalty(`苏姑市监罚〔2026〕${prefix}7号`, { categories: '警告', fineAmount: null })],
  ]);
}

/** The rejected rows of the mixed file, with the field each is rejected for. */
const REJECTED: Record<number, string> = { 3: 'uscc', 6: 'decidedAt', 7: 'facts', 8: 'fineAmount' };

function csvCell(value: Row[string]): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? day(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvOf(rows: Map<number, Row>): string {
  const last = Math.max(...rows.keys());
  const lines = [HEADERS.join(',')];
  for (let n = 2; n <= last; n += 1) {
    const row = rows.get(n);
    lines.push(row ? REPORT_FIELDS.penalties.map((f) => csvCell(row[f.field] ?? null)).join(',') : '');
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** As Excel saves it: shared strings, dates as date cells, amounts as numbers. */
async function xlsxOf(rows: Map<number, Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('行政处罚');
  HEADERS.forEach((header, i) => (sheet.getCell(1, i + 1).value = header));
  for (const [n, row] of rows) {
    REPORT_FIELDS.penalties.forEach((field, i) => {
      const cell = sheet.getCell(n, i + 1);
      cell.value = row[field.field] ?? null;
      if (row[field.field] instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function ingest(
  body: string | Buffer,
  headers: Record<string, string>,
  kind = 'penalties',
  base = gatewayUrl(),
): Promise<{ status: number; body: Answer & { errors?: { message: string; extensions: Record<string, unknown> }[] } }> {
  const response = await fetch(`${base}/ingest/${kind}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

/** A test department of the directory, delegated to report in gusu.scjgj's name (the rows' authority). */
async function department(org: string, contentType = 'text/csv'): Promise<Record<string, string>> {
  await delegatedOnce(org);
  return { authorization: `Bearer ${await tokenFor('department', { org })}`, 'content-type': contentType };
}

const delegated = new Map<string, Promise<unknown>>();
function delegatedOnce(org: string): Promise<unknown> {
  if (!delegated.has(org)) delegated.set(org, reportingFor('gusu.scjgj', org));
  return delegated.get(org) as Promise<unknown>;
}

function rejectedRows(answer: Answer): Record<number, string[]> {
  return Object.fromEntries(answer.rejections.map((r) => [r.rowNumber, r.reasons.map((p) => p.field)]));
}

beforeAll(async () => {
  const result = await graphql<{ departments: { code: string; name: string; uscc: string }[] }>(
    '{ departments { code name uscc } }',
  );
  authority = expectData(result).departments.find((d) => d.code === 'gusu.scjgj')!;
  expect(authority).toBeDefined();
  dir = mkdtempSync(join(tmpdir(), 'gusu-ingest-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reporting by file: what the gateway refuses', () => {
  it('needs a token', async () => {
    const { status, body } = await ingest(csvOf(mixedRows('N')), { 'content-type': 'text/csv' });
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await ingest('x', { authorization: 'Bearer not-a-token' })).status).toBe(401);
  });

  it('refuses what is neither CSV nor XLSX with 415', async () => {
    const headers = await department('test.ingest.refusals', 'application/pdf');
    const pdf = await ingest(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), headers);
    expect(pdf).toMatchObject({ status: 415, body: { errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] } });
    const garbage = await ingest(
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      await department('test.ingest.refusals', 'application/octet-stream'),
    );
    expect(garbage).toMatchObject({
      status: 415,
      body: { errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] },
    });
  });

  it('refuses a header row that does not match the template, naming the columns', async () => {
    const csv = csvOf(mixedRows('H')).replace('违法事实*,', '').replace('处罚内容*', '处罚内容*,附注');
    const { status, body } = await ingest(csv, await department('test.ingest.refusals'));
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      missingColumns: ['违法事实*'],
      unknownColumns: ['附注'],
      expectedColumns: HEADERS,
    });
  });

  it('refuses an empty file, and one with nothing under its header', async () => {
    for (const empty of ['', `\uFEFF${HEADERS.join(',')}\r\n\r\n`]) {
      const { status, body } = await ingest(empty, await department('test.ingest.refusals'));
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/no rows/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('refuses a file larger than INGEST_MAX_BYTES by its Content-Length, before reading it', async () => {
    const url = new URL(`${gatewayUrl()}/ingest/penalties`);
    const token = (await department('test.ingest.refusals')).authorization.slice('Bearer '.length);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        url,
        { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-length': String(300 * 1024 * 1024) } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 403 to a caller who may not report, before anything is applied', async () => {
    const csv = csvOf(mixedRows('F'));
    const analyst = await ingest(csv, { ...(await as('analyst')), 'content-type': 'text/csv' });
    expect(analyst.status).toBe(403);
    expect(analyst.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'records:write' });
    const orgless = await ingest(csv, {
      authorization: `Bearer ${await tokenFor('department', { org: '' })}`,
      'content-type': 'text/csv',
    });
    expect(orgless.status).toBe(403);
    expect(orgless.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('reporting by file: a mixed file of penalties', () => {
  it.each([
    ['CSV', 'C', 'text/csv', async (rows: Map<number, Row>) => csvOf(rows)],
    ['XLSX', 'X', XLSX_MEDIA_TYPE, xlsxOf],
  ] as const)(
    '%s: accepts the good rows, names the bad ones by row and column, and changes nothing when sent again',
    async (_format, prefix, contentType, write) => {
      const headers = await department(`test.ingest.${prefix}${run}`.toLowerCase(), contentType);
      const file = await write(mixedRows(`${prefix}${run}-`));
      const first = await ingest(file, headers);
      expect(first.status).toBe(200);
      expect(first.body.error).toBeNull();
      expect(first.body.counts).toEqual({
        received: 7,
        accepted: 3,
        rejected: 4,
        created: 3,
        updated: 0,
        unchanged: 0,
        batches: 1,
      });
      expect(rejectedRows(first.body)).toEqual(
        Object.fromEntries(Object.entries(REJECTED).map(([row, field]) => [row, [field]])),
      );
      const checksum = first.body.rejections.find((r) => r.rowNumber === 3)!;
      expect(checksum.documentNo).toBe(`苏姑市监罚〔2026〕${prefix}${run}-2号`);
      expect(checksum.reasons[0]).toMatchObject({
        field: 'uscc',
        column: '统一社会信用代码',
        code: expect.any(String),
        message: expect.any(String),
      });

      const again = await ingest(file, headers);
      expect(again.status).toBe(200);
      expect(again.body.counts).toEqual({
        received: 7,
        accepted: 3,
        rejected: 4,
        created: 0,
        updated: 0,
        unchanged: 3,
        batches: 1,
      });
      expect(rejectedRows(again.body)).toEqual(rejectedRows(first.body));
    },
  );

  it('the command line streams a file and prints the rejected rows; a refused file exits non-zero', async () => {
    const path = join(dir, 'penalties.xlsx');
    writeFileSync(path, await xlsxOf(mixedRows(`L${run}-`)));
    const cli = join(__dirname, '..', '..', 'dist', 'scripts', 'ingest.js');
    const env = {
      ...process.env,
      GUSU_TOKEN: (await department(`test.ingest.cli${run}`.toLowerCase())).authorization.slice('Bearer '.length),
    };
    const ok = await promisify(execFile)(
      process.execPath,
      [cli, '--kind', 'penalties', '--file', path, '--url', gatewayUrl()],
      { env },
    );
    expect(ok.stdout).toMatch(/accepted 3 \(created 3, updated 0, unchanged 0\), rejected 4/);
    expect(ok.stdout).toMatch(/row 3 .*\n\s+统一社会信用代码 \(uscc\)/);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '名称,日期\r\n某,2026-01-01\r\n');
    const refused = await promisify(execFile)(
      process.execPath,
      [cli, '--kind', 'penalties', '--file', bad, '--url', gatewayUrl()],
      { env },
    ).catch((error: { code: number; stdout: string }) => error);
    expect(refused).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/HTTP 400[\s\S]*missingColumns: 行政相对人名称\*/),
    });
  });
});

describe('reporting by file: a file cut off by the size limit', () => {
  let ingestService: InProcessIngest;
  let url: string;

  beforeAll(async () => {
    // An ingest service of its own with a small limit and small batches, posting to the running gateway.
    ingestService = await startInProcessIngest({ INGEST_MAX_BYTES: '12000', INGEST_BATCH_ROWS: '2' });
    url = ingestService.url;
  });

  afterAll(() => ingestService.stop());

  it('keeps the whole batches applied before the limit, says how far it got, and takes the whole file again', async () => {
    const rows = new Map(
      Array.from({ length: 60 }, (_, i) => [i + 2, penalty(`苏姑市监罚〔2026〕S${run}-${i}号`)] as const),
    );
    const lines = csvOf(rows)
      .split('\r\n')
      .map((line) => `${line}\r\n`);
    const headers = await department(`test.ingest.size${run}`.toLowerCase());
    let next = 0;
    const response = await fetch(`${url}/ingest/penalties`, {
      method: 'POST',
      headers,
      // Row by row, without Content-Length: the limit is found while reading.
      body: new ReadableStream({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 2));
          if (next < lines.length) controller.enqueue(new TextEncoder().encode(lines[next++]));
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(response.status).toBe(200);
    const cut = (await response.json()) as Answer;
    expect(cut.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const applied = cut.error!.rowsApplied;
    expect(applied).toBeGreaterThan(0);
    expect(applied % 2).toBe(0);
    expect(cut.counts).toMatchObject({ received: applied, accepted: applied, created: applied });
    expect(cut.error!.lastRowApplied).toBe(applied + 1);

    const whole = await ingest(csvOf(rows), headers);
    expect(whole.body.counts).toMatchObject({
      received: 60,
      accepted: 60,
      created: 60 - applied,
      updated: 0,
      unchanged: applied,
    });
  });
});

describe('reporting by file: evaluation results (POST /ingest/evaluation-results?source=)', () => {
  const EVALUATION_HEADERS = EVALUATION_RESULT_FIELDS.map(templateHeader);
  let graded: string;

  /** A market subject of this test's own, first met in a licence report and known to the evaluations subgraph. */
  beforeAll(async () => {
    graded = newUscc();
    const report = await graphql<{ reportLicenses: { accepted: number } }>(
      'mutation($records: [LicenseReport!]!) { reportLicenses(records: $records) { accepted } }',
      {
        records: [
          {
            partyName: '苏州测试评价导入有限公司',
            partyClass: '法人及非法人组织',
            uscc: graded,
            documentName: '食品经营许可决定书',
            licenseNo: `姑市监许〔2026〕V${run}号`,
            category: '核准',
            title: '食品经营许可证',
            certificateNo: `JY1320508V${run}`.slice(0, 20),
            content: '准予食品经营许可',
            decidedAt: day(daysFrom(-2)),
            validFrom: day(daysFrom(-2)),
            validUntil: day(daysFrom(1800)),
            authorityName: authority.name,
            authorityUscc: authority.uscc,
          },
        ],
      },
      await as('department'),
    );
    expect(expectData(report).reportLicenses.accepted).toBe(1);
    await until(
      `the evaluations subgraph knows ${graded}`,
      async () =>
        expectData(
          await graphql<{ subject: { creditEvaluation: unknown } | null }>(
            'query($uscc: String!) { subject(uscc: $uscc) { creditEvaluation { grade } } }',
            { uscc: graded },
            await as('credit_office'),
          ),
        ).subject,
      (subject) => subject?.creditEvaluation != null,
    );
  });

  function evaluationCsv(rows: (string | number)[][]): string {
    return `\uFEFF${[EVALUATION_HEADERS.join(','), ...rows.map((r) => r.join(','))].join('\r\n')}\r\n`;
  }

  it('imports the good rows as the source’s owner, names the bad ones by row and column, and answers the stored batches when sent again', async () => {
    const evaluatedOn = day(daysFrom(-30));
    const unknown = newUscc();
    const csv = evaluationCsv([
      [graded, '苏州测试评价导入有限公司', 'A', 96.5, '2025', '纳税信用评价', evaluatedOn],
      [graded, '', 'Z', '', '2024', '', evaluatedOn],
      [graded, '', 'B', '九十', '2023', '', evaluatedOn],
      [unknown, '', 'B', 80, '2025', '', evaluatedOn],
    ]);
    const headers = {
      authorization: `Bearer ${await tokenFor('department', { org: 'gusu.swj' })}`,
      'content-type': 'text/csv',
    };
    const first = await ingest(csv, headers, 'evaluation-results?source=TAX_CREDIT');
    expect(first.status).toBe(200);
    const answer = first.body as unknown as {
      kind: string;
      rejections: { rowNumber: number; uscc: string | null; reasons: { field: string; column: string | null }[] }[];
      batches: { id: string; batchKey: string; accepted: number; rejected: number; unchanged: number }[];
      counts: Record<string, number>;
      error: unknown;
    };
    expect(answer.error).toBeNull();
    expect(answer.kind).toBe('evaluation-results');
    expect(answer.counts).toEqual({ received: 4, accepted: 1, rejected: 3, unchanged: 0, batches: 1 });
    expect(answer.rejections.map((r) => [r.rowNumber, r.reasons.map((p) => [p.field, p.column])])).toEqual([
      [3, [['grade', '评价等级']]],
      [4, [['score', '评价得分']]],
      [5, [['uscc', '统一社会信用代码']]],
    ]);
    expect(answer.batches).toEqual([expect.objectContaining({ accepted: 1, rejected: 2, unchanged: 0 })]);

    const results = await graphql<{
      subject: { evaluationResults: { grade: string; period: string; source: { code: string } }[] };
    }>(
      'query($uscc: String!) { subject(uscc: $uscc) { evaluationResults { grade period source { code } } } }',
      { uscc: graded },
      await as('credit_office'),
    );
    expect(expectData(results).subject.evaluationResults).toContainEqual({
      grade: 'A',
      period: '2025',
      source: { code: 'TAX_CREDIT' },
    });

    const again = await ingest(csv, headers, 'evaluation-results?source=TAX_CREDIT');
    expect((again.body as unknown as typeof answer).batches.map((b) => b.id)).toEqual(answer.batches.map((b) => b.id));
  });

  it('refuses a missing source before reading, a token without evaluations:import, and a source the department does not own', async () => {
    const csv = evaluationCsv([[graded, '', 'A', '', '2025', '', day(daysFrom(-30))]]);
    const owner = {
      authorization: `Bearer ${await tokenFor('department', { org: 'gusu.swj' })}`,
      'content-type': 'text/csv',
    };
    const noSource = await ingest(csv, owner, 'evaluation-results');
    expect(noSource.status).toBe(400);
    expect(noSource.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', parameter: 'source' });
    const analyst = await ingest(
      csv,
      { ...(await as('analyst')), 'content-type': 'text/csv' },
      'evaluation-results?source=TAX_CREDIT',
    );
    expect(analyst.status).toBe(403);
    expect(analyst.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const other = await ingest(
      csv,
      { authorization: `Bearer ${await tokenFor('department', { org: 'gusu.scjgj' })}`, 'content-type': 'text/csv' },
      'evaluation-results?source=TAX_CREDIT',
    );
    expect(other.status).toBe(403);
  });
});
