import { CN_HOLIDAY_CALENDAR } from '../../shared/domain/holiday-calendar-cn';
import { WorkingDayCalendar } from '../../shared/domain/working-days';
import { chinaToday } from '../support/dates';
import { expectData } from '../support/expect-data';
import { graphql, GraphQLResponse } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';

/**
 * Issue 18, the window: a hall clerk takes a repair application in person (the identity
 * checked is recorded), the receipt carries a case number and a query code with the
 * promised deadlines, and the public follows the case by number and code alone — one
 * answer for a wrong number and a wrong code, a lockout after too many wrong codes.
 */
const EVIDENCE = '罚款已缴清，见缴款书 3205000012345';
const IDENTITY = {
  capacity: 'AGENT',
  name: '李小四',
  documentType: 'RESIDENT_ID',
  documentNumber: '11010519491231002X',
  powerOfAttorneyRef: 'WT-2026-0031',
};
const RECEIPT_FIELDS = `caseId caseNumber queryCode channel status submittedAt intakeWorkingDays intakeDueOn
  decisionWorkingDays decisionDueOnAtLatest provisional deadlineSource nextStep`;
const PROGRESS_FIELDS = 'caseNumber status submittedOn intakeDueOn decisionDueOn closedOn overdue nextStep';
const today = chinaToday();
const calendar = new WorkingDayCalendar(CN_HOLIDAY_CALENDAR);

interface Receipt {
  caseId: string;
  caseNumber: string;
  queryCode: string;
  channel: string;
  status: string;
  intakeWorkingDays: number;
  intakeDueOn: string;
  decisionWorkingDays: number;
  decisionDueOnAtLatest: string;
  provisional: boolean;
  deadlineSource: string;
  nextStep: string;
}

interface Progress {
  caseNumber: string;
  status: string;
  submittedOn: string;
  intakeDueOn: string | null;
  decisionDueOn: string | null;
  closedOn: string | null;
  overdue: boolean;
  nextStep: string;
}

interface Candidate {
  penaltyId: string;
  subjectId: string;
  commitmentId: string;
  owner: string;
}

const candidates: Candidate[] = [];
let receipt: Receipt;

async function department(org: string) {
  return { authorization: `Bearer ${await tokenFor('department', { org })}` };
}

function take(input: Record<string, unknown>, headers: Record<string, string>) {
  return graphql<{ takeRepairApplication: Receipt | null }>(
    `mutation($input: WindowRepairApplicationInput!) { takeRepairApplication(input: $input) { ${RECEIPT_FIELDS} } }`,
    { input },
    headers,
  );
}

function application(candidate: Candidate, extra: Record<string, unknown> = {}) {
  return {
    target: { kind: 'PENALTY', id: candidate.penaltyId },
    reason: '已完成整改，申请终止公示 (窗口受理)',
    repairCommitmentId: candidate.commitmentId,
    fulfilmentEvidence: EVIDENCE,
    identity: IDENTITY,
    ...extra,
  };
}

async function progress(caseNumber: string, queryCode: string): Promise<GraphQLResponse<{ repairProgress: Progress }>> {
  return graphql<{ repairProgress: Progress }>(
    `query($n: String!, $c: String!) { repairProgress(caseNumber: $n, queryCode: $c) { ${PROGRESS_FIELDS} } }`,
    { n: caseNumber, c: queryCode },
    await as('public'),
  );
}

async function casesOf(subjectId: string): Promise<{ id: string; status: string }[]> {
  const result = await graphql<{ subject: { repairCases: { id: string; status: string }[] } }>(
    `{ subject(id: "${subjectId}") { repairCases { id status } } }`,
    {},
    await as('credit_office'),
  );
  return expectData(result).subject.repairCases;
}

/** A code that is not this one: each symbol moved one place along the alphabet. */
function otherCode(code: string): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  return [...code].map((c) => alphabet[(alphabet.indexOf(c) + 1) % alphabet.length]).join('');
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
          penalties: { nodes: { id: string; severity: string; repairedAt: string | null; revokedAt: string | null }[] };
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
              penalties(first: 50) {
                nodes {
                  id
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
    (c) => c.kind === 'REPAIR' && c.status === 'IN_EFFECT' && (c.validUntil === null || c.validUntil >= today),
  );
  // From the middle of the list: repairs.test.ts takes its candidates from the end, other tests from the beginning.
  const ordered = [...nodes.slice(Math.floor(nodes.length / 2)), ...nodes.slice(0, Math.floor(nodes.length / 2))];
  const hall = await as('hall');
  const seen = new Set<string>();
  for (const node of ordered) {
    if (seen.has(node.subject.id)) continue;
    seen.add(node.subject.id);
    const taken = new Set(node.subject.repairCases.map((c) => c.targetId));
    for (const penalty of node.subject.penalties.nodes) {
      if (penalty.severity === 'MINOR' || penalty.repairedAt || penalty.revokedAt || taken.has(penalty.id)) continue;
      // The window's own judgement (repairs:intake): any department's record.
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
          subjectId: node.subject.id,
          commitmentId: node.id,
          owner: verdict.handledBy!.code,
        });
        break;
      }
    }
    if (candidates.length >= 3) break;
  }
  expect(candidates.length).toBeGreaterThanOrEqual(3);
});

describe('repair at the window', () => {
  it('explains every failed condition of an ineligible application and files nothing', async () => {
    const candidate = candidates[1];
    const before = await casesOf(candidate.subjectId);
    const refused = await take(
      application(candidate, { repairCommitmentId: null, fulfilmentEvidence: null }),
      await as('hall'),
    );
    expect(refused.data?.takeRepairApplication ?? null).toBeNull();
    const failures = (refused.errors?.[0]?.extensions?.failures ?? []) as { condition: string; message: string }[];
    expect(failures.map((f) => f.condition)).toEqual(['NO_REPAIR_COMMITMENT', 'OBLIGATIONS']);
    expect(failures.every((f) => f.message.length > 0)).toBe(true);
    expect(await casesOf(candidate.subjectId)).toEqual(before);

    // An identity that does not check out is refused before anything is judged.
    const badId = await take(
      application(candidate, { identity: { ...IDENTITY, documentNumber: '110105194912310021' } }),
      await as('hall'),
    );
    expect(badId.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.identity.documentNumber',
    });
    const noLetter = await take(
      application(candidate, { identity: { ...IDENTITY, powerOfAttorneyRef: null } }),
      await as('hall'),
    );
    expect(noLetter.errors?.[0]?.extensions).toMatchObject({ argument: 'input.identity.powerOfAttorneyRef' });
    expect(await casesOf(candidate.subjectId)).toEqual(before);
  });

  it('refuses a department without repairs:intake, and the public', async () => {
    const candidate = candidates[2];
    const refused = await take(application(candidate), await department(candidate.owner));
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
    const anonymous = await take(application(candidate), await as('public'));
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });

  it('takes an application in person: the case, the identity check and a receipt with the promised deadlines', async () => {
    const candidate = candidates[0];
    const started = Date.now();
    const taken = await take(application(candidate), await as('hall'));
    expect(taken.errors).toBeUndefined();
    receipt = expectData(taken).takeRepairApplication!;
    expect(receipt).toMatchObject({
      channel: 'WINDOW',
      status: 'SUBMITTED',
      intakeWorkingDays: 2,
      decisionWorkingDays: 10,
      intakeDueOn: calendar.addWorkingDays(today, 2),
      decisionDueOnAtLatest: calendar.addWorkingDays(calendar.addWorkingDays(today, 2), 10),
    });
    expect(receipt.caseNumber).toMatch(new RegExp(`^GSXF-${today.slice(0, 4)}-\\d{8}$`));
    expect(receipt.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(receipt.deadlineSource).toContain('工作日');
    expect(receipt.nextStep).toContain(receipt.intakeDueOn);

    // The case is today's case, of the channel, routed to the record's department, with the check on file.
    const read = await graphql<{
      repairCase: {
        channel: string;
        caseNumber: string;
        status: string;
        receipt: unknown;
        handledBy: { code: string } | null;
        history: { action: string; actorOrg: string | null }[];
        windowIntake: Record<string, unknown> | null;
      };
    }>(
      `{ repairCase(id: "${receipt.caseId}") { channel caseNumber status receipt { queryCode } handledBy { code } history { action actorOrg }
          windowIntake { capacity personName documentType documentNumberMasked powerOfAttorneyRef checkedBySub checkedByName checkedByOrg checkedAt } } }`,
      {},
      await department(candidate.owner),
    );
    expect(read.errors).toBeUndefined();
    const repairCase = expectData(read).repairCase;
    expect(repairCase).toMatchObject({
      channel: 'WINDOW',
      caseNumber: receipt.caseNumber,
      status: 'SUBMITTED',
      // The code is shown once: a later read has no receipt.
      receipt: null,
      handledBy: { code: candidate.owner },
      history: [{ action: 'SUBMIT', actorOrg: 'gusu.xzspj' }],
      windowIntake: {
        capacity: 'AGENT',
        personName: '李**',
        documentType: 'RESIDENT_ID',
        documentNumberMasked: '110105********002X',
        powerOfAttorneyRef: 'WT-2026-0031',
        checkedBySub: 'test-hall',
        checkedByName: '测试 hall',
        checkedByOrg: 'gusu.xzspj',
      },
    });

    // The public follows it by number and code (as typed: lower case, the printed hyphen).
    const typed = `${receipt.queryCode.slice(0, 4)}-${receipt.queryCode.slice(4)}`.toLowerCase();
    const shown = await progress(receipt.caseNumber, typed);
    expect(shown.errors).toBeUndefined();
    expect(expectData(shown).repairProgress).toEqual({
      caseNumber: receipt.caseNumber,
      status: 'SUBMITTED',
      submittedOn: today,
      intakeDueOn: receipt.intakeDueOn,
      decisionDueOn: null,
      closedOn: null,
      overdue: false,
      nextStep: receipt.nextStep,
    });

    // The department accepts and decides; the public page follows each step.
    const owner = await department(candidate.owner);
    const accepted = await graphql(`mutation { acceptRepairCase(id: "${receipt.caseId}") { status } }`, {}, owner);
    expect(accepted.errors).toBeUndefined();
    const afterIntake = expectData(await progress(receipt.caseNumber, receipt.queryCode)).repairProgress;
    expect(afterIntake).toMatchObject({ status: 'ACCEPTED', decisionDueOn: calendar.addWorkingDays(today, 10) });
    expect(afterIntake.nextStep).toContain(afterIntake.decisionDueOn!);
    const approved = await graphql(
      `mutation { approveRepairCase(id: "${receipt.caseId}", note: "准予修复") { status } }`,
      {},
      owner,
    );
    expect(approved.errors).toBeUndefined();
    const decided = expectData(await progress(receipt.caseNumber, receipt.queryCode)).repairProgress;
    expect(decided).toMatchObject({ status: 'APPROVED', closedOn: today, overdue: false });
    process.stdout.write(`repair at the window: application to decision ${Date.now() - started} ms\n`);
  });

  it('gives a department-recorded application its receipt too, once', async () => {
    const candidate = candidates[2];
    const applied = await graphql<{
      applyForRepair: { channel: string; caseNumber: string; receipt: Receipt | null } | null;
    }>(
      `mutation($input: RepairApplicationInput!) { applyForRepair(input: $input) { channel caseNumber receipt { ${RECEIPT_FIELDS} } } }`,
      {
        input: {
          target: { kind: 'PENALTY', id: candidate.penaltyId },
          reason: '已完成整改',
          repairCommitmentId: candidate.commitmentId,
          fulfilmentEvidence: EVIDENCE,
        },
      },
      await department(candidate.owner),
    );
    expect(applied.errors).toBeUndefined();
    const repairCase = expectData(applied).applyForRepair!;
    expect(repairCase.channel).toBe('DEPARTMENT');
    expect(repairCase.receipt).toMatchObject({ channel: 'DEPARTMENT', caseNumber: repairCase.caseNumber });
    const shown = await progress(repairCase.caseNumber, repairCase.receipt!.queryCode);
    expect(expectData(shown).repairProgress.status).toBe('SUBMITTED');
  });

  it('answers a wrong code and a wrong number alike, refuses malformed input by field, and locks after five wrong codes', async () => {
    const wrongCode = await progress(receipt.caseNumber, otherCode(receipt.queryCode));
    const digits = receipt.caseNumber.slice(-8);
    const otherNumber = `${receipt.caseNumber.slice(0, -8)}${digits === '00000000' ? '00000001' : '00000000'}`;
    const wrongNumber = await progress(otherNumber, receipt.queryCode);
    expect(wrongCode.data?.repairProgress ?? null).toBeNull();
    expect(wrongCode.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(wrongNumber.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual(
      wrongCode.errors?.map((e) => ({ message: e.message, extensions: e.extensions })),
    );

    expect((await progress('GSXF-2026-1', receipt.queryCode)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'caseNumber',
    });
    expect((await progress(receipt.caseNumber, 'O0O0-I1I1')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'queryCode',
    });
    expect((await progress(receipt.caseNumber, 'x'.repeat(40))).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // One wrong code above; four more lock the case: then even the right code gets the same answer.
    for (let i = 0; i < 4; i += 1) await progress(receipt.caseNumber, otherCode(receipt.queryCode));
    const locked = await progress(receipt.caseNumber, receipt.queryCode);
    expect(locked.data?.repairProgress ?? null).toBeNull();
    expect(locked.errors?.map((e) => e.message)).toEqual(wrongCode.errors?.map((e) => e.message));
  });
});
