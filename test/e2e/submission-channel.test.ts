import { generateKeyPairSync } from 'node:crypto';
import { templateHeader } from '../../ingest/files/columns';
import { CHANNEL_HEADER, INGEST_FORWARDING_HEADER, signIngestForwarding } from '../../shared/auth/ingest-forwarding';
import { ratio } from '../../shared/domain/ratio';
import { completeUscc } from '../../shared/identifiers/uscc';
import { REPORT_FIELDS } from '../../shared/reporting/fields';
import { CookieBrowser } from '../support/cookie-browser';
import { chinaToday, daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { OwnSystem, startOwnSystem } from '../support/own-system';
import { tokenFor } from '../support/tokens';

/**
 * §6 (提高接口调用方式的比例) on the real system, with the development identity provider: a department's
 * service token reporting through the API is INTERFACE, its file through POST /ingest/penalties is FILE,
 * a person signed in (the hall's session token, as GraphiQL uses it) is MANUAL — also when the person
 * uploads a file — and a client's own `x-gusu-channel: file` with a made-up proof changes nothing.
 * publicityQuality then counts each channel and the interface share, in a fixed number of statements.
 */
const DEPARTMENT = 'gusu.scjgj';
const OFFICER = 'dev-department-officer';
const REPORT = `mutation Report($records: [PenaltyReport!]!) { reportPenalties(records: $records) { received accepted rejected rejections { index reasons { field code message } } } }`;
const SUBMISSIONS = `query S($first: Int!) { reportSubmissions(outcome: ACCEPTED, first: $first) { totalCount nodes { documentNo channel } } }`;
const QUALITY = `query Q($from: Date!, $to: Date!, $department: String) {
  publicityQuality(from: $from, to: $to, department: $department) {
    department { code } kind submitted interfaceSubmitted fileSubmitted manualSubmitted unknownChannelSubmitted interfaceShare
  }
}`;
const from = daysAgo(30);
const to = chinaToday();
const run = Date.now().toString(36).toUpperCase();

let own: OwnSystem;
let base: string;
let authority: { name: string; uscc: string };
let serviceToken: string;
let personToken: string;

let serial = 0;
function newUscc(): string {
  serial += 1;
  return completeUscc(
    `91320508MB${String((Date.now() % 1e5) * 100 + serial)
      .padStart(7, '0')
      .slice(-7)}`,
  );
}

function penalty(decisionNo: string): Record<string, string> {
  return {
    partyName: '苏州渠道测试有限公司',
    partyClass: '法人及非法人组织',
    uscc: newUscc(),
    legalRepresentative: '赵六',
    decisionNo,
    violationType: '未按规定公示年度报告',
    facts: '当事人未按规定期限公示年度报告。',
    legalBasis: '《企业信息公示暂行条例》第十八条',
    content: '警告',
    decidedAt: daysAgo(2),
    validUntil: daysAgo(-365),
    severity: '一般',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
  };
}

const docNo = (label: string) => `苏姑市监罚〔2026〕渠道${run}${label}号`;

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; path?: readonly unknown[]; extensions?: Record<string, unknown> }[];
}

async function post(path: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers, body });
}

async function graphql<T>(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Answer<T>> {
  const response = await post('/graphql', JSON.stringify({ query, variables }), {
    'content-type': 'application/json',
    ...headers,
  });
  return (await response.json()) as Answer<T>;
}

async function reportByApi(token: string, labels: string[], extra: Record<string, string> = {}): Promise<void> {
  const answer = await graphql<{ reportPenalties: { accepted: number } }>(
    REPORT,
    { records: labels.map((label) => ({ ...penalty(docNo(label)), categories: ['警告'] })) },
    { authorization: `Bearer ${token}`, ...extra },
  );
  expect(answer.errors).toBeUndefined();
  expect(expectData(answer).reportPenalties.accepted).toBe(labels.length);
}

async function reportByFile(token: string, labels: string[]): Promise<void> {
  const fields = REPORT_FIELDS.penalties;
  const lines = [
    fields.map(templateHeader).join(','),
    ...labels.map((label) => {
      const row: Record<string, string> = { ...penalty(docNo(label)), categories: '警告' };
      return fields.map((f) => row[f.field] ?? '').join(',');
    }),
  ];
  const response = await post('/ingest/penalties', `\uFEFF${lines.join('\r\n')}\r\n`, {
    authorization: `Bearer ${token}`,
    'content-type': 'text/csv; charset=utf-8',
    // A client's own claim to be the ingest: the gateway writes the proof itself.
    [INGEST_FORWARDING_HEADER]: 'v1.made.up',
  });
  const text = await response.text();
  expect([response.status, text]).toEqual([200, expect.stringContaining(`"accepted":${labels.length}`)]);
}

/** The development provider's sign-in, as the hall's page does it; the session's token as GraphiQL takes it. */
async function signIn(user: string): Promise<string> {
  const browser = new CookieBrowser();
  const hops = await browser.navigate(`${base}/auth/login?return=${encodeURIComponent('/hall')}`);
  const last = hops[hops.length - 1];
  const login = { url: last.url, status: last.status, html: await last.response.text() };
  expect(login.status).toBe(200);
  await browser.submitForm(login, '/login', { user });
  const answer = (await (await browser.request(`${base}/auth/token`)).json()) as { accessToken?: string };
  if (!answer.accessToken) throw new Error('no session token after sign-in');
  return answer.accessToken;
}

/** The subjects process's SQL statements so far (its /metrics counter). */
async function subjectsStatements(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${own.system.ports.subjects}/metrics`)).text();
  const match = /gusu_sql_statements_total\{[^}]*\} (\d+)/.exec(text);
  if (!match) throw new Error('no SQL counter on subjects/metrics');
  return Number(match[1]);
}

beforeAll(async () => {
  own = await startOwnSystem('submission-channel', { devIdentity: true });
  base = own.system.gatewayUrl;
  const directory = await graphql<{ departments: { code: string; name: string; uscc: string }[] }>(
    '{ departments { code name uscc } }',
    {},
    {},
  );
  const department = expectData(directory).departments.find((d) => d.code === DEPARTMENT);
  if (!department) throw new Error(`${DEPARTMENT} is not in the demo directory`);
  authority = department;
  serviceToken = await tokenFor('department', { org: DEPARTMENT, sub: 'scjgj-system' });
  personToken = await signIn(OFFICER);
}, 300_000);

afterAll(async () => {
  await own?.stop();
});

describe('submission channels (§6)', () => {
  it('records INTERFACE, FILE and MANUAL as the gateway derived them; a forged header changes nothing', async () => {
    await reportByApi(serviceToken, ['I1', 'I2']);
    // The header and a proof of the client's own making (another key, and one for another token).
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    await reportByApi(serviceToken, ['I3'], {
      [CHANNEL_HEADER]: 'file',
      [INGEST_FORWARDING_HEADER]: signIngestForwarding(`Bearer ${serviceToken}`, otherKey),
    });
    await reportByFile(serviceToken, ['F1', 'F2']);
    await reportByApi(personToken, ['M1'], { [CHANNEL_HEADER]: 'file' });
    // A person's spreadsheet is still a person's entry: the header only lowers INTERFACE.
    await reportByFile(personToken, ['M2']);

    const answer = await graphql<{ reportSubmissions: { nodes: { documentNo: string; channel: string }[] } }>(
      SUBMISSIONS,
      { first: 100 },
      { authorization: `Bearer ${serviceToken}` },
    );
    expect(answer.errors).toBeUndefined();
    const channels = Object.fromEntries(
      expectData(answer)
        .reportSubmissions.nodes.filter((n) => n.documentNo.includes(`渠道${run}`))
        .map((n) => [n.documentNo.slice(docNo('').length - 1, -1), n.channel]),
    );
    expect(channels).toEqual({
      I1: 'INTERFACE',
      I2: 'INTERFACE',
      I3: 'INTERFACE',
      F1: 'FILE',
      F2: 'FILE',
      M1: 'MANUAL',
      M2: 'MANUAL',
    });
  });

  it('publicityQuality counts each channel and the interface share, in as many statements for one department as for all', async () => {
    const analyst = { authorization: `Bearer ${await tokenFor('analyst')}` };
    type Row = {
      department: { code: string };
      kind: string;
      submitted: number;
      interfaceSubmitted: number;
      fileSubmitted: number;
      manualSubmitted: number;
      unknownChannelSubmitted: number;
      interfaceShare: number;
    };
    const before = await subjectsStatements();
    const one = await graphql<{ publicityQuality: Row[] }>(QUALITY, { from, to, department: DEPARTMENT }, analyst);
    const afterOne = await subjectsStatements();
    const all = await graphql<{ publicityQuality: Row[] }>(QUALITY, { from, to }, analyst);
    const afterAll = await subjectsStatements();
    expect(one.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    const oneStatements = afterOne - before;
    const allStatements = afterAll - afterOne;
    process.stdout.write(
      `publicityQuality with channels: ${oneStatements} SQL statements for one department, ${allStatements} for ${expectData(all).publicityQuality.length} rows of all departments\n`,
    );
    expect(allStatements).toBe(oneStatements);
    expect(oneStatements).toBeLessThanOrEqual(3);

    const row = expectData(one).publicityQuality.find((r) => r.kind === 'PENALTY');
    expect(row).toMatchObject({ interfaceSubmitted: 3, fileSubmitted: 2, manualSubmitted: 2 });
    expect(row?.unknownChannelSubmitted).toBe((row?.submitted ?? 0) - 7);
    expect(row?.interfaceShare).toBe(ratio(3, 7));
    for (const r of expectData(all).publicityQuality) {
      expect(r.interfaceSubmitted + r.fileSubmitted + r.manualSubmitted + r.unknownChannelSubmitted).toBe(r.submitted);
      expect(r.interfaceShare).toBe(
        ratio(r.interfaceSubmitted, r.interfaceSubmitted + r.fileSubmitted + r.manualSubmitted),
      );
    }

    // The CSV export carries the same figures in its new columns.
    const csv = await fetch(`${base}/reports/publicity-quality.csv?from=${from}&to=${to}&department=${DEPARTMENT}`, {
      headers: analyst,
    });
    expect(csv.status).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(',').slice(-5)).toEqual([
      '接口调用报送数',
      '文件报送数',
      '人工录入数',
      '渠道未记录数',
      '接口调用比例',
    ]);
    const penaltyLine = lines.find((line) => line.includes(',行政处罚,'));
    expect(penaltyLine?.split(',').slice(-5)).toEqual([
      '3',
      '2',
      '2',
      String(row?.unknownChannelSubmitted),
      String(ratio(3, 7)),
    ]);
  });

  it('keeps the channel figures from roles without credit:stats, and the channel from roles without records:write', async () => {
    const hall = { authorization: `Bearer ${await tokenFor('hall')}` };
    const quality = await graphql<{ publicityQuality: unknown }>(QUALITY, { from, to }, hall);
    expect(quality.data?.publicityQuality ?? null).toBeNull();
    const submissions = await graphql<{ reportSubmissions: unknown }>(SUBMISSIONS, { first: 1 }, hall);
    expect(submissions.data?.reportSubmissions ?? null).toBeNull();
  });
});
