import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { templateHeader } from '../../ingest/files/columns';
import { XLSX_MEDIA_TYPE } from '../../ingest/files/file-format';
import { UPPER_LIST_FIELDS } from '../../ingest/files/upper-list-fields';
import { completeUscc, isValidUscc } from '../../shared/identifiers/uscc';
import { chinaToday } from '../support/dates';
import { expectData } from '../support/expect-data';
import { gatewayUrl, graphql, sqlStatements, systemDatabaseUrl } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * Issue 17, item 4, on the running system: 国家、省下发的联合惩戒对象名单 arrive as a file
 * (POST /ingest/upper-level-lists, through the gateway, as a platform's service token) and are kept
 * as entries of their upper-level authority and kind; screening follows every import; a repeated
 * import changes nothing; a bad row imports nothing; an imported entry is not repaired here.
 */
interface Answer {
  kind: string;
  rejections: { rowNumber: number; sourceKey: string | null; reasons: { field: string; code: string }[] }[];
  batches?: { importId: string; status: string }[];
  counts: Record<'received' | 'added' | 'changed' | 'removed' | 'unchanged' | 'skipped' | 'rejected', number>;
  error: { code: string } | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

interface Subject {
  id: string;
  uscc: string;
  name: string;
}

interface Hit {
  id: string;
  listKind: { code: string };
  designatingAuthorityKind: string;
  designatingAuthority: string;
  sourcePlatform: string | null;
  sourceKey: string | null;
}

const today = chinaToday();
const run = Date.now().toString(36);
const COURT = '苏州市中级人民法院';
/** A decision date no demo entry has: the reporting-timeliness figures of that day are the imports' alone. */
const DECIDED_ON = '2019-03-07';
let subjects: Subject[] = [];

type Row = Partial<Record<(typeof UPPER_LIST_FIELDS)[number]['field'], string>>;

function entry(key: string, subject: Subject, overrides: Row = {}): Row {
  return {
    sourceKey: `(2026)苏05执${key}号`,
    uscc: subject.uscc,
    name: subject.name,
    decidedOn: DECIDED_ON,
    documentNumber: `(2026)苏05执${key}号`,
    authority: COURT,
    reason: '有履行能力而拒不履行生效法律文书确定义务',
    ...overrides,
  };
}

function csvOf(rows: Row[]): string {
  const cell = (text: string | undefined) =>
    text === undefined ? '' : /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  const lines = [UPPER_LIST_FIELDS.map(templateHeader).join(',')];
  for (const row of rows) lines.push(UPPER_LIST_FIELDS.map((f) => cell(row[f.field])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function platform(): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor('platform', { sub: `test-platform-${run}` })}` };
}

/** As Excel saves it: the template's header row, dates as date cells. */
async function xlsxOf(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('上级下发名单');
  UPPER_LIST_FIELDS.forEach((field, i) => (sheet.getCell(1, i + 1).value = templateHeader(field)));
  rows.forEach((row, r) =>
    UPPER_LIST_FIELDS.forEach((field, i) => {
      const value = row[field.field];
      const cell = sheet.getCell(r + 2, i + 1);
      if (value !== undefined && (field.field === 'decidedOn' || field.field === 'validUntil')) {
        cell.value = new Date(`${value}T00:00:00Z`);
        cell.numFmt = 'yyyy-mm-dd';
      } else cell.value = value ?? null;
    }),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function ingest(
  rows: Row[],
  headers: Record<string, string>,
  query: { source: string; mode: 'SNAPSHOT' | 'CHANGES'; kind?: string },
  format: 'csv' | 'xlsx' = 'csv',
): Promise<{ status: number; body: Answer }> {
  const params = new URLSearchParams({ source: query.source, kind: query.kind ?? 'COURT_DEFAULTER', mode: query.mode });
  const response = await fetch(`${gatewayUrl()}/ingest/upper-level-lists?${params}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': format === 'csv' ? 'text/csv' : XLSX_MEDIA_TYPE },
    body: format === 'csv' ? csvOf(rows) : new Uint8Array(await xlsxOf(rows)),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

const SCREEN = `query($u: [String!]!) { screen(usccs: $u, scenario: PUBLIC_PROCUREMENT) {
  uscc verdict hits { id listKind { code } designatingAuthorityKind designatingAuthority sourcePlatform sourceKey } } }`;

async function screen(usccs: string[]): Promise<{ uscc: string; verdict: string; hits: Hit[] }[]> {
  const result = await graphql<{ screen: { uscc: string; verdict: string; hits: Hit[] }[] }>(
    SCREEN,
    { u: usccs },
    await as('credit_office'),
  );
  expect(result.errors).toBeUndefined();
  return expectData(result).screen;
}

const IMPORT = `mutation($input: ImportUpperLevelListInput!) { importUpperLevelList(input: $input) {
  importId status added changed removed unchanged skipped rejected { index sourceKey field argument code message } } }`;

interface ImportResult {
  importId: string;
  status: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  skipped: number;
  rejected: { index: number; field: string; argument: string; code: string }[];
}

function asInput(row: Row) {
  return {
    sourceKey: row.sourceKey,
    uscc: row.uscc,
    name: row.name,
    decidedOn: row.decidedOn,
    documentNumber: row.documentNumber,
    authority: row.authority,
    reason: row.reason,
  };
}

beforeAll(async () => {
  // Subjects of the register with no list entry of their own, different in every run.
  const client = new Client({ connectionString: systemDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<Subject>(
      `select si.id, si.uscc, si.name from sanctions.subject_index si
        where not exists (select 1 from sanctions.list_entry e where e.subject_uscc = si.uscc)
        order by md5(si.uscc || $1) limit 3000`,
      [run],
    );
    // Other files add index rows of their own by SQL (codes without a valid check character): a real list names real codes.
    subjects = rows.filter((s) => isValidUscc(s.uscc)).slice(0, 1020);
  } finally {
    await client.end();
  }
  expect(subjects.length).toBe(1020);
});

describe('inbound upper-level lists (国家、省下发的联合惩戒对象名单)', () => {
  const source = `e2e-${run}`;
  const [a, b, c, d] = [0, 1, 2, 3].map((i) => () => subjects[i]);

  it('a list file adds, changes and removes entries, and screening follows; importing it again changes nothing', async () => {
    const before = await screen([a().uscc, b().uscc, c().uscc, d().uscc]);
    expect(before.every((s) => s.hits.length === 0)).toBe(true);

    // A subject the district's register does not hold is counted, not kept.
    const stranger = {
      id: '',
      uscc: completeUscc(`91110108MA${String(Date.now() % 1e7).padStart(7, '0')}`),
      name: '北京外地有限公司',
    };
    const first = await ingest(
      [entry('1', a()), entry('2', b()), entry('3', c()), entry('9', stranger)],
      await platform(),
      {
        source,
        mode: 'SNAPSHOT',
      },
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      kind: 'upper-level-lists',
      rejections: [],
      counts: { received: 4, added: 3, changed: 0, removed: 0, unchanged: 0, skipped: 1, rejected: 0 },
      batches: [{ status: 'APPLIED' }],
      error: null,
    });
    const listed = await screen([a().uscc, b().uscc, c().uscc]);
    for (const result of listed) {
      expect(result.verdict).toBe('RESTRICT');
      expect(result.hits).toEqual([
        expect.objectContaining({
          listKind: { code: 'COURT_DEFAULTER' },
          designatingAuthorityKind: 'COURT',
          designatingAuthority: COURT,
          sourcePlatform: source,
        }),
      ]);
    }

    // The next snapshot: one changed, one as before, one left out (removed), one new.
    const second = [entry('1', a(), { reason: '违反财产报告制度' }), entry('2', b()), entry('4', d())];
    const changed = await ingest(second, await platform(), { source, mode: 'SNAPSHOT' });
    expect(changed.body.counts).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: 1, rejected: 0 });
    // The entry goes at once; the verdict also follows c's grade, which evaluations recompute after the
    // removal and send back (evaluation.changed): until then the grade the entry brought (D) floors it at CAUTION.
    const after = await until(
      "c's grade recomputed without the entry",
      () => screen([a().uscc, c().uscc, d().uscc]),
      (results) => results[1].verdict === before[2].verdict,
    );
    expect(after[0].hits).toHaveLength(1);
    expect(after[1]).toMatchObject({ verdict: before[2].verdict, hits: [] });
    expect(after[2]).toMatchObject({
      verdict: 'RESTRICT',
      hits: [expect.objectContaining({ sourcePlatform: source })],
    });

    // The same file again: idempotent, and it says so.
    const again = await ingest(second, await platform(), { source, mode: 'SNAPSHOT' });
    expect(again.body.counts).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 3 });

    // A CHANGES file (here as XLSX) removes what it marks 已移出 and keeps what it does not name.
    const removal = await ingest(
      [entry('2', b(), { removed: '是', validUntil: '2029-06-01' })],
      await platform(),
      { source, mode: 'CHANGES' },
      'xlsx',
    );
    expect(removal.body.counts).toMatchObject({ added: 0, changed: 0, removed: 1, unchanged: 0 });
    const last = await screen([a().uscc, b().uscc, d().uscc]);
    expect(last.map((s) => s.hits.length)).toEqual([1, 0, 1]);

    // The district did not report them: §15's reporting timeliness does not count imported entries.
    const timeliness = await graphql<{ listReportingCompliance: unknown[] }>(
      `{ listReportingCompliance(from: "${DECIDED_ON}", to: "${DECIDED_ON}") { department { code } reported } }`,
      {},
      await as('analyst'),
    );
    expect(expectData(timeliness).listReportingCompliance).toEqual([]);

    // The history: each import with its counts, newest first.
    const history = await graphql<{
      upperListImports: {
        nodes: {
          id: string;
          sourcePlatform: string;
          mode: string;
          added: number;
          removed: number;
          unchanged: number;
        }[];
      };
    }>(
      '{ upperListImports(first: 10) { totalCount nodes { id sourcePlatform listKind mode status added changed removed unchanged } } }',
      {},
      await platform(),
    );
    expect(history.errors).toBeUndefined();
    const mine = expectData(history).upperListImports.nodes.filter((n) => n.sourcePlatform === source);
    expect(mine.map((n) => [n.mode, n.added, n.removed, n.unchanged])).toEqual([
      ['CHANGES', 0, 1, 0],
      ['SNAPSHOT', 0, 0, 3],
      ['SNAPSHOT', 1, 1, 1],
      ['SNAPSHOT', 3, 0, 0],
    ]);
    expect(mine[3].id).toBe(first.body.batches![0].importId);
  });

  it('an imported entry is not repaired here, nor revoked by the district; a district designation stands beside it', async () => {
    const [hit] = (await screen([a().uscc]))[0].hits;
    expect(hit.sourcePlatform).toBe(source);
    const office = await as('credit_office');
    const remove = (repaired: boolean) =>
      graphql(
        'mutation($id: ID!, $r: Boolean!) { removeListEntry(id: $id, repaired: $r, reason: "已履行") { id } }',
        { id: hit.id, r: repaired },
        office,
      );
    const repaired = await remove(true);
    expect(repaired.errors?.[0].extensions).toMatchObject({
      code: 'NOT_REPAIRABLE',
      turnTo: expect.stringContaining('人民法院'),
      reason: expect.stringContaining(COURT),
    });
    expect((await remove(false)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IMPORTED_ENTRY' });

    // Repairs learns the entry from its event and says where to turn.
    const eligibility = await until(
      'repairs knows the imported entry',
      async () =>
        expectData(
          await graphql<{
            repairEligibility: { eligible: boolean; failures: { condition: string; message: string }[] };
          }>(
            'query($t: RepairTargetInput!) { repairEligibility(target: $t, fulfilmentEvidence: "已履行") { eligible failures { condition message } } }',
            { t: { kind: 'LIST_ENTRY', id: hit.id } },
            office,
          ),
        ).repairEligibility,
      (judged) => !judged.failures.some((f) => f.condition === 'TARGET_UNKNOWN'),
    );
    expect(eligibility.eligible).toBe(false);
    expect(eligibility.failures[0]).toMatchObject({ condition: 'NOT_REPAIRABLE' });

    // The district's own black-list designation of the same subject is not blocked by the court's entry.
    const proposed = await graphql<{ proposeListEntry: { id: string; designatingAuthorityKind: string } }>(
      'mutation($i: ListEntryInput!) { proposeListEntry(input: $i) { id designatingAuthorityKind } }',
      {
        i: {
          uscc: a().uscc,
          list: 'BLACK',
          reason: '以欺骗手段取得行政许可',
          basis: '《中华人民共和国行政许可法》第七十九条',
          decisionNo: `苏姑市监认〔2026〕${run}号`,
          decidedAt: today,
        },
      },
      await as('department'),
    );
    expect(proposed.errors).toBeUndefined();
    expect(expectData(proposed).proposeListEntry.designatingAuthorityKind).toBe('LOCAL_DEPARTMENT');
  });

  it('a bad row imports nothing and is named by its row, index and field', async () => {
    const badSource = `e2e-bad-${run}`;
    const good = entry('10', subjects[10]);
    const wrong = subjects[11].uscc;
    const badCode = `${wrong.slice(0, 17)}${wrong[17] === '0' ? '1' : '0'}`;
    const file = await ingest(
      [good, entry('11', subjects[11], { uscc: badCode }), entry('12', subjects[12], { decidedOn: '2099-01-01' })],
      await platform(),
      { source: badSource, mode: 'SNAPSHOT' },
    );
    expect(file.status).toBe(200);
    expect(file.body.counts).toMatchObject({ received: 3, added: 0, rejected: 2 });
    expect(file.body.batches).toEqual([expect.objectContaining({ status: 'REJECTED' })]);
    expect(file.body.rejections.map((r) => [r.rowNumber, r.reasons.map((x) => [x.field, x.code])])).toEqual([
      [3, [['uscc', 'INVALID_USCC']]],
      [4, [['decidedOn', 'FUTURE_DATE']]],
    ]);
    // By interface: the same, with each row's index and argument path.
    const direct = await graphql<{ importUpperLevelList: ImportResult }>(
      IMPORT,
      {
        input: {
          sourcePlatform: badSource,
          listKind: 'COURT_DEFAULTER',
          mode: 'CHANGES',
          entries: [asInput(good), asInput(entry('11', subjects[11], { uscc: badCode }))],
        },
      },
      await platform(),
    );
    expect(expectData(direct).importUpperLevelList).toMatchObject({
      status: 'REJECTED',
      added: 0,
      rejected: [{ index: 1, field: 'uscc', argument: 'input.entries[1].uscc', code: 'INVALID_USCC' }],
    });
    expect((await screen([good.uscc!]))[0].hits).toEqual([]);
  });

  it('refuses a district kind by its field, and callers without lists:import', async () => {
    const wrongKind = await graphql(
      IMPORT,
      {
        input: {
          sourcePlatform: source,
          listKind: 'WAGE_ARREARS',
          mode: 'CHANGES',
          entries: [asInput(entry('20', subjects[20]))],
        },
      },
      await platform(),
    );
    expect(wrongKind.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.listKind' });

    const department = await ingest([entry('21', subjects[21])], await as('department'), { source, mode: 'CHANGES' });
    expect(department.status).toBe(403);
    expect(department.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'lists:import' });
    expect((await ingest([entry('21', subjects[21])], {}, { source, mode: 'CHANGES' })).status).toBe(401);
    // A file over 10,000 rows is refused whole, before anything is applied.
    const tooMany = await ingest(
      Array.from({ length: 10_001 }, (_, i) => entry(`${30_000 + i}`, subjects[22])),
      await platform(),
      { source, mode: 'CHANGES' },
    );
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_ROWS', maxRows: 10_000 });
    const missing = await ingest([entry('21', subjects[21])], await platform(), { source, mode: 'ALL' as 'CHANGES' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', parameter: 'mode' });
    const byInterface = await graphql(
      IMPORT,
      {
        input: {
          sourcePlatform: source,
          listKind: 'COURT_DEFAULTER',
          mode: 'CHANGES',
          entries: [asInput(entry('21', subjects[21]))],
        },
      },
      await as('department'),
    );
    expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE']).toContain(byInterface.errors?.[0].extensions?.code);
    expect((await screen([subjects[21].uscc]))[0].hits).toEqual([]);
  });

  it('is set-based: 1,000 entries cost the statements of 1', async () => {
    const rows = (from: number, n: number) =>
      subjects.slice(from, from + n).map((s, i) => asInput(entry(`${from + i}`, s)));
    const measure = async (sourcePlatform: string, entries: ReturnType<typeof asInput>[]) => {
      const headers = await platform();
      const before = await sqlStatements('sanctions');
      const started = Date.now();
      const result = await graphql<{ importUpperLevelList: ImportResult }>(
        IMPORT,
        { input: { sourcePlatform, listKind: 'UPPER_JOINT_PUNISHMENT', mode: 'SNAPSHOT', entries } },
        headers,
      );
      const ms = Date.now() - started;
      expect(expectData(result).importUpperLevelList).toMatchObject({ status: 'APPLIED', added: entries.length });
      return { statements: (await sqlStatements('sanctions')) - before, ms };
    };
    const one = await measure(`e2e-one-${run}`, rows(19, 1));
    const thousand = await measure(`e2e-many-${run}`, rows(20, 1000));
    const removeAll = async () => {
      const before = await sqlStatements('sanctions');
      const result = await graphql<{ importUpperLevelList: ImportResult }>(
        IMPORT,
        {
          input: {
            sourcePlatform: `e2e-many-${run}`,
            listKind: 'UPPER_JOINT_PUNISHMENT',
            mode: 'CHANGES',
            entries: rows(20, 1000).map((r) => ({ ...r, removed: true })),
          },
        },
        await platform(),
      );
      expect(expectData(result).importUpperLevelList).toMatchObject({ removed: 1000 });
      return (await sqlStatements('sanctions')) - before;
    };
    const removed = await removeAll();
    process.stdout.write(
      `importUpperLevelList, SQL statements (sanctions): 1 entry → ${one.statements} (${one.ms} ms); 1,000 entries → ${thousand.statements} (${thousand.ms} ms); removing 1,000 → ${removed}\n`,
    );
    expect(thousand.statements).toBe(one.statements);
    expect(removed).toBeLessThanOrEqual(one.statements);
    const screened = await screen([subjects[20].uscc, subjects[19].uscc]);
    expect(screened.map((s) => s.hits.length)).toEqual([0, 1]);
  });
});
