import { CN_HOLIDAY_CALENDAR } from '../../shared/domain/holiday-calendar-cn';
import { CalendarNotCoveredError, WorkingDayCalendar } from '../../shared/domain/working-days';
import { chinaToday, daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { graphql, GraphQLResponse } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';

/**
 * Credit repair (§18) through the gateway, on the demo data: eligibility with
 * every failed condition, refused applications, the case workflow by the right
 * and the wrong principals, overdue cases and statistics. What an approval
 * does to the penalty or the list entry is the events test's business.
 */
const CASE_FIELDS = `id status target targetId regime repairCommitmentId fulfilmentEvidence intakeDueOn decisionDueOn decisionNote overdue
  handledBy { code } decidedBy { code } history { action fromStatus toStatus actorOrg note }`;
const ELIGIBILITY_FIELDS =
  'eligible regime earliestDate openCaseId repairCommitmentIds handledBy { code } failures { condition message date }';
const ZERO = '00000000-0000-4000-8000-000000000000';
const EVIDENCE = '罚款已缴清，见缴款书 3205000012345';
const today = chinaToday();
const calendar = new WorkingDayCalendar(CN_HOLIDAY_CALENDAR);

interface Failure {
  condition: string;
  message: string;
  date: string | null;
}

interface Eligibility {
  eligible: boolean;
  regime: string | null;
  earliestDate: string | null;
  openCaseId: string | null;
  repairCommitmentIds: string[];
  handledBy: { code: string } | null;
  failures: Failure[];
}

interface Case {
  id: string;
  status: string;
  target: string;
  targetId: string;
  regime: string | null;
  repairCommitmentId: string | null;
  intakeDueOn: string | null;
  decisionDueOn: string | null;
  decisionNote: string | null;
  overdue: boolean;
  handledBy: { code: string } | null;
  decidedBy: { code: string } | null;
  history: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actorOrg: string | null;
    note: string | null;
  }[];
}

interface DemoSubject {
  id: string;
  uscc: string | null;
  kind: string;
  penalties: { nodes: { id: string; severity: string; repairedAt: string | null; revokedAt: string | null }[] };
  repairCases: { id: string; target: string; targetId: string; status: string; history: { actorSub: string }[] }[];
  listEntries: { id: string; list: string; status: string }[];
}

/** A penalty that may be repaired now, with its subject's repair commitment and its department. */
interface Candidate {
  penaltyId: string;
  subject: DemoSubject;
  commitmentId: string;
  owner: string;
  regime: string;
}

const subjects: DemoSubject[] = [];
const commitmentOf = new Map<string, string>();
const candidates: Candidate[] = [];

async function department(org: string) {
  return { authorization: `Bearer ${await tokenFor('department', { org })}` };
}

async function office() {
  return as('credit_office');
}

/** A department that is not `org`. */
const otherThan = (org: string) => (org === 'gusu.swj' ? 'gusu.scjgj' : 'gusu.swj');

function eligibility(
  target: { kind: string; id: string },
  headers: Record<string, string>,
  extra: { repairCommitmentId?: string; fulfilmentEvidence?: string } = {},
) {
  return graphql<{ repairEligibility: Eligibility }>(
    `query($target: RepairTargetInput!, $c: ID, $e: String) { repairEligibility(target: $target, repairCommitmentId: $c, fulfilmentEvidence: $e) { ${ELIGIBILITY_FIELDS} } }`,
    { target, c: extra.repairCommitmentId, e: extra.fulfilmentEvidence },
    headers,
  );
}

function apply(input: Record<string, unknown>, headers: Record<string, string>) {
  return graphql<{ applyForRepair: Case }>(
    `mutation($input: RepairApplicationInput!) { applyForRepair(input: $input) { ${CASE_FIELDS} } }`,
    { input },
    headers,
  );
}

function application(candidate: Candidate, extra: Record<string, unknown> = {}) {
  return {
    target: { kind: 'PENALTY', id: candidate.penaltyId },
    reason: '已完成整改，申请终止公示',
    repairCommitmentId: candidate.commitmentId,
    fulfilmentEvidence: EVIDENCE,
    evidence: '整改报告',
    ...extra,
  };
}

async function step(
  mutation: string,
  args: string,
  headers: Record<string, string>,
): Promise<GraphQLResponse<{ result: Case }>> {
  return graphql<{ result: Case }>(`mutation { result: ${mutation}(${args}) { ${CASE_FIELDS} } }`, {}, headers);
}

function expectError(result: GraphQLResponse, extensions: Record<string, unknown>): void {
  expect(result.errors?.[0]?.extensions).toMatchObject(extensions);
}

function conditions(failures: Failure[] | { condition: string }[] | undefined): string[] {
  return (failures ?? []).map((f) => f.condition);
}

/** The working day a limit falls on, or null where the calendar does not reach. */
function workingDaysFromToday(days: number): string | null {
  try {
    return calendar.addWorkingDays(today, days);
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) return null;
    throw error;
  }
}

async function casesOf(subjectId: string): Promise<{ id: string; status: string }[]> {
  const result = await graphql<{ subject: { repairCases: { id: string; status: string }[] } }>(
    `{ subject(id: "${subjectId}") { repairCases { id status } } }`,
    {},
    await office(),
  );
  return expectData(result).subject.repairCases;
}

beforeAll(async () => {
  // Every repair case of the demo came with a public repair commitment: their signatories are the subjects to look at.
  const result = await graphql<{
    publicCommitments: {
      nodes: { id: string; kind: string; status: string; validUntil: string | null; subject: DemoSubject }[];
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
              kind
              penalties(first: 50) {
                nodes {
                  id
                  severity
                  repairedAt
                  revokedAt
                }
              }
              repairCases {
                id
                target
                targetId
                status
                history {
                  actorSub
                }
              }
              listEntries {
                id
                list
                status
              }
            }
          }
        }
      }
    `,
    {},
    await office(),
  );
  expect(result.errors).toBeUndefined();
  const nodes = expectData(result).publicCommitments.nodes.filter(
    (c) => c.kind === 'REPAIR' && c.status === 'IN_EFFECT' && (c.validUntil === null || c.validUntil >= today),
  );
  const seen = new Set<string>();
  for (const node of nodes) {
    commitmentOf.set(node.subject.id, node.id);
    if (!seen.has(node.subject.id)) subjects.push(node.subject);
    seen.add(node.subject.id);
  }
  expect(subjects.length).toBeGreaterThanOrEqual(5);
  // Candidates from the end of the list: other tests that repair demo penalties start at its beginning.
  for (const subject of [...subjects].reverse()) {
    const taken = new Set(
      subject.repairCases
        .filter((c) => ['SUBMITTED', 'ACCEPTED', 'APPROVED'].includes(c.status))
        .map((c) => c.targetId),
    );
    for (const penalty of subject.penalties.nodes) {
      if (penalty.severity === 'MINOR' || penalty.repairedAt || penalty.revokedAt || taken.has(penalty.id)) continue;
      const commitmentId = commitmentOf.get(subject.id)!;
      const judged = await eligibility({ kind: 'PENALTY', id: penalty.id }, await office(), {
        repairCommitmentId: commitmentId,
        fulfilmentEvidence: EVIDENCE,
      });
      const verdict = expectData(judged).repairEligibility;
      if (verdict.eligible)
        candidates.push({
          penaltyId: penalty.id,
          subject,
          commitmentId,
          owner: verdict.handledBy!.code,
          regime: verdict.regime!,
        });
      if (candidates.length >= 3) break;
    }
    if (candidates.length >= 3) break;
  }
  expect(candidates.length).toBeGreaterThanOrEqual(3);
});

describe('credit repair', () => {
  it('lists every condition an application fails, with its reason', async () => {
    const unknown = await eligibility({ kind: 'PENALTY', id: ZERO }, await office());
    expect(unknown.errors).toBeUndefined();
    expect(expectData(unknown).repairEligibility).toMatchObject({ eligible: false, regime: null, handledBy: null });
    expect(conditions(expectData(unknown).repairEligibility.failures)).toEqual(['TARGET_UNKNOWN', 'OBLIGATIONS']);

    // Another department asking, without evidence, about a record with an open case.
    const open = subjects
      .flatMap((s) => s.repairCases)
      .find((c) => c.target === 'PENALTY' && (c.status === 'SUBMITTED' || c.status === 'ACCEPTED'));
    expect(open).toBeDefined();
    const owner = expectData(await eligibility({ kind: 'PENALTY', id: open!.targetId }, await office()))
      .repairEligibility.handledBy!.code;
    const judged = expectData(
      await eligibility({ kind: 'PENALTY', id: open!.targetId }, await department(otherThan(owner))),
    ).repairEligibility;
    expect(judged.eligible).toBe(false);
    expect(conditions(judged.failures)).toEqual(expect.arrayContaining(['NOT_OWN', 'OPEN_CASE', 'OBLIGATIONS']));
    expect(judged.openCaseId).toBe(open!.id);
    expect(judged.failures.find((f) => f.condition === 'NOT_OWN')!.message).toContain(owner);

    // A penalty whose repair was approved.
    const approved = subjects
      .flatMap((s) => s.repairCases)
      .find((c) => c.target === 'PENALTY' && c.status === 'APPROVED');
    if (approved)
      expect(
        conditions(
          expectData(await eligibility({ kind: 'PENALTY', id: approved.targetId }, await office())).repairEligibility
            .failures,
        ),
      ).toContain('ALREADY_REPAIRED');

    // Without a named commitment, the subject's commitment in effect is offered.
    const candidate = candidates[0];
    const offered = expectData(
      await eligibility({ kind: 'PENALTY', id: candidate.penaltyId }, await department(candidate.owner), {
        fulfilmentEvidence: EVIDENCE,
      }),
    ).repairEligibility;
    expect(offered).toMatchObject({ eligible: true, regime: candidate.regime, failures: [] });
    expect(offered.repairCommitmentIds).toContain(candidate.commitmentId);
    expect(offered.earliestDate! <= today).toBe(true);
  });

  it('refuses an application without a repair commitment or evidence, writing nothing', async () => {
    const candidate = candidates[1];
    const before = await casesOf(candidate.subject.id);
    const missing = await apply(
      application(candidate, { repairCommitmentId: null, fulfilmentEvidence: '  ' }),
      await office(),
    );
    expectError(missing, { code: 'BAD_USER_INPUT', argument: 'input.repairCommitmentId' });
    expect(conditions(missing.errors![0].extensions!.failures as Failure[])).toEqual([
      'NO_REPAIR_COMMITMENT',
      'OBLIGATIONS',
    ]);

    const unknown = await apply(application(candidate, { repairCommitmentId: ZERO }), await office());
    expectError(unknown, {
      code: 'BAD_USER_INPUT',
      failures: [{ condition: 'NO_REPAIR_COMMITMENT', message: expect.stringContaining('not known') }],
    });

    const notOwn = await apply(application(candidate), await department(otherThan(candidate.owner)));
    expectError(notOwn, { code: 'FORBIDDEN', failures: [{ condition: 'NOT_OWN' }] });
    expect(await casesOf(candidate.subject.id)).toEqual(before);

    const badId = await apply(application(candidate, { target: { kind: 'PENALTY', id: 'not-an-id' } }), await office());
    expectError(badId, { code: 'BAD_USER_INPUT', argument: 'input.target.id' });
  });

  it('takes a penalty case from application through acceptance to approval, by its department', async () => {
    const candidate = candidates[0];
    const owner = await department(candidate.owner);
    const stranger = await department(otherThan(candidate.owner));

    // The credit office records the application on the applicant's behalf (窗口代办).
    const applied = await apply(application(candidate), await office());
    expect(applied.errors).toBeUndefined();
    const repairCase = expectData(applied).applyForRepair;
    expect(repairCase).toMatchObject({
      status: 'SUBMITTED',
      target: 'PENALTY',
      targetId: candidate.penaltyId,
      regime: candidate.regime,
      repairCommitmentId: candidate.commitmentId,
      handledBy: { code: candidate.owner },
      intakeDueOn: workingDaysFromToday(2),
      decisionDueOn: null,
      overdue: false,
    });
    expect(repairCase.history.map((h) => [h.action, h.fromStatus, h.toStatus, h.actorOrg])).toEqual([
      ['SUBMIT', null, 'SUBMITTED', 'gusu.xyb'],
    ]);

    // Applying again while it is open names the open case.
    const again = await apply(application(candidate), owner);
    expectError(again, { code: 'CONFLICT', reason: 'OPEN_CASE', caseId: repairCase.id });
    expect(conditions(again.errors![0].extensions!.failures as Failure[])).toEqual(['OPEN_CASE']);

    expectError(await step('approveRepairCase', `id: "${repairCase.id}", note: "准予"`, owner), {
      code: 'CONFLICT',
      reason: 'INVALID_STATUS',
      status: 'SUBMITTED',
    });
    expectError(await step('acceptRepairCase', `id: "${repairCase.id}"`, stranger), { code: 'FORBIDDEN' });
    expectError(await step('acceptRepairCase', `id: "${ZERO}"`, owner), { code: 'NOT_FOUND' });

    const accepted = await step('acceptRepairCase', `id: "${repairCase.id}"`, owner);
    expect(accepted.errors).toBeUndefined();
    expect(expectData(accepted).result).toMatchObject({ status: 'ACCEPTED', decisionDueOn: workingDaysFromToday(10) });

    expectError(await step('approveRepairCase', `id: "${repairCase.id}", note: "准予"`, stranger), {
      code: 'FORBIDDEN',
    });
    const approved = await step('approveRepairCase', `id: "${repairCase.id}", note: "整改到位，准予修复"`, owner);
    expect(approved.errors).toBeUndefined();
    expect(expectData(approved).result).toMatchObject({
      status: 'APPROVED',
      decidedBy: { code: candidate.owner },
      decisionNote: '整改到位，准予修复',
    });
    expect(expectData(approved).result.history.map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([
      ['SUBMIT', null, 'SUBMITTED'],
      ['ACCEPT', 'SUBMITTED', 'ACCEPTED'],
      ['APPROVE', 'ACCEPTED', 'APPROVED'],
    ]);

    expectError(await step('withdrawRepairCase', `id: "${repairCase.id}", reason: "撤回"`, owner), {
      code: 'CONFLICT',
      reason: 'INVALID_STATUS',
      status: 'APPROVED',
    });
    const after = expectData(
      await eligibility({ kind: 'PENALTY', id: candidate.penaltyId }, await office(), { fulfilmentEvidence: EVIDENCE }),
    ).repairEligibility;
    expect(conditions(after.failures)).toEqual(['ALREADY_REPAIRED']);
    const read = await graphql<{ repairCase: Case }>(
      `{ repairCase(id: "${repairCase.id}") { ${CASE_FIELDS} } }`,
      {},
      await as('hall'),
    );
    expect(expectData(read).repairCase.status).toBe('APPROVED');
  });

  it('rejects at intake, then takes a new application and lets it be withdrawn', async () => {
    const candidate = candidates[2];
    const owner = await department(candidate.owner);
    const first = expectData(await apply(application(candidate), owner)).applyForRepair;
    const rejected = await step('rejectRepairCaseAtIntake', `id: "${first.id}", reason: "材料不全"`, await office());
    expect(expectData(rejected).result).toMatchObject({
      status: 'REJECTED_AT_INTAKE',
      decisionNote: '材料不全',
      decidedBy: { code: 'gusu.xyb' },
    });
    expectError(await step('acceptRepairCase', `id: "${first.id}"`, owner), {
      code: 'CONFLICT',
      reason: 'INVALID_STATUS',
      status: 'REJECTED_AT_INTAKE',
    });

    const second = await apply(application(candidate, { reason: '补正材料后重新申请' }), owner);
    expect(second.errors).toBeUndefined();
    const accepted = await step('acceptRepairCase', `id: "${expectData(second).applyForRepair.id}"`, owner);
    expect(expectData(accepted).result.status).toBe('ACCEPTED');
    const withdrawn = await step(
      'withdrawRepairCase',
      `id: "${expectData(second).applyForRepair.id}", reason: "申请人撤回"`,
      owner,
    );
    expect(expectData(withdrawn).result).toMatchObject({ status: 'WITHDRAWN', decisionNote: '申请人撤回' });
    expect(expectData(withdrawn).result.history.map((h) => h.action)).toEqual(['SUBMIT', 'ACCEPT', 'WITHDRAW']);
  });

  it('lets only the designating department decide a list-entry case (谁认定、谁修复): not another department, not the credit office', async () => {
    // A watch-list entry for a company with a repair commitment, published through the list workflow.
    const proposer = 'gusu.scjgj';
    const subject = subjects.find(
      (s) =>
        s.uscc && s.kind === 'ENTERPRISE' && !s.listEntries.some((e) => e.list === 'WATCH' && e.status !== 'REMOVED'),
    );
    expect(subject).toBeDefined();
    const proposed = await graphql<{ proposeListEntry: { id: string } }>(
      'mutation($input: ListEntryInput!) { proposeListEntry(input: $input) { id } }',
      {
        input: {
          uscc: subject!.uscc,
          list: 'WATCH',
          reason: '违反信用承诺',
          basis: '《测试办法》第一条',
          decisionNo: `修复测试〔2026〕${subject!.id.slice(0, 6)}号`,
          decidedAt: daysAgo(40),
        },
      },
      await department(proposer),
    );
    expect(proposed.errors).toBeUndefined();
    const entryId = expectData(proposed).proposeListEntry.id;
    await graphql(
      `mutation { notifyListEntry(id: "${entryId}", notifiedAt: "${daysAgo(30)}") { id } }`,
      {},
      await department(proposer),
    );
    const published = await graphql<{ publishListEntry: { status: string } }>(
      `mutation { publishListEntry(id: "${entryId}") { status } }`,
      {},
      await office(),
    );
    expect(expectData(published).publishListEntry.status).toBe('PUBLISHED');

    // The entry reaches repairs by its event.
    const target = { kind: 'LIST_ENTRY', id: entryId };
    let judged: Eligibility | undefined;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      judged = expectData(
        await eligibility(target, await department(proposer), { fulfilmentEvidence: EVIDENCE }),
      ).repairEligibility;
      if (judged.eligible) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(judged).toMatchObject({ eligible: true, regime: null, handledBy: { code: proposer } });

    const applied = await apply(
      { target, reason: '已整改', repairCommitmentId: commitmentOf.get(subject!.id), fulfilmentEvidence: EVIDENCE },
      await department(proposer),
    );
    expect(applied.errors).toBeUndefined();
    const id = expectData(applied).applyForRepair.id;
    // The credit office coordinates: it accepts the case (intake) ...
    expect(expectData(await step('acceptRepairCase', `id: "${id}"`, await office())).result.status).toBe('ACCEPTED');
    // ... but neither it nor another department decides it.
    expectError(await step('approveRepairCase', `id: "${id}", note: "准予"`, await office()), { code: 'FORBIDDEN' });
    expectError(await step('denyRepairCase', `id: "${id}", reason: "不予"`, await office()), { code: 'FORBIDDEN' });
    expectError(await step('approveRepairCase', `id: "${id}", note: "准予"`, await department(otherThan(proposer))), {
      code: 'FORBIDDEN',
    });
    const approved = await step(
      'approveRepairCase',
      `id: "${id}", note: "准予移出重点关注名单"`,
      await department(proposer),
    );
    expect(approved.errors).toBeUndefined();
    expect(expectData(approved).result).toMatchObject({
      status: 'APPROVED',
      target: 'LIST_ENTRY',
      decidedBy: { code: proposer },
    });
  });

  it('refuses repair of a court 失信被执行人 entry as NOT_REPAIRABLE, with the court to turn to, writing nothing — even for the credit office', async () => {
    const subject = subjects.find(
      (s) =>
        s.uscc &&
        s.kind === 'ENTERPRISE' &&
        s.listEntries.every((e) => e.list !== 'BLACK' || e.status === 'REMOVED') &&
        s.listEntries.every((e) => e.list !== 'RED' || e.status === 'REMOVED'),
    );
    expect(subject).toBeDefined();
    const court = '苏州市姑苏区人民法院';
    const input = {
      uscc: subject!.uscc,
      list: 'BLACK',
      listKind: 'COURT_DEFAULTER',
      designatingAuthority: court,
      reason: '有履行能力而拒不履行生效法律文书确定义务',
      basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条',
      decisionNo: `(2026)苏0508执${subject!.id.slice(0, 4)}号`,
      decidedAt: daysAgo(40),
    };
    const propose = (headers: Record<string, string>) =>
      graphql<{
        proposeListEntry: {
          id: string;
          designatingAuthorityKind: string;
          designatingAuthority: string;
          listKind: { code: string; repairableHere: boolean };
        };
      }>(
        'mutation($input: ListEntryInput!) { proposeListEntry(input: $input) { id designatingAuthorityKind designatingAuthority listKind { code repairableHere } } }',
        { input },
        headers,
      );
    // A department cannot record a court's entry as its own.
    expectError(await propose(await department('gusu.scjgj')), { code: 'FORBIDDEN' });
    const recorded = await propose(await office());
    expect(recorded.errors).toBeUndefined();
    expect(expectData(recorded).proposeListEntry).toMatchObject({
      designatingAuthorityKind: 'COURT',
      designatingAuthority: court,
      listKind: { code: 'COURT_DEFAULTER', repairableHere: false },
    });
    const entryId = expectData(recorded).proposeListEntry.id;
    await graphql(
      `mutation { notifyListEntry(id: "${entryId}", notifiedAt: "${daysAgo(30)}") { id } }`,
      {},
      await office(),
    );
    const published = await graphql<{ publishListEntry: { status: string } }>(
      `mutation { publishListEntry(id: "${entryId}") { status } }`,
      {},
      await office(),
    );
    expect(expectData(published).publishListEntry.status).toBe('PUBLISHED');

    // Once repairs knows the entry, eligibility says where to turn.
    const target = { kind: 'LIST_ENTRY', id: entryId };
    let judged: Eligibility | undefined;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      judged = expectData(
        await eligibility(target, await office(), { fulfilmentEvidence: EVIDENCE }),
      ).repairEligibility;
      if (!conditions(judged.failures).includes('TARGET_UNKNOWN')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(judged!.eligible).toBe(false);
    expect(judged!.failures[0]).toMatchObject({ condition: 'NOT_REPAIRABLE', message: expect.stringContaining(court) });

    const casesBefore = await graphql<{ subject: { repairCases: { id: string }[] } }>(
      `{ subject(uscc: "${subject!.uscc}") { repairCases { id } } }`,
      {},
      await office(),
    );
    const refused = await apply(
      { target, reason: '已履行', repairCommitmentId: commitmentOf.get(subject!.id), fulfilmentEvidence: EVIDENCE },
      await office(),
    );
    expect(refused.data?.applyForRepair ?? null).toBeNull();
    expectError(refused, {
      code: 'NOT_REPAIRABLE',
      authority: court,
      turnTo: expect.stringContaining('人民法院'),
      reason: expect.stringContaining('不在本平台修复'),
    });
    // The designating department's own refusal is the same, and nothing was written.
    expectError(
      await apply(
        { target, reason: '已履行', repairCommitmentId: commitmentOf.get(subject!.id), fulfilmentEvidence: EVIDENCE },
        await department('gusu.scjgj'),
      ),
      { code: 'NOT_REPAIRABLE' },
    );
    const casesAfter = await graphql<{ subject: { repairCases: { id: string }[] } }>(
      `{ subject(uscc: "${subject!.uscc}") { repairCases { id } } }`,
      {},
      await office(),
    );
    expect(expectData(casesAfter).subject.repairCases).toEqual(expectData(casesBefore).subject.repairCases);
    // Nor is it repaired around the case (review 2026-12-02): removeListEntry(repaired: true) is refused the same way.
    const direct = await graphql<{ removeListEntry: { status: string } }>(
      `mutation { removeListEntry(id: "${entryId}", repaired: true, reason: "已履行") { status } }`,
      {},
      await office(),
    );
    expectError(direct, { code: 'NOT_REPAIRABLE', turnTo: expect.stringContaining('人民法院') });
    const still = await graphql<{ publishedList: { nodes: { id: string }[] } }>(
      `{ publishedList(list: BLACK, search: "${subject!.uscc}") { nodes { id } } }`,
    );
    expect(expectData(still).publishedList.nodes.map((n) => n.id)).toContain(entryId);
    // A department cannot publish its own entry as the court's either: 认定单位 of a local kind is the proposer.
    expectError(
      await graphql(
        'mutation($input: ListEntryInput!) { proposeListEntry(input: $input) { id } }',
        { input: { ...input, list: 'WATCH', listKind: null, decisionNo: `${input.decisionNo}-W` } },
        await department('gusu.scjgj'),
      ),
      {
        code: 'BAD_USER_INPUT',
        argument: 'input.designatingAuthority',
      },
    );
  });

  it('brought the demo cases recorded before the workflow up to it', () => {
    const cases = subjects.flatMap((s) => s.repairCases);
    expect(cases.some((c) => c.status === 'REJECTED')).toBe(false);
    expect(cases.some((c) => c.status === 'DENIED')).toBe(true);
    expect(cases.every((c) => c.history.length > 0)).toBe(true);
  });

  it('lists overdue cases: the credit office all, a department its own, page by page', async () => {
    type Node = {
      id: string;
      status: string;
      intakeDueOn: string | null;
      decisionDueOn: string | null;
      overdue: boolean;
      handledBy: { code: string } | null;
    };
    const overdue = async (headers: Record<string, string>, args = 'first: 100') => {
      const result = await graphql<{ overdueRepairCases: Node[] }>(
        `{ overdueRepairCases(${args}) { id status intakeDueOn decisionDueOn overdue handledBy { code } } }`,
        {},
        headers,
      );
      expect(result.errors).toBeUndefined();
      return expectData(result).overdueRepairCases;
    };
    const all = await overdue(await office());
    // Demo cases accepted more than 10 working days ago are waiting for their decision.
    expect(all.length).toBeGreaterThan(0);
    for (const node of all) {
      expect(node.overdue).toBe(true);
      expect(
        node.status === 'SUBMITTED'
          ? node.intakeDueOn! < today
          : node.status === 'ACCEPTED' && node.decisionDueOn! < today,
      ).toBe(true);
    }
    const org = all[0].handledBy!.code;
    const own = await overdue(await department(org));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((n) => n.handledBy?.code === org)).toBe(true);
    expect(all.filter((n) => n.handledBy?.code === org).map((n) => n.id)).toEqual(own.map((n) => n.id));

    const firstPage = await overdue(await office(), 'first: 1');
    const nextPage = await overdue(await office(), `first: 2, after: "${firstPage[0].id}"`);
    expect([...firstPage, ...nextPage].map((n) => n.id)).toEqual(all.slice(0, 3).map((n) => n.id));
    const tooMany = await graphql('{ overdueRepairCases(first: 101) { id } }', {}, await office());
    expectError(tooMany, { code: 'BAD_USER_INPUT', argument: 'first' });
    const analyst = await graphql('{ overdueRepairCases { id } }', {}, await as('analyst'));
    expect(analyst.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });

  it('answers repair statistics for a period', async () => {
    type Stats = {
      repairStats: {
        submitted: number;
        open: number;
        approved: number;
        denied: number;
        rejectedAtIntake: number;
        withdrawn: number;
        approvalRate: number;
        medianDaysToDecision: number | null;
      };
    };
    const result = await graphql<Stats>(
      `{ repairStats(from: "${daysAgo(730)}", to: "${today}") { submitted open approved denied rejectedAtIntake withdrawn approvalRate medianDaysToDecision } }`,
      {},
      await as('analyst'),
    );
    expect(result.errors).toBeUndefined();
    const stats = expectData(result).repairStats;
    expect(stats.submitted).toBeGreaterThan(0);
    expect(stats.open + stats.approved + stats.denied + stats.rejectedAtIntake + stats.withdrawn).toBe(stats.submitted);
    expect(stats.approvalRate).toBeCloseTo(stats.approved / (stats.approved + stats.denied), 4);
    expect(stats.medianDaysToDecision).toBeGreaterThan(0);
    const backwards = await graphql(
      `{ repairStats(from: "${today}", to: "${daysAgo(1)}") { submitted } }`,
      {},
      await as('analyst'),
    );
    expectError(backwards, { code: 'BAD_USER_INPUT', argument: 'to' });
  });
});
