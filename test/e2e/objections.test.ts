import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoDataset } from '../../shared/demo/dataset';
import { completeUscc } from '../../shared/identifiers/uscc';
import { chinaToday, daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import {
  CASE_FIELDS,
  decideObjection,
  departmentHeaders,
  fileObjectionOnline,
  ObjectionReceipt as Receipt,
  RECEIPT_FIELDS,
  subjectHeaders,
} from '../support/objections';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * Issue 18, objections (异议): a subject signed in as itself objects to a penalty about it; the penalty
 * is marked 异议处理中 wherever it is shown; the department that reported it accepts the objection and
 * decides it — upheld with WITHDRAWN, the penalty leaves public view (the subject still sees it, revoked);
 * dismissed, the mark ends and the penalty stays. The public follows either by number and query code.
 * The window takes an objection in person. Online repair applications reach only one's own records.
 */
const authority = demoDataset().departments[0];
interface Penalty {
  id: string;
  objectionPending: boolean;
}

let serial = 0;
function newUscc(): string {
  serial += 1;
  return completeUscc(
    `91320508MD${String((Date.now() % 1e4) * 100 + serial)
      .padStart(7, '0')
      .slice(-7)}`,
  );
}

const owner = () => departmentHeaders(authority.code);
const subjectOf = subjectHeaders;

/** Reports a penalty of a new subject as its authority; returns the subject's code and the penalty id once repairs knows it. */
async function reportedPenalty(label: string): Promise<{ uscc: string; penaltyId: string }> {
  const uscc = newUscc();
  const reported = await graphql<{ reportPenalties: { accepted: number } }>(
    'mutation R($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted rejections { reasons { field message } } } }',
    {
      r: [
        {
          partyName: `苏州异议测试${label}有限公司`,
          partyClass: '法人及非法人组织',
          uscc,
          legalRepresentative: '周五',
          decisionNo: `姑苏异议测罚〔2026〕${uscc.slice(-7)}号`,
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
  const penalties = await publicPenalties(uscc);
  return { uscc, penaltyId: penalties[0].id };
}

async function publicPenalties(uscc: string): Promise<Penalty[]> {
  const result = await graphql<{ subject: { penalties: { nodes: Penalty[] } } | null }>(
    `{ subject(uscc: "${uscc}") { penalties(first: 5) { nodes { id objectionPending } } } }`,
    {},
    await as('public'),
  );
  return expectData(result).subject?.penalties.nodes ?? [];
}

/** Files online as the subject (waiting while repairs learns of a penalty just reported). */
async function fileOnline(uscc: string, penaltyId: string): Promise<Receipt> {
  return fileObjectionOnline(
    { kind: 'PENALTY', id: penaltyId },
    await subjectOf(uscc),
    '处罚决定已被行政复议决定撤销，平台仍在公示',
    '姑苏复决〔2026〕17号',
  );
}

async function objection(id: string, headers: Record<string, string>) {
  const result = await graphql<{ objectionCase: Record<string, unknown> | null }>(
    `{ objectionCase(id: "${id}") { ${CASE_FIELDS} } }`,
    {},
    headers,
  );
  expect(result.errors).toBeUndefined();
  return expectData(result).objectionCase;
}

async function progress(caseNumber: string, queryCode: string) {
  return graphql<{ objectionProgress: { status: string; nextStep: string; decisionDueOn: string | null } }>(
    'query($n: String!, $c: String!) { objectionProgress(caseNumber: $n, queryCode: $c) { caseNumber status submittedOn intakeDueOn decisionDueOn closedOn overdue nextStep } }',
    { n: caseNumber, c: queryCode },
    await as('public'),
  );
}

const decide = decideObjection;

describe('objections to records (issue 18)', () => {
  it('upheld: the subject objects online, the penalty is marked, its department withdraws it, it leaves public view', async () => {
    const started = Date.now();
    const { uscc, penaltyId } = await reportedPenalty('甲');
    const receipt = await fileOnline(uscc, penaltyId);
    expect(receipt).toMatchObject({
      channel: 'ONLINE',
      status: 'SUBMITTED',
      intakeWorkingDays: 2,
      decisionWorkingDays: 10,
    });
    expect(receipt.caseNumber).toMatch(/^GSYY-\d{4}-\d{8}$/);
    expect(receipt.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(receipt.deadlineSource).toContain('苏政规〔2025〕4号');
    expect(receipt.intakeDueOn >= chinaToday()).toBe(true);

    // 异议处理中, even to the public, until the decision.
    await until(
      'the penalty marked',
      () => publicPenalties(uscc),
      (p) => p[0]?.objectionPending === true,
    );

    // A second objection waits for the first; another subject cannot object to this one's record at all.
    const again = await graphql(
      'mutation($i: ObjectionInput!) { fileObjection(input: $i) { caseId } }',
      { i: { target: { kind: 'PENALTY', id: penaltyId }, grounds: '再次异议' } },
      await subjectOf(uscc),
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'OPEN_OBJECTION',
      caseId: receipt.caseId,
    });
    const stranger = await graphql(
      'mutation($i: ObjectionInput!) { fileObjection(input: $i) { caseId } }',
      { i: { target: { kind: 'PENALTY', id: penaltyId }, grounds: '冒名异议' } },
      await subjectOf(newUscc()),
    );
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.target.id' });

    // The public follows it by number and code, and learns nothing from a wrong code.
    const submitted = await progress(receipt.caseNumber, receipt.queryCode.toLowerCase());
    expect(expectData(submitted).objectionProgress).toMatchObject({ status: 'SUBMITTED' });
    const wrong = await progress(receipt.caseNumber, receipt.queryCode.split('').reverse().join(''));
    expect(wrong.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badNumber = await progress('GSXF-2026-00000001', receipt.queryCode);
    expect(badNumber.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'caseNumber' });

    // Another department neither accepts nor decides it; the owner accepts, then decides.
    const other = { authorization: `Bearer ${await tokenFor('department', { org: 'gusu.other-dept' })}` };
    const refused = await graphql(`mutation { acceptObjection(id: "${receipt.caseId}") { id } }`, {}, other);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const early = await decide(
      { id: receipt.caseId, upheld: true, outcome: 'WITHDRAWN', note: '核查属实' },
      await owner(),
    );
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    const accepted = await graphql<{ acceptObjection: { status: string; decisionDueOn: string } }>(
      `mutation { acceptObjection(id: "${receipt.caseId}") { status decisionDueOn } }`,
      {},
      await owner(),
    );
    expect(expectData(accepted).acceptObjection.status).toBe('ACCEPTED');
    const noOutcome = await decide({ id: receipt.caseId, upheld: true, note: '核查属实' }, await owner());
    expect(noOutcome.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.outcome' });
    const upheld = await decide(
      { id: receipt.caseId, upheld: true, outcome: 'WITHDRAWN', note: '经核查，处罚决定已被复议撤销，撤回该信息' },
      await owner(),
    );
    expect(upheld.errors).toBeUndefined();
    expect(expectData(upheld).decideObjection).toMatchObject({
      status: 'UPHELD',
      outcome: 'WITHDRAWN',
      channel: 'ONLINE',
      handledBy: { code: authority.code },
      decidedBy: { code: authority.code },
    });

    // The record leaves public view; the subject still sees its own, revoked and no longer marked.
    await until(
      'the penalty withdrawn',
      () => publicPenalties(uscc),
      (p) => p.length === 0,
    );
    const own = await graphql<{
      mySubject: {
        penalties: { nodes: (Penalty & { revokedAt: string | null; revocationReason: string | null })[] };
        objectionCases: { id: string; status: string }[];
      };
    }>(
      '{ mySubject { penalties(first: 5) { nodes { id objectionPending revokedAt revocationReason } } objectionCases { id status } } }',
      {},
      await subjectOf(uscc),
    );
    expect(own.errors).toBeUndefined();
    const mine = expectData(own).mySubject;
    expect(mine.penalties.nodes[0]).toMatchObject({ id: penaltyId, objectionPending: false });
    expect(mine.penalties.nodes[0].revokedAt).not.toBeNull();
    expect(mine.penalties.nodes[0].revocationReason).toContain('异议成立');
    expect(mine.penalties.nodes[0].revocationReason).toContain(receipt.caseNumber);
    expect(mine.objectionCases).toEqual([{ id: receipt.caseId, status: 'UPHELD' }]);

    // The history, as the subject reads its own case; the public page says it is closed.
    const history = await graphql<{
      mySubject: { objectionCases: { history: { action: string; actorOrg: string | null }[] }[] };
    }>('{ mySubject { objectionCases { history { action actorOrg } } } }', {}, await subjectOf(uscc));
    expect(expectData(history).mySubject.objectionCases[0].history.map((h) => h.action)).toEqual([
      'SUBMIT',
      'ACCEPT',
      'UPHOLD',
    ]);
    const read = await objection(receipt.caseId, await as('credit_office'));
    expect(read).toMatchObject({ status: 'UPHELD', grounds: '处罚决定已被行政复议决定撤销，平台仍在公示' });
    const closed = expectData(await progress(receipt.caseNumber, receipt.queryCode)).objectionProgress;
    expect(closed.status).toBe('UPHELD');
    expect(closed.nextStep).toContain('异议处理决定书');
    // A subject reads its cases through mySubject alone; another subject reads nothing of this one.
    const peek = await graphql(`{ objectionCase(id: "${receipt.caseId}") { id } }`, {}, await subjectOf(newUscc()));
    expect(peek.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
    process.stdout.write(`objection upheld: application to withdrawal in public view ${Date.now() - started} ms\n`);

    // The subject downloads its 异议处理决定书: numbered, signed, saying what was decided.
    const issued = await graphql<{ issueDecisionDocument: { number: string; kind: string; base64: string } | null }>(
      'mutation($c: ID!) { issueDecisionDocument(kind: OBJECTION, caseId: $c) { number kind base64 } }',
      { c: receipt.caseId },
      await subjectOf(uscc),
    );
    expect(issued.errors).toBeUndefined();
    const document = expectData(issued).issueDecisionDocument!;
    expect(document.number).toMatch(/^GSJD-\d{4}-\d{6}$/);
    const file = join(mkdtempSync(join(tmpdir(), 'gusu-objection-')), 'decision.pdf');
    writeFileSync(file, Buffer.from(document.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('异议处理决定书');
    expect(text).toContain(document.number);
    expect(text).toContain('异议成立');
    expect(text).toContain(receipt.caseNumber);
    process.stdout.write(
      `objection upheld: application to decision document downloaded by the subject ${Date.now() - started} ms\n`,
    );
  });

  it('dismissed: the mark ends, the penalty stays in public view, the reasons are kept', async () => {
    const { uscc, penaltyId } = await reportedPenalty('乙');
    const receipt = await fileOnline(uscc, penaltyId);
    await until(
      'the penalty marked',
      () => publicPenalties(uscc),
      (p) => p[0]?.objectionPending === true,
    );
    await graphql(`mutation { acceptObjection(id: "${receipt.caseId}") { id } }`, {}, await owner());
    const withOutcome = await decide(
      { id: receipt.caseId, upheld: false, outcome: 'CORRECTED', note: '处罚决定合法有效' },
      await owner(),
    );
    expect(withOutcome.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.outcome' });
    const dismissed = await decide(
      { id: receipt.caseId, upheld: false, note: '处罚决定合法有效，未被撤销' },
      await owner(),
    );
    expect(expectData(dismissed).decideObjection).toMatchObject({ status: 'DISMISSED', outcome: null });
    const after = await until(
      'the mark ended',
      () => publicPenalties(uscc),
      (p) => p[0]?.objectionPending === false,
    );
    expect(after.map((p) => p.id)).toEqual([penaltyId]);
    expect(expectData(await progress(receipt.caseNumber, receipt.queryCode)).objectionProgress.status).toBe(
      'DISMISSED',
    );
  });

  it('the window takes an objection in person, the identity recorded masked', async () => {
    const { penaltyId } = await reportedPenalty('丙');
    const hall = await as('hall');
    const taken = await until(
      'the objection taken',
      () =>
        graphql<{ takeObjection: Receipt | null }>(
          `mutation($i: WindowObjectionInput!) { takeObjection(input: $i) { ${RECEIPT_FIELDS} } }`,
          {
            i: {
              target: { kind: 'PENALTY', id: penaltyId },
              // Grounds as long as a repair application's reason may be (1,900 of 2,000 characters).
              grounds: '当事人名称登记错误，'.repeat(190),
              identity: {
                capacity: 'LEGAL_REPRESENTATIVE',
                name: '周五',
                documentType: 'RESIDENT_ID',
                documentNumber: '11010519491231002X',
              },
            },
          },
          hall,
        ),
      (r) => r.errors?.[0]?.extensions?.code !== 'NOT_FOUND',
    );
    expect(taken.errors).toBeUndefined();
    const receipt = expectData(taken).takeObjection!;
    expect(receipt.channel).toBe('WINDOW');
    const read = await graphql<{
      objectionCase: { windowIntake: { personName: string; documentNumberMasked: string } };
    }>(
      `{ objectionCase(id: "${receipt.caseId}") { windowIntake { personName documentNumberMasked } } }`,
      {},
      await as('credit_office'),
    );
    expect(expectData(read).objectionCase.windowIntake.personName).toBe('周*');
    expect(expectData(read).objectionCase.windowIntake.documentNumberMasked).not.toContain('19491231');
    // One character past the limit is refused before anything is filed.
    const tooLong = await graphql(
      'mutation($i: WindowObjectionInput!) { takeObjection(input: $i) { caseId } }',
      {
        i: {
          target: { kind: 'PENALTY', id: penaltyId },
          grounds: 'x'.repeat(2001),
          identity: {
            capacity: 'PERSON',
            name: '周五',
            documentType: 'RESIDENT_ID',
            documentNumber: '11010519491231002X',
          },
        },
      },
      hall,
    );
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // The subject may not use the window's mutation, nor the public.
    for (const headers of [await as('public'), await as('subject')]) {
      const denied = await graphql(
        'mutation($i: WindowObjectionInput!) { takeObjection(input: $i) { caseId } }',
        {
          i: {
            target: { kind: 'PENALTY', id: penaltyId },
            grounds: 'x',
            identity: {
              capacity: 'PERSON',
              name: 'x',
              documentType: 'RESIDENT_ID',
              documentNumber: '11010519491231002X',
            },
          },
        },
        headers,
      );
      expect(denied.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
    }
  });

  it('an online repair application reaches only the subject’s own record, and a refusal files nothing', async () => {
    const { uscc, penaltyId } = await reportedPenalty('丁');
    const application = {
      target: { kind: 'PENALTY', id: penaltyId },
      reason: '已整改完毕',
      repairCommitmentId: '00000000-0000-4000-8000-000000000000',
      fulfilmentEvidence: '罚款已缴清',
    };
    const stranger = await graphql(
      'mutation($i: RepairApplicationInput!) { applyForRepairOnline(input: $i) { caseId } }',
      { i: application },
      await subjectOf(newUscc()),
    );
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.target.id' });
    // Its own, three days old: not yet repairable, and the named commitment is not its — every failure listed.
    const self = await subjectOf(uscc);
    const own = await until(
      'the application judged',
      () =>
        graphql(
          'mutation($i: RepairApplicationInput!) { applyForRepairOnline(input: $i) { caseId } }',
          { i: application },
          self,
        ),
      (r) => r.errors?.[0]?.extensions?.code !== 'NOT_FOUND',
    );
    const failures = own.errors?.[0]?.extensions?.failures as { condition: string }[] | undefined;
    expect(failures?.length).toBeGreaterThanOrEqual(1);
    const cases = await graphql<{ mySubject: { repairCases: unknown[] } }>(
      '{ mySubject { repairCases { id } } }',
      {},
      await subjectOf(uscc),
    );
    expect(expectData(cases).mySubject.repairCases).toEqual([]);
  });
});
