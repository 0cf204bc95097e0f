import { demoDataset } from '../../shared/demo/dataset';
import { completeUscc } from '../../shared/identifiers/uscc';
import { daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * The publicity-and-repair rule table through the real processes
 * (docs/rules/publicity-and-repair.md): a minor penalty under Order 36 is not
 * public unless its department marks it necessary, while the department still
 * sees it; a fire-brigade penalty of 2026-03-01 (Order 58, 消防) reads repairable
 * from 2027-03-01, and repairs' eligibility says the same, on the facts subjects
 * computed and sent — repairs keeps no table of its own.
 */
const departments = demoDataset().departments;
const market = departments.find((d) => d.code === 'gusu.scjgj')!;
const fire = departments.find((d) => d.code === 'gusu.xfjy')!;
const uscc = completeUscc(`91320508MA${String((Date.now() + 4242) % 1e7).padStart(7, '0')}`);
const MINOR = '姑市监罚〔2026〕PR01号';
const MARKED = '姑市监罚〔2026〕PR02号';
const FOOD = '姑市监罚〔2026〕PR03号';
const FIRE = '姑消罚〔2026〕PR04号';

let marketHeaders: Record<string, string>;
let fireHeaders: Record<string, string>;

function penalty(
  authority: { name: string; uscc: string },
  decisionNo: string,
  decidedAt: string,
  severity: string,
  extra: Record<string, string> = {},
): Record<string, unknown> {
  return {
    partyName: '苏州公示规则测试有限公司',
    partyClass: '法人及非法人组织',
    uscc,
    decisionNo,
    violationType: '测试违法行为',
    facts: '当事人违反有关规定。',
    legalBasis: '《中华人民共和国行政处罚法》',
    categories: ['警告'],
    content: '警告',
    decidedAt,
    validUntil: daysAgo(-400),
    severity,
    authorityName: authority.name,
    authorityUscc: authority.uscc,
    ...extra,
  };
}

const REPORT =
  'mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted rejected rejections { index reasons { field code } } } }';
type Report = {
  reportPenalties: {
    accepted: number;
    rejected: number;
    rejections: { index: number; reasons: { field: string; code: string }[] }[];
  };
};

interface Penalty {
  id: string;
  decisionNo: string;
  severity: string;
  domain: string;
  published: boolean;
  repairable: boolean;
  regime: string;
  repairableFrom: string;
  publicityEndsAt: string;
  necessaryPublicityMonths: number | null;
}
const PROFILE =
  'query($u: String!) { subject(uscc: $u) { penalties(first: 50) { nodes { id decisionNo severity domain published repairable regime repairableFrom publicityEndsAt necessaryPublicityMonths } } } }';

async function penaltiesSeenBy(headers: Record<string, string>): Promise<Map<string, Penalty>> {
  const result = expectData(
    await graphql<{ subject: { penalties: { nodes: Penalty[] } } }>(PROFILE, { u: uscc }, headers),
  );
  return new Map(result.subject.penalties.nodes.map((p) => [p.decisionNo, p]));
}

beforeAll(async () => {
  marketHeaders = { authorization: `Bearer ${await tokenFor('department', { org: market.code })}` };
  fireHeaders = { authorization: `Bearer ${await tokenFor('department', { org: fire.code })}` };
  const recent = daysAgo(10) >= '2026-04-01' ? daysAgo(10) : '2026-04-01';
  const reported = expectData(
    await graphql<Report>(
      REPORT,
      {
        r: [
          penalty(market, MINOR, recent, '轻微'),
          penalty(market, MARKED, recent, '轻微', { necessaryPublicityMonths: '3' }),
          penalty(market, FOOD, '2026-03-01', '一般', { domain: '食品' }),
        ],
      },
      marketHeaders,
    ),
  );
  expect(reported.reportPenalties).toMatchObject({ accepted: 3, rejected: 0 });
  expect(
    expectData(await graphql<Report>(REPORT, { r: [penalty(fire, FIRE, '2026-03-01', '一般')] }, fireHeaders))
      .reportPenalties.accepted,
  ).toBe(1);
});

describe('publicity-and-repair rules, end to end', () => {
  it('keeps a minor 2026 penalty out of public view unless marked necessary; its department still sees it', async () => {
    const publicView = await penaltiesSeenBy({});
    expect([...publicView.keys()].sort()).toEqual([FIRE, FOOD, MARKED].sort());
    const own = await penaltiesSeenBy(marketHeaders);
    expect(own.get(MINOR)).toMatchObject({
      severity: 'MINOR',
      regime: 'NDRC_ORDER_36_2026',
      published: false,
      repairable: false,
      necessaryPublicityMonths: null,
    });
    expect(own.get(MINOR)!.publicityEndsAt).toBe(own.get(MINOR)!.repairableFrom);
    const marked = own.get(MARKED)!;
    expect(marked).toMatchObject({ published: true, repairable: true, necessaryPublicityMonths: 3 });
    expect(marked.repairableFrom < marked.publicityEndsAt).toBe(true);
    // The credit office sees the unpublished one too.
    expect((await penaltiesSeenBy(await as('credit_office'))).has(MINOR)).toBe(true);
  });

  it('gives the Order 58 special domains their one-year minimum: reported, or from the authority’s field of work', async () => {
    const own = await penaltiesSeenBy(marketHeaders);
    expect(own.get(FOOD)).toMatchObject({
      domain: 'FOOD',
      regime: 'NDRC_ORDER_58',
      repairableFrom: '2027-03-01',
      publicityEndsAt: '2029-03-01',
    });
    const byFire = await penaltiesSeenBy(fireHeaders);
    expect(byFire.get(FIRE)).toMatchObject({
      domain: 'FIRE',
      regime: 'NDRC_ORDER_58',
      repairable: true,
      repairableFrom: '2027-03-01',
      publicityEndsAt: '2029-03-01',
    });
    const directory = expectData(
      await graphql<{ departments: { code: string; domain: string }[] }>('{ departments { code domain } }', {}, {}),
    );
    expect(directory.departments.find((d) => d.code === fire.code)?.domain).toBe('FIRE');
  });

  it('judges repair eligibility on the repairableFrom subjects computed', async () => {
    const id = (await penaltiesSeenBy(fireHeaders)).get(FIRE)!.id;
    type Eligibility = {
      repairEligibility: {
        regime: string | null;
        earliestDate: string | null;
        failures: { condition: string; date: string | null }[];
      };
    };
    const ask = async () =>
      expectData(
        await graphql<Eligibility>(
          'query($t: RepairTargetInput!) { repairEligibility(target: $t, fulfilmentEvidence: "罚款已缴清") { regime earliestDate failures { condition date } } }',
          { t: { kind: 'PENALTY', id } },
          fireHeaders,
        ),
      ).repairEligibility;
    const eligibility = await until('repairs has the penalty’s publicity facts', ask, (e) => e.regime !== null);
    expect(eligibility).toMatchObject({ regime: 'NDRC_ORDER_58', earliestDate: '2027-03-01' });
    expect(eligibility.failures).toContainEqual({ condition: 'MINIMUM_PERIOD', date: '2027-03-01' });

    const minorId = (await penaltiesSeenBy(marketHeaders)).get(MINOR)!.id;
    const minor = await until(
      'repairs has the minor penalty’s facts',
      async () =>
        expectData(
          await graphql<Eligibility>(
            'query($t: RepairTargetInput!) { repairEligibility(target: $t) { regime earliestDate failures { condition date } } }',
            { t: { kind: 'PENALTY', id: minorId } },
            marketHeaders,
          ),
        ).repairEligibility,
      (e) => e.regime !== null,
    );
    expect(minor).toMatchObject({ regime: 'NDRC_ORDER_36_2026', earliestDate: null });
    expect(minor.failures.map((f) => f.condition)).toContain('NOT_REPAIRABLE');
  });

  it('refuses a necessity mark above 3 months or on a non-minor penalty, and 特定严重失信 on a non-serious one, per field', async () => {
    const result = expectData(
      await graphql<Report>(
        REPORT,
        {
          r: [
            penalty(market, '姑市监罚〔2026〕PR05号', daysAgo(5), '轻微', { necessaryPublicityMonths: '6' }),
            penalty(market, '姑市监罚〔2026〕PR06号', daysAgo(5), '一般', { necessaryPublicityMonths: '2' }),
            penalty(market, '姑市监罚〔2026〕PR07号', daysAgo(5), '一般', { specificSerious: '是' }),
            penalty(market, '姑市监罚〔2026〕PR08号', daysAgo(5), '一般', { domain: '交通' }),
          ],
        },
        marketHeaders,
      ),
    );
    expect(result.reportPenalties.rejected).toBe(4);
    expect(result.reportPenalties.rejections.map((r) => r.reasons.map((p) => `${p.field}:${p.code}`))).toEqual([
      ['necessaryPublicityMonths:INVALID_VALUE'],
      ['necessaryPublicityMonths:INVALID_VALUE'],
      ['specificSerious:INVALID_VALUE'],
      ['domain:INVALID_VALUE'],
    ]);
  });

  it('publishes no minor penalty of the demo decided since 2026-04-01, while the credit office still sees them', async () => {
    const query =
      '{ subjects(first: 100) { nodes { penalties(first: 50) { nodes { severity decidedAt published } } } } }';
    type Result = {
      subjects: { nodes: { penalties: { nodes: { severity: string; decidedAt: string; published: boolean }[] } }[] };
    };
    const minorSince = (r: Result) =>
      r.subjects.nodes
        .flatMap((s) => s.penalties.nodes)
        .filter((p) => p.severity === 'MINOR' && p.decidedAt >= '2026-04-01');
    expect(minorSince(expectData(await graphql<Result>(query)))).toEqual([]);
    const office = minorSince(expectData(await graphql<Result>(query, {}, await as('credit_office'))));
    expect(office.length).toBeGreaterThan(0);
    expect(office.every((p) => !p.published)).toBe(true);
  });
});
