import { demoDataset } from '../../shared/demo/dataset';
import { chinaToday } from '../../shared/domain/today';
import { SubjectKind } from '../../shared/domain/vocabulary';
import { DEFAULT_MODEL } from '../../subgraphs/evaluations/rules/defaults';
import { expectData } from '../support/expect-data';
import { graphql, sqlStatements } from '../support/gateway';
import { startOwnSystem } from '../support/own-system';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * 公共信用综合评价 (issue 16): every 市场主体 of the demo data is graded on the model in force, with its
 * explanation; an event moves the grade (a penalty reported → penalties.changed → regraded); a natural
 * person is not graded; a new model version regrades the district; the field is batched.
 */
const EVALUATION = `creditEvaluation { modelVersion score grade gradeLabel evaluatedAt
  explanation { indicator label count points text source } }`;

interface Line {
  indicator: string;
  label: string;
  count: number;
  points: number;
  text: string;
  source: string;
}

interface Evaluation {
  modelVersion: string;
  score: number;
  grade: string;
  gradeLabel: string;
  explanation: Line[];
}

type Call = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** A GraphQL call to a gateway as the credit office (the shared system's unless `base` is given). */
function officeCall(base?: string): Call {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const headers = await as('credit_office');
    if (!base) return expectData(await graphql<T>(query, variables, headers));
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return expectData((await response.json()) as { data?: T | null; errors?: { message: string }[] });
  };
}

async function evaluationOf(call: Call, id: string): Promise<Evaluation | null> {
  const data = await call<{ subject: { creditEvaluation: Evaluation | null } | null }>(
    `query E($id: ID!) { subject(id: $id) { ${EVALUATION} } }`,
    { id },
  );
  return data.subject?.creditEvaluation ?? null;
}

const data = demoDataset();
const authority = data.departments[0];
const office = officeCall();

interface Page {
  subjects: {
    nodes: { id: string; uscc: string | null; name: string; kind: string; creditEvaluation: Evaluation | null }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

const PAGE = `query P($first: Int!, $after: String) { subjects(first: $first, after: $after) {
  nodes { id uscc name kind ${EVALUATION} } pageInfo { endCursor hasNextPage } } }`;

/** A demo enterprise graded B, less than 6 points above C, and with no grade cap: one general penalty makes it C. */
async function enterpriseNearC(): Promise<{ id: string; uscc: string; name: string; before: Evaluation }> {
  const capped = new Set(DEFAULT_MODEL.indicators.filter((i) => i.gradeCap !== null).map((i) => i.code));
  const c = DEFAULT_MODEL.grades.find((g) => g.grade === 'B')?.minScore ?? 70;
  let after: string | null = null;
  for (;;) {
    const page: Page = await office<Page>(PAGE, { first: 100, after });
    for (const s of page.subjects.nodes) {
      const e = s.creditEvaluation;
      if (s.kind === SubjectKind.ENTERPRISE && s.uscc && e && e.grade === 'B' && e.score < c + 6)
        if (!e.explanation.some((l) => capped.has(l.indicator)))
          return { id: s.id, uscc: s.uscc, name: s.name, before: e };
    }
    if (!page.subjects.pageInfo.hasNextPage) break;
    after = page.subjects.pageInfo.endCursor;
  }
  throw new Error('the demo data has no enterprise graded B within 6 points of C');
}

describe('public credit evaluation', () => {
  it('grades a demo enterprise on the model in force and leaves a natural person ungraded', async () => {
    const enterprise = data.subjects.find((s) => s.kind === SubjectKind.ENTERPRISE);
    const person = data.subjects.find((s) => s.kind === SubjectKind.NATURAL_PERSON);
    if (!enterprise || !person) throw new Error('the demo data has enterprises and natural persons');
    const graded = await evaluationOf(office, enterprise.id);
    expect(graded).toMatchObject({ modelVersion: 'GUSU-2026.1' });
    expect(['A', 'B', 'C', 'D']).toContain(graded?.grade);
    expect(await evaluationOf(office, person.id)).toBeNull();
  });

  it('moves the grade when a penalty is reported, and explains it', async () => {
    const subject = await enterpriseNearC();
    const general = subject.before.explanation.find((l) => l.indicator === 'PENALTY_GENERAL_IN_PUBLICITY');
    const count = (general?.count ?? 0) + 1;
    const reporter = { authorization: `Bearer ${await tokenFor('department', { org: authority.code })}` };
    const reported = await graphql<{ reportPenalties: { accepted: number; rejections: unknown[] } }>(
      'mutation R($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted rejections { reasons { field message } } } }',
      {
        r: [
          {
            partyName: subject.name,
            partyClass: '法人及非法人组织',
            uscc: subject.uscc,
            legalRepresentative: '张三',
            decisionNo: `姑苏评价测罚〔2026〕${Date.now() % 1_000_000}号`,
            violationType: '未按规定公示年度报告',
            facts: '当事人未按规定期限公示年度报告。',
            legalBasis: '《企业信息公示暂行条例》第十八条',
            categories: ['警告'],
            content: '警告',
            decidedAt: chinaToday(),
            validUntil: `${Number(chinaToday().slice(0, 4)) + 1}${chinaToday().slice(4)}`,
            severity: '一般',
            authorityName: authority.name,
            authorityUscc: authority.uscc,
          },
        ],
      },
      reporter,
    );
    expect(expectData(reported).reportPenalties).toMatchObject({ accepted: 1, rejections: [] });
    const after = await until(
      'the new grade',
      () => evaluationOf(office, subject.id),
      (e) => e !== null && e.score !== subject.before.score,
    );
    expect(after).toMatchObject({ score: subject.before.score - 6, grade: 'C', gradeLabel: '中' });
    expect(after?.explanation).toContainEqual(
      expect.objectContaining({
        indicator: 'PENALTY_GENERAL_IN_PUBLICITY',
        count,
        points: -6 * count,
        text: `\u2212${6 * count}: 一般行政处罚 ${count} 项, 公示期内`,
      }),
    );
  });

  it('counts the SQL of Subject.creditEvaluation by the shape of the query, not by the number of subjects', async () => {
    const statements = async (first: number) => {
      const before = await sqlStatements('evaluations');
      const page = await office<Page>(PAGE, { first, after: null });
      const counted = (await sqlStatements('evaluations')) - before;
      return { counted, graded: page.subjects.nodes.filter((n) => n.creditEvaluation !== null).length };
    };
    const two = await statements(2);
    const fifty = await statements(50);
    expect(fifty.graded).toBeGreaterThan(2);
    expect(two.counted).toBeGreaterThan(0);
    expect(fifty.counted).toBe(two.counted);
  });

  it('publishes the district distribution by grade, industry and street to analysts', async () => {
    const rows = expectData(
      await graphql<{ gradeDistribution: { grade: string; subjects: number }[] }>(
        '{ gradeDistribution(by: [GRADE]) { grade industry street subjects } }',
        {},
        await as('analyst'),
      ),
    ).gradeDistribution;
    const demoGraded = data.subjects.filter((s) => s.uscc !== null && s.kind !== SubjectKind.NATURAL_PERSON);
    // Other files report new subjects meanwhile (their industry is unknown): the whole district holds at
    // least the demo's graded subjects, and one demo industry holds exactly its own.
    expect(rows.reduce((sum, r) => sum + r.subjects, 0)).toBeGreaterThanOrEqual(demoGraded.length);
    const industry = demoGraded[0].industry;
    const inIndustry = expectData(
      await graphql<{ gradeDistribution: { industry: string | null; subjects: number }[] }>(
        'query($industry: String) { gradeDistribution(by: [GRADE, INDUSTRY], industry: $industry) { grade industry street subjects } }',
        { industry },
        await as('analyst'),
      ),
    ).gradeDistribution;
    expect(inIndustry.every((r) => r.industry === industry)).toBe(true);
    expect(inIndustry.reduce((sum, r) => sum + r.subjects, 0)).toBe(
      demoGraded.filter((s) => s.industry === industry).length,
    );
    const byStreet = expectData(
      await graphql<{ gradeDistribution: { street: string | null; grade: string | null; subjects: number }[] }>(
        '{ gradeDistribution(by: [STREET, GRADE]) { grade industry street subjects } }',
        {},
        await as('analyst'),
      ),
    ).gradeDistribution;
    expect(byStreet.some((r) => r.street !== null)).toBe(true);
    expect(byStreet.every((r) => r.grade !== null)).toBe(true);
    const refused = await graphql('{ gradeDistribution(by: [GRADE]) { subjects } }', {}, await as('hall'));
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });
});

describe('a new model version', () => {
  // Its own small system: publishing a model changes reference data the shared system's other tests read.
  let own: Awaited<ReturnType<typeof startOwnSystem>>;
  beforeAll(async () => {
    own = await startOwnSystem('evaluations-model', { env: { DEMO_SUBJECTS: '300' } });
  }, 300_000);
  afterAll(async () => {
    await own?.stop();
  });

  it('is validated, published and regrades the district', async () => {
    const call = officeCall(own.system.gatewayUrl);
    const ownData = demoDataset({ ...process.env, DEMO_SUBJECTS: '300' });
    const ids = ownData.subjects.filter((s) => s.kind === SubjectKind.ENTERPRISE).map((s) => s.id);
    const before = await Promise.all(ids.map((id) => evaluationOf(call, id)));
    const withPenalty = ids.findIndex((_, n) =>
      before[n]?.explanation.some((l) => l.indicator === 'PENALTY_GENERAL_IN_PUBLICITY'),
    );
    expect(withPenalty).toBeGreaterThanOrEqual(0);
    const input = {
      version: 'GUSU-2027.1',
      baseScore: 85,
      source: '测试: 基础分 85, 一般行政处罚每项 −8',
      indicators: DEFAULT_MODEL.indicators.map((i) => ({
        code: i.code,
        label: i.label,
        fact: i.fact,
        pointsEach: i.fact === 'PENALTY_GENERAL_IN_PUBLICITY' ? -8 : i.pointsEach,
        cap: i.cap,
        gradeCap: i.gradeCap,
        unit: i.unit,
        detail: i.detail,
        source: i.source,
      })),
      grades: DEFAULT_MODEL.grades,
    };
    const publish = `mutation P($input: PublishEvaluationModelInput!) { publishEvaluationModel(input: $input) { version status effectiveFrom baseScore indicators { code pointsEach } grades { grade minScore } } }`;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('credit_office')}` };
    const post = async (variables: Record<string, unknown>) =>
      (await (
        await fetch(`${own.system.gatewayUrl}/graphql`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: publish, variables }),
        })
      ).json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
    // Bad input names its field; the version in force stays.
    const bad = await post({ input: { ...input, indicators: [{ ...input.indicators[0], cap: 5 }] } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.indicators[0].cap' });
    const taken = await post({ input: { ...input, version: 'GUSU-2026.1' } });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.version' });
    const published = await post({ input });
    expect(published.errors).toBeUndefined();
    expect(published.data).toMatchObject({
      publishEvaluationModel: { version: 'GUSU-2027.1', status: 'PUBLISHED', baseScore: 85 },
    });
    const models = await call<{ evaluationModels: { version: string; status: string }[] }>(
      '{ evaluationModels { version status } }',
    );
    expect(models.evaluationModels).toEqual([
      { version: 'GUSU-2027.1', status: 'PUBLISHED' },
      { version: 'GUSU-2026.1', status: 'RETIRED' },
    ]);
    // The subgraph regrades the district in the background once the model is published.
    const id = ids[withPenalty];
    const after = await until(
      'the regraded subject',
      () => evaluationOf(call, id),
      (e) => e?.modelVersion === 'GUSU-2027.1',
      60_000,
    );
    const line = after?.explanation.find((l) => l.indicator === 'PENALTY_GENERAL_IN_PUBLICITY');
    expect(line).toMatchObject({ points: -8 * (line?.count ?? 0) });
    const old = before[withPenalty]?.explanation.find((l) => l.indicator === 'PENALTY_GENERAL_IN_PUBLICITY');
    expect(after?.score).toBeCloseTo(Math.min(100, (before[withPenalty]?.score ?? 0) + 5 - 2 * (old?.count ?? 0)), 1);
  }, 120_000);
});
