import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSql } from '../../scripts/fresh-database';
import { demoDataset } from '../../shared/demo/dataset';
import { completeUscc } from '../../shared/identifiers/uscc';
import { chinaToday, daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { graphql, GraphQLResponse, systemDatabaseUrl } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * 决定书 end to end (issue 18 item 4): a repair application taken at the window, accepted and
 * decided by the department, and an objection filed online and dismissed; the decision document
 * issued as the hall and as the subject itself (one document, the same number and bytes), read back
 * with poppler (pdftotext, pdfsig), verified by the public; refused for a case not yet decided (CASE_NOT_DECIDED) and for another subject's case (NOT_FOUND, as for
 * a case that does not exist); downloaded again by number by whoever the document's departments
 * and subject allow.
 */
const EVIDENCE = '罚款已缴清，见缴款书 3205000067890';
const IDENTITY = {
  capacity: 'LEGAL_REPRESENTATIVE',
  name: '王决定',
  documentType: 'RESIDENT_ID',
  documentNumber: '11010519491231002X',
};
const DOCUMENT_FIELDS = `number kind caseId caseNumber decision issuedAt verificationCode verifyUrl contentType filename base64 sha256 sizeBytes subject { id }`;
const ISSUE = `mutation($kind: DecisionKind!, $caseId: ID!) { issueDecisionDocument(kind: $kind, caseId: $caseId) { ${DOCUMENT_FIELDS} } }`;
const READ = `query($number: String!) { decisionDocument(number: $number) { ${DOCUMENT_FIELDS} } }`;
const today = chinaToday();

interface DecisionDocument {
  number: string;
  kind: string;
  caseId: string;
  caseNumber: string | null;
  decision: string;
  issuedAt: string;
  verificationCode: string;
  verifyUrl: string;
  contentType: string;
  filename: string;
  base64: string;
  sha256: string;
  sizeBytes: number;
  subject: { id: string };
}

interface Candidate {
  penaltyId: string;
  decisionNo: string;
  subjectId: string;
  uscc: string;
  name: string;
  commitmentId: string;
  owner: string;
}

const candidates: Candidate[] = [];
const work = mkdtempSync(join(tmpdir(), 'decision-documents-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function poppler(tool: 'pdftotext' | 'pdfsig', pdf: Buffer): string {
  const file = join(work, `${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? ['-layout', file, '-'] : [file], { encoding: 'utf8' });
}

async function department(org: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor('department', { org })}` };
}

async function subjectItself(candidate: Candidate): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor('subject', { subjectUscc: candidate.uscc })}` };
}

function issue(kind: string, caseId: string, headers: Record<string, string>) {
  return graphql<{ issueDecisionDocument: DecisionDocument | null }>(ISSUE, { kind, caseId }, headers);
}

function read(number: string, headers: Record<string, string>) {
  return graphql<{ decisionDocument: DecisionDocument | null }>(READ, { number }, headers);
}

function codeOf(result: GraphQLResponse<unknown>): unknown {
  return result.errors?.[0]?.extensions?.code;
}

/** Files a window application for the candidate's penalty and answers the case id. */
async function fileCase(candidate: Candidate): Promise<string> {
  const taken = await graphql<{ takeRepairApplication: { caseId: string; status: string } | null }>(
    'mutation($input: WindowRepairApplicationInput!) { takeRepairApplication(input: $input) { caseId status } }',
    {
      input: {
        target: { kind: 'PENALTY', id: candidate.penaltyId },
        reason: '已完成整改，申请信用修复 (决定书测试)',
        repairCommitmentId: candidate.commitmentId,
        fulfilmentEvidence: EVIDENCE,
        identity: IDENTITY,
      },
    },
    await as('hall'),
  );
  expect(taken.errors).toBeUndefined();
  return expectData(taken).takeRepairApplication!.caseId;
}

async function accept(candidate: Candidate, caseId: string): Promise<void> {
  const accepted = await graphql<{ acceptRepairCase: { status: string } }>(
    'mutation($id: ID!) { acceptRepairCase(id: $id) { status } }',
    { id: caseId },
    await department(candidate.owner),
  );
  expect(expectData(accepted).acceptRepairCase.status).toBe('ACCEPTED');
}

beforeAll(async () => {
  const result = await graphql<{
    publicCommitments: {
      nodes: {
        id: string;
        kind: string;
        status: string;
        validUntil: string | null;
        subject: {
          id: string;
          uscc: string | null;
          name: string;
          penalties: {
            nodes: {
              id: string;
              decisionNo: string;
              severity: string;
              repairedAt: string | null;
              revokedAt: string | null;
            }[];
          };
          repairCases: { targetId: string; status: string }[];
        };
      }[];
    };
  }>(
    `
      {
        publicCommitments(search: "信用修复", first: 100) {
          nodes {
            id
            kind
            status
            validUntil
            subject {
              id
              uscc
              name
              penalties(first: 50) {
                nodes {
                  id
                  decisionNo
                  severity
                  repairedAt
                  revokedAt
                }
              }
              repairCases {
                targetId
                status
              }
            }
          }
        }
      }
    `,
    {},
    await as('credit_office'),
  );
  const nodes = expectData(result).publicCommitments.nodes.filter(
    (c) =>
      c.kind === 'REPAIR' &&
      c.status === 'IN_EFFECT' &&
      (c.validUntil === null || c.validUntil >= today) &&
      c.subject.uscc !== null,
  );
  // From the first quarter on: repairs.test.ts takes its candidates from the end, repair-intake.test.ts from the middle.
  const start = Math.floor(nodes.length / 4);
  const ordered = [...nodes.slice(start), ...nodes.slice(0, start)];
  const hall = await as('hall');
  const seen = new Set<string>();
  for (const node of ordered) {
    if (seen.has(node.subject.id)) continue;
    seen.add(node.subject.id);
    const taken = new Set(node.subject.repairCases.map((c) => c.targetId));
    for (const penalty of node.subject.penalties.nodes) {
      if (penalty.severity === 'MINOR' || penalty.repairedAt || penalty.revokedAt || taken.has(penalty.id)) continue;
      const judged = await graphql<{ repairEligibility: { eligible: boolean; handledBy: { code: string } | null } }>(
        `
          query ($t: RepairTargetInput!, $c: ID, $e: String) {
            repairEligibility(target: $t, repairCommitmentId: $c, fulfilmentEvidence: $e) {
              eligible
              handledBy {
                code
              }
            }
          }
        `,
        { t: { kind: 'PENALTY', id: penalty.id }, c: node.id, e: EVIDENCE },
        hall,
      );
      const verdict = expectData(judged).repairEligibility;
      if (verdict.eligible) {
        candidates.push({
          penaltyId: penalty.id,
          decisionNo: penalty.decisionNo,
          subjectId: node.subject.id,
          uscc: node.subject.uscc!,
          name: node.subject.name,
          commitmentId: node.id,
          owner: verdict.handledBy!.code,
        });
        break;
      }
    }
    if (candidates.length >= 2) break;
  }
  expect(candidates.length).toBe(2);
});

describe('信用修复决定书', () => {
  let approvedCase: string;
  let document: DecisionDocument;
  let pdf: Buffer;

  it('is refused for a case not yet decided (CASE_NOT_DECIDED), and issued once it is', async () => {
    const [candidate] = candidates;
    approvedCase = await fileCase(candidate);
    const early = await issue('REPAIR', approvedCase, await as('hall'));
    expect(early.data?.issueDecisionDocument ?? null).toBeNull();
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'CASE_NOT_DECIDED',
      argument: 'caseId',
      status: 'SUBMITTED',
    });
    await accept(candidate, approvedCase);
    expect(codeOf(await issue('REPAIR', approvedCase, await subjectItself(candidate)))).toBe('CASE_NOT_DECIDED');
    const approved = await graphql<{ approveRepairCase: { status: string } }>(
      'mutation($id: ID!) { approveRepairCase(id: $id, note: "已履行行政处罚决定，整改到位，准予修复") { status } }',
      { id: approvedCase },
      await department(candidate.owner),
    );
    expect(expectData(approved).approveRepairCase.status).toBe('APPROVED');

    const issued = await issue('REPAIR', approvedCase, await as('hall'));
    expect(issued.errors).toBeUndefined();
    document = expectData(issued).issueDecisionDocument!;
    expect(document).toMatchObject({
      kind: 'REPAIR',
      caseId: approvedCase,
      decision: '准予信用修复',
      contentType: 'application/pdf',
      filename: `${document.number}.pdf`,
      subject: { id: candidate.subjectId },
    });
    expect(document.number).toMatch(new RegExp(`^GSJD-${today.slice(0, 4)}-\\d{6}$`));
    expect(document.caseNumber).toMatch(/^GSXF-\d{4}-\d{8}$/);
    expect(document.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    pdf = Buffer.from(document.base64, 'base64');
    expect(pdf.length).toBe(document.sizeBytes);
  });

  it('prints the title, number, subject, case, record, decision with reasons, department and what follows; signed', () => {
    const [candidate] = candidates;
    const text = poppler('pdftotext', pdf);
    for (const expected of [
      '信用修复决定书',
      document.number,
      document.verificationCode,
      candidate.name,
      candidate.uscc,
      document.caseNumber!,
      '准予信用修复',
      '已履行行政处罚决定，整改到位，准予修复',
      '终止公示、停止共享',
    ])
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    // The record by its decision number while the hall still sees the penalty; once the repair has taken it out
    // of the hall's view (an event, which may come first), by its id.
    expect([candidate.decisionNo, '记录标识'].some((line) => text.includes(line))).toBe(true);
    const signature = poppler('pdfsig', pdf);
    expect(signature).toContain('Signature Validation: Signature is Valid.');
    expect(signature).toContain('Total document signed');
  });

  it('is the same document when issued again, by the hall or by the subject itself', async () => {
    const [candidate] = candidates;
    for (const headers of [await as('hall'), await subjectItself(candidate), await department(candidate.owner)]) {
      const again = await issue('REPAIR', approvedCase, headers);
      expect(again.errors).toBeUndefined();
      const answer = expectData(again).issueDecisionDocument!;
      expect([answer.number, answer.sha256, answer.issuedAt]).toEqual([
        document.number,
        document.sha256,
        document.issuedAt,
      ]);
      expect(answer.base64 === document.base64).toBe(true);
    }
  });

  it('is downloaded by number by its subject, the hall that issued it, the department and the credit office; others are refused', async () => {
    const [candidate, other] = candidates;
    for (const headers of [
      await subjectItself(candidate),
      await as('hall'),
      await department(candidate.owner),
      await as('credit_office'),
    ]) {
      const downloaded = await read(document.number.toLowerCase(), headers);
      expect(downloaded.errors).toBeUndefined();
      expect(expectData(downloaded).decisionDocument?.sha256).toBe(document.sha256);
    }
    // Another subject: as if there were no such document.
    const stranger = await read(document.number, await subjectItself(other));
    expect(stranger.errors).toBeUndefined();
    expect(expectData(stranger).decisionDocument).toBeNull();
    // A department with no part in the case.
    const elsewhere = await read(
      document.number,
      await department(candidate.owner === 'gusu.whlyj' ? 'gusu.rsj' : 'gusu.whlyj'),
    );
    expect(codeOf(elsewhere)).toBe('FORBIDDEN');
    // A number never issued: null.
    expect(expectData(await read('GSJD-2000-000001', await as('hall'))).decisionDocument).toBeNull();
  });

  it('is verified by the public with the printed number and code (verifyDecisionDocument)', async () => {
    const [candidate] = candidates;
    const VERIFY = `query($n: String!, $c: String!, $s: String) { verifyDecisionDocument(number: $n, verificationCode: $c, sha256: $s) {
      genuine unaltered number kind caseNumber decision issuedAt subject { uscc name } } }`;
    const verify = async (n: string, c: string, sha?: string) =>
      expectData(
        await graphql<{ verifyDecisionDocument: Record<string, unknown> }>(
          VERIFY,
          { n, c, s: sha },
          await as('public'),
        ),
      ).verifyDecisionDocument;
    expect(await verify(document.number, document.verificationCode.toLowerCase(), document.sha256)).toEqual({
      genuine: true,
      unaltered: true,
      number: document.number,
      kind: 'REPAIR',
      caseNumber: document.caseNumber,
      decision: '准予信用修复',
      issuedAt: document.issuedAt,
      subject: { uscc: candidate.uscc, name: candidate.name },
    });
    expect((await verify(document.number, document.verificationCode, '0'.repeat(64))).unaltered).toBe(false);
    // A wrong code (its check symbol still right) is the answer a number never issued gets.
    const wrong = document.verificationCode === '0000-0000-0000' ? 'ZZZZ-ZZZZ-ZZZB' : '0000-0000-0000';
    const notGenuine = await verify(document.number, wrong.replace(/-/g, ''));
    expect(notGenuine).toEqual(await verify('GSJD-2000-000001', wrong));
    expect(notGenuine).toMatchObject({ genuine: false, number: null, subject: null });
  });

  it('is never altered, not even by SQL', async () => {
    await expect(
      runSql(systemDatabaseUrl(), 'update reports.decision_document set decision = $1 where number = $2', [
        '改过的决定',
        document.number,
      ]),
    ).rejects.toThrow(/never altered/);
  });
});

describe('不予信用修复, issued at once by several callers', () => {
  it('stores one document: every answer has the same number and bytes', async () => {
    const [, candidate] = candidates;
    const caseId = await fileCase(candidate);
    await accept(candidate, caseId);
    const denied = await graphql<{ denyRepairCase: { status: string } }>(
      'mutation($id: ID!) { denyRepairCase(id: $id, reason: "未提交整改到位的证明材料") { status } }',
      { id: caseId },
      await department(candidate.owner),
    );
    expect(expectData(denied).denyRepairCase.status).toBe('DENIED');
    const headers = [await as('hall'), await subjectItself(candidate), await as('credit_office'), await as('hall')];
    const answers = await Promise.all(headers.map((h) => issue('REPAIR', caseId, h)));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const documents = answers.map((a) => expectData(a).issueDecisionDocument!);
    expect(new Set(documents.map((d) => d.number)).size).toBe(1);
    expect(new Set(documents.map((d) => d.sha256)).size).toBe(1);
    expect(documents[0].decision).toBe('不予信用修复');
    const stored = await runSql(
      systemDatabaseUrl(),
      "select count(*) as n from reports.decision_document where kind = 'REPAIR' and case_id = $1",
      [caseId],
    );
    expect(Number(stored[0].n)).toBe(1);
    const text = poppler('pdftotext', Buffer.from(documents[0].base64, 'base64'));
    expect(text).toContain('不予信用修复');
    expect(text).toContain('未提交整改到位的证明材料');
    expect(text).not.toContain('终止公示');
  });
});

describe('who may have a decision document issued', () => {
  it('gives another subject’s case the answer a case that does not exist gets (NOT_FOUND)', async () => {
    const [candidate, other] = candidates;
    const cases = await graphql<{ subject: { repairCases: { id: string }[] } }>(
      `{ subject(id: "${candidate.subjectId}") { repairCases { id } } }`,
      {},
      await as('credit_office'),
    );
    const caseOfCandidate = expectData(cases).subject.repairCases[0].id;
    const stranger = await issue('REPAIR', caseOfCandidate, await subjectItself(other));
    expect(stranger.data?.issueDecisionDocument ?? null).toBeNull();
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'caseId' });
    const nowhere = await issue('REPAIR', randomUUID(), await as('hall'));
    expect(nowhere.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'caseId' });
    for (const answer of [stranger, nowhere]) expect(answer.errors?.[0]?.message).toContain('无此案件');
  });

  it('refuses the public and the analyst before anything is read', async () => {
    const [candidate] = candidates;
    for (const role of ['public', 'analyst'] as const)
      expect(codeOf(await issue('REPAIR', candidate.penaltyId, await as(role)))).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });

  it('names the argument of a malformed case id or number (BAD_USER_INPUT)', async () => {
    const badCase = await issue('REPAIR', 'not-a-case', await as('hall'));
    expect(badCase.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'caseId' });
    for (const number of ['GSXY-2026-000001', 'GSJD-2026-0001', 'x'.repeat(33)]) {
      const bad = await read(number, await as('hall'));
      expect([number, bad.errors?.[0]?.extensions?.code]).toEqual([number, 'BAD_USER_INPUT']);
      expect(bad.errors?.[0]?.extensions?.argument).toBe('number');
    }
  });
});

describe('异议处理决定书', () => {
  const authority = demoDataset().departments[0];
  const owner = async () => department(authority.code);

  it('for a dismissed objection: issued as the hall and as the subject, one document saying 异议不成立 with reasons', async () => {
    // A new subject's penalty, reported by its department; the subject objects to it online.
    const uscc = completeUscc(`91320508MJ${String(Date.now() % 1e7).padStart(7, '0')}`);
    const name = '苏州决定书异议测试有限公司';
    const reported = await graphql<{ reportPenalties: { accepted: number } }>(
      'mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted } }',
      {
        r: [
          {
            partyName: name,
            partyClass: '法人及非法人组织',
            uscc,
            legalRepresentative: '郑六',
            decisionNo: `姑苏决定书测罚〔2026〕${uscc.slice(-7)}号`,
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
          },
        ],
      },
      await owner(),
    );
    expect(expectData(reported).reportPenalties.accepted).toBe(1);
    const penalties = await graphql<{ subject: { penalties: { nodes: { id: string }[] } } | null }>(
      `{ subject(uscc: "${uscc}") { penalties(first: 5) { nodes { id } } } }`,
      {},
      await as('public'),
    );
    const penaltyId = expectData(penalties).subject!.penalties.nodes[0].id;
    const subject = { authorization: `Bearer ${await tokenFor('subject', { subjectUscc: uscc })}` };
    const filed = await until(
      'the objection filed',
      () =>
        graphql<{ fileObjection: { caseId: string; caseNumber: string } | null }>(
          'mutation($i: ObjectionInput!) { fileObjection(input: $i) { caseId caseNumber } }',
          { i: { target: { kind: 'PENALTY', id: penaltyId }, grounds: '年度报告已按期公示，处罚所依事实有误' } },
          subject,
        ),
      (r) => r.errors?.[0]?.extensions?.code !== 'NOT_FOUND',
    );
    expect(filed.errors).toBeUndefined();
    const { caseId, caseNumber } = expectData(filed).fileObjection!;
    expectData(await graphql(`mutation { acceptObjection(id: "${caseId}") { id } }`, {}, await owner()));

    // Accepted, not decided: refused.
    const early = await issue('OBJECTION', caseId, await as('hall'));
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CASE_NOT_DECIDED', status: 'ACCEPTED' });

    const dismissed = await graphql<{ decideObjection: { status: string } | null }>(
      'mutation($i: ObjectionDecisionInput!) { decideObjection(input: $i) { status } }',
      { i: { id: caseId, upheld: false, note: '经核查，当事人未在规定期限内公示年度报告，处罚事实清楚' } },
      await owner(),
    );
    expect(expectData(dismissed).decideObjection?.status).toBe('DISMISSED');

    const asHall = await issue('OBJECTION', caseId, await as('hall'));
    expect(asHall.errors).toBeUndefined();
    const document = expectData(asHall).issueDecisionDocument!;
    expect(document).toMatchObject({ kind: 'OBJECTION', caseId, caseNumber, decision: '异议不成立' });
    const asSubject = expectData(await issue('OBJECTION', caseId, subject)).issueDecisionDocument!;
    expect([asSubject.number, asSubject.sha256]).toEqual([document.number, document.sha256]);
    // The kinds do not mix: the case is no repair case.
    expect(codeOf(await issue('REPAIR', caseId, await as('hall')))).toBe('NOT_FOUND');

    const pdf = Buffer.from(document.base64, 'base64');
    const text = poppler('pdftotext', pdf);
    for (const expected of [
      '异议处理决定书',
      document.number,
      name,
      uscc,
      caseNumber,
      '年度报告已按期公示，处罚所依事实有误',
      '异议不成立',
      '经核查，当事人未在规定期限内公示年度报告，处罚事实清楚',
      authority.name,
    ])
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    expect(poppler('pdfsig', pdf)).toContain('Signature Validation: Signature is Valid.');
  });
});
