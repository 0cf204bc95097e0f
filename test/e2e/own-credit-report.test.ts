import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSql } from '../../scripts/fresh-database';
import { demoDataset } from '../../shared/demo/dataset';
import { completeResidentId } from '../../shared/identifiers/resident-id';
import { completeUscc } from '../../shared/identifiers/uscc';
import { SELF_SERVICE_MATTER } from '../../subgraphs/reports/rules/self-service';
import { daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { gatewayUrl, graphql, GraphQLResponse, systemDatabaseUrl } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * 自助出具 (issue 18): the subject signed in as itself has its own 公共信用信息报告 issued
 * (issueMyCreditReport), gathered as itself at mySubject; it downloads the stored PDF again (by
 * GraphQL and at its downloadUrl), which names it and no other subject; another subject gets null for
 * that number, as for one never issued; the public verifies it (genuine, requested by the subject); a
 * natural person's report names it by its masked 证件号码; the window's 信用审查报告 still works and
 * stays the window's.
 */
const ISSUED_FIELDS =
  'number kind verificationCode issuedAt validUntil verdict sha256 sizeBytes downloadUrl verifyUrl subject { id }';
const ISSUE_MINE = `mutation($purpose: String) { issueMyCreditReport(purpose: $purpose) { ${ISSUED_FIELDS} } }`;
const DOCUMENT =
  'query($number: String!) { creditReportDocument(number: $number) { number contentType filename base64 sha256 sizeBytes subject { id } } }';
const VERIFY = `query($n: String!, $c: String!, $s: String) { verifyCreditReport(number: $n, verificationCode: $c, sha256: $s) {
  genuine unaltered valid number kind issuer { code name } requestedBySubject subject { uscc name } matter verdict } }`;
const PURPOSE = '向银行申请流动资金贷款';

interface Issued {
  number: string;
  kind: string;
  verificationCode: string;
  issuedAt: string;
  validUntil: string;
  verdict: string | null;
  sha256: string;
  sizeBytes: number;
  downloadUrl: string;
  verifyUrl: string;
  subject: { id: string };
}

interface StoredDocument {
  number: string;
  contentType: string;
  filename: string;
  base64: string;
  sha256: string;
  sizeBytes: number;
  subject: { id: string };
}

interface Party {
  /** The subject login's own id (sub). */
  login: string;
  name: string;
  uscc: string | null;
  idNumber: string | null;
  decisionNo: string;
  id: string;
}

const work = mkdtempSync(join(tmpdir(), 'own-credit-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function poppler(tool: 'pdftotext' | 'pdfsig', pdf: Buffer): string {
  const file = join(work, `${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? ['-layout', file, '-'] : [file], { encoding: 'utf8' });
}

function codeOf(result: GraphQLResponse<unknown>): unknown {
  return result.errors?.[0]?.extensions?.code;
}

async function itself(party: Party): Promise<Record<string, string>> {
  const claims = party.uscc ? { subjectUscc: party.uscc } : { subjectIdNumber: party.idNumber ?? '' };
  return { authorization: `Bearer ${await tokenFor('subject', { sub: party.login, ...claims })}` };
}

function issueMine(headers: Record<string, string>, purpose: string | null = PURPOSE) {
  return graphql<{ issueMyCreditReport: Issued | null }>(ISSUE_MINE, { purpose }, headers);
}

function download(number: string, headers: Record<string, string>) {
  return graphql<{ creditReportDocument: StoredDocument | null }>(DOCUMENT, { number }, headers);
}

async function verify(number: string, code: string, sha256?: string) {
  return expectData(
    await graphql<{ verifyCreditReport: Record<string, unknown> }>(VERIFY, { n: number, c: code, s: sha256 }, {}),
  ).verifyCreditReport;
}

// Parties of this file's own, reported fresh: two enterprises and a natural person.
const run = String(Date.now() % 1e7).padStart(7, '0');
const authority = demoDataset().departments[0];
const parties: Party[] = [
  {
    login: 'self-a',
    name: '苏州自助报告甲有限公司',
    uscc: completeUscc(`91320508MK${run}`),
    idNumber: null,
    decisionNo: '',
    id: '',
  },
  {
    login: 'self-b',
    name: '苏州自助报告乙有限公司',
    uscc: completeUscc(`91320508MK${String((Number(run) + 1) % 1e7).padStart(7, '0')}`),
    idNumber: null,
    decisionNo: '',
    id: '',
  },
  {
    login: 'self-p',
    name: '钱自助',
    uscc: null,
    // Born 1986, on a real day the counter picks (month 1–12, day 1–28), sequence its last three digits.
    idNumber: completeResidentId(
      `3205081986${String(1 + (Number(run) % 12)).padStart(2, '0')}${String(1 + (Number(run) % 28)).padStart(2, '0')}${run.slice(-3)}`,
    ),
    decisionNo: '',
    id: '',
  },
];
const [first, second, person] = parties;

beforeAll(async () => {
  const records = parties.map((party, i) => {
    party.decisionNo = `姑苏自助报告测罚〔2026〕${run}-${i}号`;
    return {
      partyName: party.name,
      partyClass: party.uscc ? '法人及非法人组织' : '自然人',
      ...(party.uscc
        ? { uscc: party.uscc, legalRepresentative: '孙报告' }
        : { uscc: null, idType: '身份证', idNumber: party.idNumber }),
      decisionNo: party.decisionNo,
      violationType: '未按规定公示年度报告',
      facts: '当事人未按规定期限公示年度报告。',
      legalBasis: '《企业信息公示暂行条例》第十八条',
      categories: ['警告'],
      content: '警告',
      decidedAt: daysAgo(3),
      validUntil: daysAgo(-365),
      severity: '一般',
      authorityName: authority.name,
      authorityUscc: authority.uscc,
    };
  });
  const reported = await graphql<{
    reportPenalties: { accepted: number; rejections: { index: number; reasons: { field: string; code: string }[] }[] };
  }>(
    'mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted rejections { index reasons { field code } } } }',
    { r: records },
    { authorization: `Bearer ${await tokenFor('department', { org: authority.code })}` },
  );
  expect(expectData(reported).reportPenalties.rejections).toEqual([]);
  expect(expectData(reported).reportPenalties.accepted).toBe(3);
  for (const party of parties) {
    const mine = await graphql<{ mySubject: { id: string } | null }>('{ mySubject { id } }', {}, await itself(party));
    party.id = expectData(mine).mySubject!.id;
  }
});

describe('the subject’s own 公共信用信息报告, issued as itself', () => {
  let report: Issued;
  let pdf: Buffer;

  let grade: string;

  it('is numbered, has no verdict, is about the caller and says where to download and verify it', async () => {
    // Graded from the reported penalty (an event): the subject reads its own evaluation, which the report prints.
    const evaluated = await until(
      'the subject graded',
      async () =>
        expectData(
          await graphql<{ mySubject: { creditEvaluation: { grade: string } | null } }>(
            '{ mySubject { creditEvaluation { grade } } }',
            {},
            await itself(first),
          ),
        ).mySubject.creditEvaluation,
      (evaluation) => evaluation !== null,
    );
    grade = evaluated!.grade;
    const issued = await issueMine(await itself(first));
    expect(issued.errors).toBeUndefined();
    report = expectData(issued).issueMyCreditReport!;
    expect(report).toMatchObject({ kind: 'OWN_RECORD', verdict: null, subject: { id: first.id } });
    expect(report.number).toMatch(/^GSXY-\d{4}-\d{6}$/);
    expect(report.downloadUrl).toBe(`/documents/credit-reports/${report.number}.pdf`);
    expect(report.verifyUrl).toBe(`/verify?number=${report.number}&code=${report.verificationCode.replace(/-/g, '')}`);
  });

  it('is downloaded again by the subject, byte for byte, by GraphQL and at its downloadUrl', async () => {
    const downloaded = await download(report.number, await itself(first));
    expect(downloaded.errors).toBeUndefined();
    const document = expectData(downloaded).creditReportDocument!;
    expect(document).toMatchObject({ number: report.number, sha256: report.sha256, subject: { id: first.id } });
    pdf = Buffer.from(document.base64, 'base64');
    expect(pdf.length).toBe(report.sizeBytes);
    const file = await fetch(`${gatewayUrl()}${report.downloadUrl}`, { headers: await itself(first) });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-sha256')).toBe(report.sha256);
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('prints the subject (its name, code and penalty), the platform as issuer and the subject as who asked; no other subject; signed', () => {
    const text = poppler('pdftotext', pdf);
    for (const expected of [
      '公共信用信息报告',
      report.number,
      report.verificationCode,
      first.name,
      first.uscc!,
      first.decisionNo,
      `评价等级: ${grade}`,
      '姑苏区公共信用信息平台 (自助出具)',
      '申请人',
      '信用主体本人',
      SELF_SERVICE_MATTER,
      PURPOSE,
    ])
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    for (const other of [second.name, second.uscc!, second.decisionNo, person.name, '联合奖惩比对结论', '经办人'])
      expect([other, text.includes(other)]).toEqual([other, false]);
    expect(poppler('pdfsig', pdf)).toContain('Signature Validation: Signature is Valid.');
  });

  it('is stored once, saying who asked: the subject’s login, no department', async () => {
    const rows = await runSql(
      systemDatabaseUrl(),
      'select kind, subject_id, subject_uscc, issuer_sub, issuer_org, issuer_org_name, matter, purpose, verdict from reports.credit_report where number = $1',
      [report.number],
    );
    expect(rows).toEqual([
      {
        kind: 'OWN_RECORD',
        subject_id: first.id,
        subject_uscc: first.uscc,
        issuer_sub: first.login,
        issuer_org: null,
        issuer_org_name: null,
        matter: SELF_SERVICE_MATTER,
        purpose: PURPOSE,
        verdict: null,
      },
    ]);
  });

  it('is nothing to another subject: null, the answer a number never issued gets', async () => {
    const stranger = await download(report.number, await itself(second));
    const never = await download('GSXY-2000-000001', await itself(second));
    expect(stranger).toEqual(never);
    expect(stranger.errors).toBeUndefined();
    expect(expectData(stranger).creditReportDocument).toBeNull();
    const file = await fetch(`${gatewayUrl()}${report.downloadUrl}`, { headers: await itself(second) });
    expect(file.status).toBe(404);
    expect(((await file.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'NOT_FOUND',
    );
  });

  it('is the credit office’s to download as any report, not the window’s (no department issued it)', async () => {
    const office = await download(report.number, await as('credit_office'));
    expect(expectData(office).creditReportDocument?.sha256).toBe(report.sha256);
    expect(codeOf(await download(report.number, await as('hall')))).toBe('FORBIDDEN');
  });

  it('is verified by the public: genuine, unaltered, valid, requested by its subject', async () => {
    expect(await verify(report.number, report.verificationCode.toLowerCase(), report.sha256)).toEqual({
      genuine: true,
      unaltered: true,
      valid: true,
      number: report.number,
      kind: 'OWN_RECORD',
      issuer: null,
      requestedBySubject: true,
      subject: { uscc: first.uscc, name: first.name },
      matter: SELF_SERVICE_MATTER,
      verdict: null,
    });
    expect((await verify(report.number, report.verificationCode, '0'.repeat(64))).unaltered).toBe(false);
  });

  it('records the gathering under the subject, as the subject, naming the report', async () => {
    const requestId = randomUUID();
    const issued = await graphql<{ issueMyCreditReport: Issued | null }>(
      ISSUE_MINE,
      { purpose: null },
      { ...(await itself(first)), 'x-request-id': requestId },
    );
    const number = expectData(issued).issueMyCreditReport!.number;
    const rows = await graphql<{
      auditEvents: {
        nodes: {
          subjectId: string | null;
          principalSub: string;
          purpose: string | null;
          operationName: string | null;
        }[];
      };
    }>(
      'query($r: String!) { auditEvents(first: 100, filter: { requestId: $r }) { nodes { subjectId principalSub purpose operationName } } }',
      { r: requestId },
      await as('credit_office'),
    );
    const gathering = expectData(rows).auditEvents.nodes.filter((n) => n.operationName === 'CreditReportSections');
    expect(gathering.length).toBeGreaterThan(0);
    for (const row of gathering)
      expect(row).toMatchObject({
        subjectId: first.id,
        principalSub: first.login,
        purpose: `出具信用报告 ${number}`,
      });
  });
});

describe('a natural person’s own report', () => {
  it('names the person by its masked 证件号码 (it has no 统一社会信用代码); the public sees its name masked', async () => {
    const issued = await issueMine(await itself(person), null);
    expect(issued.errors).toBeUndefined();
    const report = expectData(issued).issueMyCreditReport!;
    expect(report.subject.id).toBe(person.id);
    const document = expectData(await download(report.number, await itself(person))).creditReportDocument!;
    const text = poppler('pdftotext', Buffer.from(document.base64, 'base64'));
    const id = person.idNumber!;
    for (const expected of [person.name, '证件号码', `${id.slice(0, 6)}********${id.slice(-4)}`])
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    expect(text).not.toContain(id);
    expect(text).not.toContain(first.name);
    expect(await verify(report.number, report.verificationCode)).toMatchObject({
      genuine: true,
      requestedBySubject: true,
      subject: { uscc: null, name: `${person.name.slice(0, 1)}**` },
    });
  });
});

describe('who may have which report issued', () => {
  it('keeps issueCreditReport the window’s: a subject cannot have a report about another (or itself) issued there', async () => {
    const attempt = await graphql(
      'mutation($u: String!) { issueCreditReport(uscc: $u, matter: "x", kind: OWN_RECORD) { number } }',
      { u: second.uscc },
      await itself(first),
    );
    expect(codeOf(attempt)).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });

  it('keeps issueMyCreditReport the subject’s: staff and the public are refused before anything is read', async () => {
    for (const role of ['public', 'hall', 'credit_office'] as const)
      expect([role, codeOf(await issueMine(await as(role)))]).toEqual([role, 'UNAUTHORIZED_FIELD_OR_TYPE']);
  });

  it('refuses a purpose too long or with control characters (BAD_USER_INPUT, nothing issued)', async () => {
    for (const purpose of ['用'.repeat(201), '贷款\u0007申请']) {
      const refused = await issueMine(await itself(first), purpose);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('answers NOT_FOUND to a sign-in naming no subject of the platform', async () => {
    const nobody = {
      authorization: `Bearer ${await tokenFor('subject', { subjectUscc: completeUscc(`91320508MK${String((Number(run) + 2) % 1e7).padStart(7, '0')}`) })}`,
    };
    const refused = await issueMine(nobody);
    expect(refused.data?.issueMyCreditReport ?? null).toBeNull();
    expect(codeOf(refused)).toBe('NOT_FOUND');
  });

  it('still issues the window’s 信用审查报告, which stays the window’s: its subject cannot download it', async () => {
    const issued = await graphql<{ issueCreditReport: Issued | null }>(
      'mutation($u: String!) { issueCreditReport(uscc: $u, scenario: BIDDING, matter: "招标投标资格审查") { number kind verdict verificationCode sha256 } }',
      { u: second.uscc },
      await as('hall'),
    );
    expect(issued.errors).toBeUndefined();
    const review = expectData(issued).issueCreditReport!;
    expect(review.kind).toBe('REVIEW');
    expect(review.verdict).not.toBeNull();
    expect(expectData(await download(review.number, await as('hall'))).creditReportDocument?.sha256).toBe(
      review.sha256,
    );
    expect(expectData(await download(review.number, await itself(second))).creditReportDocument).toBeNull();
    expect(await verify(review.number, review.verificationCode)).toMatchObject({
      genuine: true,
      kind: 'REVIEW',
      issuer: { code: 'gusu.xzspj' },
      requestedBySubject: false,
      subject: { uscc: second.uscc, name: second.name },
    });
  });
});
