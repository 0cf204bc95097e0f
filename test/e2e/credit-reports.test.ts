import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSql } from '../../scripts/fresh-database';
import { completeUscc } from '../../shared/identifiers/uscc';
import { checkSymbol, CODE_ALPHABET } from '../../subgraphs/reports/rules/verification-code';
import { expectData } from '../support/expect-data';
import { graphql, systemDatabaseUrl } from '../support/gateway';
import { clientOperations } from '../support/operations';
import { as, tokenFor } from '../support/tokens';

/**
 * 信用审查报告 end to end: issued by the hall through the gateway, downloaded
 * again by its issuer only, read back with poppler (pdftotext, pdfsig), and
 * verified by the public with the number and code printed on it.
 */
const operation = (file: string): string => clientOperations().find((op) => op.file === file)!.source;

interface Issued {
  number: string;
  kind: string;
  verificationCode: string;
  issuedAt: string;
  validUntil: string;
  verdict: string | null;
  sha256: string;
  downloadUrl: string;
  verifyUrl: string;
}

const ISSUE = `mutation($uscc: String!, $scenario: Scenario, $matter: String!, $purpose: String, $kind: CreditReportKind) {
  issueCreditReport(uscc: $uscc, scenario: $scenario, matter: $matter, purpose: $purpose, kind: $kind) { number kind verificationCode issuedAt validUntil verdict sha256 downloadUrl verifyUrl }
}`;
const DOCUMENT =
  'query($number: String!) { creditReportDocument(number: $number) { number contentType filename base64 sha256 sizeBytes } }';

const work = mkdtempSync(join(tmpdir(), 'credit-reports-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pdftotext(pdf: Buffer): string {
  const file = join(work, `${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

let blackListed: { uscc: string; name: string };
let report: Issued;
let pdf: Buffer;
const issueRequest = randomUUID();

async function download(number: string, headers: Record<string, string>) {
  return graphql<{
    creditReportDocument: {
      number: string;
      contentType: string;
      filename: string;
      base64: string;
      sha256: string;
      sizeBytes: number;
    } | null;
  }>(DOCUMENT, { number }, headers);
}

async function verify(number: string, verificationCode: string, sha256?: string) {
  const result = await graphql<{ verifyCreditReport: Record<string, unknown> }>(
    operation('public-verify-report.graphql'),
    { number, verificationCode, sha256 },
    await as('public'),
  );
  expect(result.errors).toBeUndefined();
  return expectData(result).verifyCreditReport;
}

beforeAll(async () => {
  const list = await graphql<{ publishedList: { nodes: { subject: { uscc: string; name: string } }[] } }>(
    operation('public-lists.graphql'),
    { list: 'BLACK', first: 1 },
    await as('public'),
  );
  blackListed = expectData(list).publishedList.nodes[0].subject;
  const issued = await graphql<{ issueCreditReport: Issued }>(
    operation('hall-issue-report.graphql'),
    {
      uscc: blackListed.uscc,
      scenario: 'PUBLIC_PROCUREMENT',
      matter: '政府采购供应商资格审查',
      purpose: '姑苏区2026年办公设备采购项目',
    },
    { ...(await as('hall')), 'x-request-id': issueRequest },
  );
  expect(issued.errors).toBeUndefined();
  report = expectData(issued).issueCreditReport;
  const downloaded = await download(report.number, await as('hall'));
  expect(downloaded.errors).toBeUndefined();
  pdf = Buffer.from(expectData(downloaded).creditReportDocument!.base64, 'base64');
});

describe('issuing a 信用审查报告', () => {
  it('numbers it, screens the matter (RESTRICT for a black-listed subject) and says where to download and verify it', () => {
    expect(report.number).toMatch(/^GSXY-\d{4}-\d{6}$/);
    expect(report.number.slice(5, 9)).toBe(report.issuedAt.slice(0, 4));
    expect(report.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(report.verdict).toBe('RESTRICT');
    expect(report.downloadUrl).toBe(`/documents/credit-reports/${report.number}.pdf`);
    expect(report.verifyUrl).toBe(`/verify?number=${report.number}&code=${report.verificationCode.replace(/-/g, '')}`);
    expect(report.validUntil > report.issuedAt.slice(0, 10)).toBe(true);
  });

  it('is never altered, not even by SQL', async () => {
    await expect(
      runSql(systemDatabaseUrl(), 'update reports.credit_report set matter = $1 where number = $2', [
        '改过的事项',
        report.number,
      ]),
    ).rejects.toThrow(/never altered/);
    await expect(
      runSql(systemDatabaseUrl(), 'delete from reports.credit_report where number = $1', [report.number]),
    ).rejects.toThrow(/never altered/);
  });

  it('downloads the stored bytes again, whose SHA-256 is the issued one', async () => {
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(report.sha256);
    const again = await download(report.number, await as('hall'));
    expect(expectData(again).creditReportDocument).toMatchObject({
      contentType: 'application/pdf',
      filename: `${report.number}.pdf`,
      sha256: report.sha256,
      sizeBytes: pdf.length,
    });
    expect(Buffer.from(expectData(again).creditReportDocument!.base64, 'base64').equals(pdf)).toBe(true);
  });

  it('prints the name, USCC, number, code and the verdict in Chinese, in an embedded font', () => {
    const text = pdftotext(pdf);
    expect(text).toContain('信用审查报告');
    expect(text).toContain(blackListed.name);
    expect(text).toContain(blackListed.uscc);
    expect(text).toContain(report.number);
    expect(text).toContain(report.verificationCode);
    expect(text).toContain('限制');
    expect(text).toContain('政府采购供应商资格审查');
    expect(text).toContain('数据截止时间');
    // 公共信用综合评价: the grade with its label and the score on one line, the model beside it.
    expect(text).toContain('公共信用综合评价');
    expect(text).toMatch(/评价等级: [ABCD]（[优良中差]） · 评价得分: \d+\.\d/);
    expect(text).toMatch(/评价模型: \S+ · 评价时间: \d{4}年/);
    const fonts = execFileSync('pdffonts', [join(work, writeTemp(pdf))], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('carries a PKCS#7 signature that pdfsig finds valid (the development certificate is untrusted)', () => {
    const file = join(work, writeTemp(pdf));
    const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Total document signed');
  });

  it('prints 无异常 for a subject on no list (CLEAR)', async () => {
    const subjects = await graphql<{ subjects: { nodes: { uscc: string | null; creditStatus: string | null }[] } }>(
      '{ subjects(first: 50) { nodes { uscc creditStatus } } }',
      {},
      await as('hall'),
    );
    const clean = expectData(subjects).subjects.nodes.find((n) => n.uscc && n.creditStatus === 'NORMAL')!;
    const issued = await graphql<{ issueCreditReport: Issued }>(
      ISSUE,
      { uscc: clean.uscc, scenario: 'ADMINISTRATIVE_LICENSING', matter: '食品经营许可' },
      await as('hall'),
    );
    expect(expectData(issued).issueCreditReport.verdict).toBe('CLEAR');
    const document = await download(expectData(issued).issueCreditReport.number, await as('hall'));
    expect(pdftotext(Buffer.from(expectData(document).creditReportDocument!.base64, 'base64'))).toContain('无异常');
  });

  it('issues a subject’s own 公共信用信息报告 from the same pipeline, with no verdict', async () => {
    const own = await graphql<{ issueCreditReport: Issued }>(
      ISSUE,
      { uscc: blackListed.uscc, matter: '主体自查', kind: 'OWN_RECORD' },
      await as('hall'),
    );
    expect(own.errors).toBeUndefined();
    expect(expectData(own).issueCreditReport).toMatchObject({ kind: 'OWN_RECORD', verdict: null });
    const document = await download(expectData(own).issueCreditReport.number, await as('hall'));
    const text = pdftotext(Buffer.from(expectData(document).creditReportDocument!.base64, 'base64'));
    expect(text).toContain('公共信用信息报告');
    expect(text).toContain(blackListed.uscc);
    expect(text).not.toContain('比对结论');
  });
});

function writeTemp(bytes: Buffer): string {
  const name = `${randomUUID()}.pdf`;
  writeFileSync(join(work, name), bytes);
  return name;
}

describe('verifying a report (public)', () => {
  it('is genuine, unaltered and valid with the printed number and code, and shows the summary only', async () => {
    const answer = await verify(report.number, report.verificationCode, report.sha256);
    expect(answer).toMatchObject({
      genuine: true,
      unaltered: true,
      valid: true,
      number: report.number,
      verdict: 'RESTRICT',
      matter: '政府采购供应商资格审查',
    });
    expect(answer.subject).toEqual({ uscc: blackListed.uscc, name: blackListed.name });
    expect(answer.issuer).toEqual({ code: 'gusu.xzspj', name: '姑苏区行政审批局' });
    // As typed: lower case, no hyphens.
    expect(
      (await verify(report.number.toLowerCase(), report.verificationCode.replace(/-/g, '').toLowerCase())).genuine,
    ).toBe(true);
  });

  it('says altered for a file with one byte changed', async () => {
    const changed = Buffer.from(pdf);
    changed[Math.floor(changed.length / 2)] ^= 0x01;
    const answer = await verify(
      report.number,
      report.verificationCode,
      createHash('sha256').update(changed).digest('hex'),
    );
    expect(answer).toMatchObject({ genuine: true, unaltered: false });
  });

  it('reveals nothing for a wrong code: the same answer as for a number never issued', async () => {
    const symbols = report.verificationCode.replace(/-/g, '').slice(0, 11);
    const other = `${symbols.slice(0, 10)}${CODE_ALPHABET[(CODE_ALPHABET.indexOf(symbols[10]) + 1) % 32]}`;
    const wrong = await verify(report.number, other + checkSymbol(other));
    expect(wrong).toEqual({
      genuine: false,
      unaltered: null,
      valid: false,
      number: null,
      issuedAt: null,
      validUntil: null,
      issuer: null,
      subject: null,
      matter: null,
      verdict: null,
    });
    expect(await verify('GSXY-1999-999999', report.verificationCode)).toEqual(wrong);
  });

  it('refuses malformed arguments with BAD_USER_INPUT naming them', async () => {
    const bad = await graphql(
      operation('public-verify-report.graphql'),
      { number: 'NO-SUCH', verificationCode: report.verificationCode },
      await as('public'),
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'number' });
    const typo = await graphql(
      operation('public-verify-report.graphql'),
      {
        number: report.number,
        verificationCode: `${report.verificationCode.slice(0, -1)}${report.verificationCode.endsWith('0') ? '1' : '0'}`,
      },
      await as('public'),
    );
    expect(typo.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'verificationCode' });
  });
});

describe('who may issue and download', () => {
  it('lets no other department download the report', async () => {
    const other = await download(report.number, {
      authorization: `Bearer ${await tokenFor('hall', { org: 'gusu.scjgj', sub: 'other-hall' })}`,
    });
    expect(other.data?.creditReportDocument ?? null).toBeNull();
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const office = await download(report.number, await as('credit_office'));
    expect(expectData(office).creditReportDocument!.sha256).toBe(report.sha256);
  });

  it('does not let the public issue or download', async () => {
    const issued = await graphql(
      operation('hall-issue-report.graphql'),
      { uscc: blackListed.uscc, scenario: 'BIDDING', matter: 'x' },
      await as('public'),
    );
    expect(issued.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    const downloaded = await download(report.number, await as('public'));
    expect(downloaded.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });

  it('refuses bad arguments before any work, naming the argument', async () => {
    const hall = await as('hall');
    const cases: [Record<string, unknown>, string][] = [
      [{ uscc: blackListed.uscc, scenario: 'BIDDING', matter: '事'.repeat(101) }, 'matter'],
      [{ uscc: blackListed.uscc, scenario: 'BIDDING', matter: '  ' }, 'matter'],
      [{ uscc: blackListed.uscc, scenario: 'BIDDING', matter: 'x', purpose: '用'.repeat(201) }, 'purpose'],
      [{ uscc: 'NOT-A-CODE', scenario: 'BIDDING', matter: 'x' }, 'uscc'],
      [{ uscc: blackListed.uscc, matter: 'x' }, 'scenario'],
    ];
    for (const [variables, argument] of cases) {
      const result = await graphql(ISSUE, variables, hall);
      expect([argument, result.errors?.[0].extensions]).toEqual([
        argument,
        expect.objectContaining({ code: 'BAD_USER_INPUT', argument }),
      ]);
    }
    const unknown = await graphql(
      ISSUE,
      { uscc: completeUscc('91320508MA1P0Q0R0'), scenario: 'BIDDING', matter: 'x' },
      hall,
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'uscc' });
  });
});

describe('the audit', () => {
  it('records the issue (the report’s subject, its number as the purpose of the gathering) and each download', async () => {
    const subject = await graphql<{ subject: { id: string } }>(
      `{ subject(uscc: "${blackListed.uscc}") { id } }`,
      {},
      await as('credit_office'),
    );
    const subjectId = expectData(subject).subject.id;
    const rows = await graphql<{
      auditEvents: {
        nodes: {
          fieldsClass: string;
          subjectId: string | null;
          uscc: string | null;
          purpose: string | null;
          operationName: string | null;
          requestId: string;
        }[];
      };
    }>(
      'query($requestId: String!) { auditEvents(first: 100, filter: { requestId: $requestId }) { nodes { fieldsClass subjectId uscc purpose operationName requestId } } }',
      { requestId: issueRequest },
      await as('credit_office'),
    );
    const nodes = expectData(rows).auditEvents.nodes;
    // The mutation's answer, under the subject, and the gathering it made as the clerk: profile and screening, naming the report.
    expect(nodes.some((n) => n.operationName === 'IssueCreditReport' && n.subjectId === subjectId)).toBe(true);
    expect(
      nodes.some(
        (n) =>
          n.operationName === 'CreditReportSections' &&
          n.fieldsClass === 'PROFILE' &&
          n.subjectId === subjectId &&
          n.purpose === `出具信用报告 ${report.number}`,
      ),
    ).toBe(true);
    expect(
      nodes.some(
        (n) =>
          n.fieldsClass === 'SCREENING' && n.uscc === blackListed.uscc && n.purpose === `出具信用报告 ${report.number}`,
      ),
    ).toBe(true);

    const downloadRequest = randomUUID();
    await graphql(DOCUMENT, { number: report.number }, { ...(await as('hall')), 'x-request-id': downloadRequest });
    const downloads = await graphql<{ auditEvents: { nodes: { subjectId: string | null; principalSub: string }[] } }>(
      'query($requestId: String!) { auditEvents(first: 10, filter: { requestId: $requestId }) { nodes { subjectId principalSub } } }',
      { requestId: downloadRequest },
      await as('credit_office'),
    );
    expect(expectData(downloads).auditEvents.nodes).toEqual([{ subjectId, principalSub: 'test-hall' }]);
  });
});
