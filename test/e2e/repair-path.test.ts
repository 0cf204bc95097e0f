import { demoDataset } from '../../shared/demo/dataset';
import { addMonths } from '../../shared/domain/rule-regimes';
import { completeUscc } from '../../shared/identifiers/uscc';
import { daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import { clientOperations } from '../support/operations';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * The whole repair path through the gateway (issue 6): a department reports two
 * serious penalties and a black-list entry for a new subject; repair of the
 * recent penalty is refused (minimum period); with a signed repair commitment
 * the older one — past its minimum period under the regime of its decision
 * date — is applied for, accepted and approved, and so is the entry. The
 * effects cross subgraphs as events: the penalty leaves the public profile and
 * the hall profile, the entry leaves the black list with reason 信用修复.
 *
 * The system runs on the real clock, so "before" and "after the minimum period"
 * are two decisions of different dates rather than one decision and a moved clock.
 */
const authority = demoDataset().departments[0]; // gusu.scjgj, the department's own org
const uscc = completeUscc(`91320508MA${String(Date.now() % 1e7).padStart(7, '0')}`);
const RECENT = '姑市监罚〔2026〕RP01号';
const OLDER = '姑市监罚〔2025〕RP02号';

/** The service hall's own document (../shared/operations/hall-profile.graphql). */
function hallProfile(): string {
  const found = clientOperations().find((o) => o.file.endsWith('hall-profile.graphql'));
  if (!found) throw new Error('hall-profile.graphql not found');
  return found.source;
}

let department: Record<string, string>;
let office: Record<string, string>;

function penalty(decisionNo: string, decidedAt: string): Record<string, unknown> {
  return {
    partyName: '苏州修复测试有限公司',
    partyClass: '法人及非法人组织',
    uscc,
    decisionNo,
    violationType: '销售不合格产品',
    facts: '当事人销售不合格产品。',
    legalBasis: '《产品质量法》第四十九条',
    categories: ['罚款', '没收违法所得'],
    content: '罚款人民币五万元，没收违法所得',
    fineAmount: '5',
    confiscatedAmount: '0.8',
    decidedAt,
    validUntil: daysAgo(-400),
    severity: '严重',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
  };
}

interface Profile {
  subject: {
    id: string;
    penalties: { totalCount: number; nodes: { id: string; decisionNo: string }[] };
    listEntries: { id: string; list: string; status: string }[];
  };
}

async function publicPenalties(): Promise<string[]> {
  const result = await graphql<Profile>(
    'query($u: String!) { subject(uscc: $u) { id penalties { totalCount nodes { id decisionNo } } } }',
    { u: uscc },
    {},
  );
  return expectData(result)
    .subject.penalties.nodes.map((n) => n.decisionNo)
    .sort();
}

async function eligibility(kind: string, id: string, commitmentId?: string) {
  const result = await graphql<{
    repairEligibility: {
      eligible: boolean;
      regime: string | null;
      earliestDate: string | null;
      failures: { condition: string; date: string | null }[];
    };
  }>(
    `
      query ($t: RepairTargetInput!, $c: ID) {
        repairEligibility(target: $t, repairCommitmentId: $c, fulfilmentEvidence: "罚没款已缴清") {
          eligible
          regime
          earliestDate
          failures {
            condition
            date
          }
        }
      }
    `,
    { t: { kind, id }, c: commitmentId ?? null },
    department,
  );
  return expectData(result).repairEligibility;
}

beforeAll(async () => {
  department = { authorization: `Bearer ${await tokenFor('department', { org: authority.code })}` };
  office = await as('credit_office');
});

describe('credit repair, end to end', () => {
  it('takes a repaired penalty out of public view and a repaired entry off the black list', async () => {
    // Two serious penalties: one decided this year (2026 regime: 12 months first), one in 2025 (Order 58: 3 months).
    const reported = expectData(
      await graphql<{ reportPenalties: { accepted: number } }>(
        'mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted } }',
        { r: [penalty(RECENT, daysAgo(30)), penalty(OLDER, '2025-06-02')] },
        department,
      ),
    );
    expect(reported.reportPenalties.accepted).toBe(2);
    expect(await publicPenalties()).toEqual([OLDER, RECENT].sort());
    const profile = expectData(
      await graphql<Profile>(
        'query($u: String!) { subject(uscc: $u) { id penalties { totalCount nodes { id decisionNo } } } }',
        { u: uscc },
        department,
      ),
    );
    const subjectId = profile.subject.id;
    const idOf = (no: string) => profile.subject.penalties.nodes.find((n) => n.decisionNo === no)?.id as string;

    // Too early: refused with the reason and the first day an application may be made.
    const early = await until(
      'repairs learns of the penalty',
      () => eligibility('PENALTY', idOf(RECENT)),
      (e) => !e.failures.some((f) => f.condition === 'TARGET_UNKNOWN'),
    );
    expect(early).toMatchObject({ eligible: false, regime: 'NDRC_ORDER_36_2026' });
    const minimum = early.failures.find((f) => f.condition === 'MINIMUM_PERIOD');
    expect(minimum?.date).toBe(addMonths(daysAgo(30), 12));
    const refused = await graphql(
      'mutation($i: RepairApplicationInput!) { applyForRepair(input: $i) { id } }',
      {
        i: { target: { kind: 'PENALTY', id: idOf(RECENT) }, reason: '已整改', fulfilmentEvidence: '罚没款已缴清' },
      },
      department,
    );
    expect(refused.errors?.[0].extensions?.failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ condition: 'MINIMUM_PERIOD' })]),
    );

    // A black-list entry for the same subject, told and past its objection period, published.
    await until(
      'sanctions learns of the subject',
      async () =>
        (
          await graphql<{ screen: { found: boolean }[] }>(
            'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING) { found } }',
            { u: [uscc] },
            department,
          )
        ).data?.screen[0].found,
      Boolean,
    );
    const entry = expectData(
      await graphql<{ proposeListEntry: { id: string } }>(
        'mutation($i: ListEntryInput!) { proposeListEntry(input: $i) { id } }',
        {
          i: {
            uscc,
            list: 'BLACK',
            reason: '销售不合格产品，情节严重',
            basis: '《产品质量法》',
            decisionNo: '姑市监黑〔2026〕RP1号',
            decidedAt: daysAgo(40),
          },
        },
        department,
      ),
    ).proposeListEntry;
    expectData(
      await graphql(
        'mutation($id: ID!, $d: Date) { notifyListEntry(id: $id, notifiedAt: $d) { status } }',
        { id: entry.id, d: daysAgo(39) },
        department,
      ),
    );
    expectData(await graphql('mutation($id: ID!) { publishListEntry(id: $id) { status } }', { id: entry.id }, office));

    // A public repair commitment of the subject, known to repairs through its event.
    const template = expectData(
      await graphql<{ commitmentTemplates: { code: string }[] }>(
        '{ commitmentTemplates(kind: REPAIR) { code } }',
        {},
        {},
      ),
    ).commitmentTemplates[0];
    const commitment = expectData(
      await graphql<{ signCommitment: { id: string } }>(
        'mutation($i: SignCommitmentInput!) { signCommitment(input: $i) { id } }',
        {
          i: {
            subjectId,
            signatoryName: '苏州修复测试有限公司',
            signatoryUscc: uscc,
            templateCode: template.code,
            reference: `RP-${uscc}`,
          },
        },
        department,
      ),
    ).signCommitment;
    await until(
      'repairs learns of the commitment',
      () => eligibility('PENALTY', idOf(OLDER), commitment.id),
      (e) => e.eligible,
    );

    // Apply, accept, approve: the penalty (by its department), then the entry (decided by the department that designated it: 谁认定、谁修复).
    const repair = async (kind: string, id: string, decider: Record<string, string>) => {
      const applied = expectData(
        await graphql<{ applyForRepair: { id: string; status: string } }>(
          'mutation($i: RepairApplicationInput!) { applyForRepair(input: $i) { id status } }',
          {
            i: {
              target: { kind, id },
              reason: '已停止违法行为并整改到位',
              repairCommitmentId: commitment.id,
              fulfilmentEvidence: '罚没款已缴清，缴款书 3205000099',
              evidence: '整改报告',
            },
          },
          department,
        ),
      ).applyForRepair;
      expect(applied.status).toBe('SUBMITTED');
      expect(
        expectData(
          await graphql<{ acceptRepairCase: { status: string } }>(
            'mutation($id: ID!) { acceptRepairCase(id: $id) { status } }',
            { id: applied.id },
            department,
          ),
        ).acceptRepairCase.status,
      ).toBe('ACCEPTED');
      expect(
        expectData(
          await graphql<{ approveRepairCase: { status: string } }>(
            'mutation($id: ID!) { approveRepairCase(id: $id, note: "准予修复") { status } }',
            { id: applied.id },
            decider,
          ),
        ).approveRepairCase.status,
      ).toBe('APPROVED');
    };
    await repair('PENALTY', idOf(OLDER), department);
    await until(
      'entry repairable',
      () => eligibility('LIST_ENTRY', entry.id, commitment.id),
      (e) => e.eligible,
    );
    await repair('LIST_ENTRY', entry.id, department);

    // The effects arrive as events: the public and the hall no longer see the repaired penalty ...
    await until('the public stops seeing the repaired penalty', publicPenalties, (nos) => nos.join() === RECENT);
    const hall = expectData(
      await graphql<Profile>(hallProfile(), { uscc, scenario: 'ADMINISTRATIVE_LICENSING' }, await as('hall')),
    );
    expect(hall.subject.penalties.nodes.map((n) => n.decisionNo)).toEqual([RECENT]);
    // ... its department still does, marked repaired ...
    const own = expectData(
      await graphql<{ subject: { penalties: { nodes: { decisionNo: string; repairedAt: string | null }[] } } }>(
        'query($u: String!) { subject(uscc: $u) { penalties { nodes { decisionNo repairedAt } } } }',
        { u: uscc },
        department,
      ),
    );
    expect(own.subject.penalties.nodes.find((n) => n.decisionNo === OLDER)?.repairedAt).toEqual(expect.any(String));
    // ... and the entry has left the black list, reason 信用修复.
    const removed = await until(
      'the entry leaves the black list',
      async () =>
        expectData(
          await graphql<{
            subject: {
              listEntries: {
                id: string;
                status: string;
                removalReason: string | null;
                history: { action: string }[];
              }[];
            };
          }>(
            'query($u: String!) { subject(uscc: $u) { listEntries { id status removalReason history { action } } } }',
            { u: uscc },
            office,
          ),
        ).subject.listEntries.find((e) => e.id === entry.id),
      (e) => e?.status === 'REMOVED',
    );
    expect(removed?.removalReason).toContain('信用修复');
    expect(removed?.history.map((h) => h.action)).toEqual(['PROPOSE', 'NOTIFY', 'PUBLISH', 'REPAIR']);
  });
});
