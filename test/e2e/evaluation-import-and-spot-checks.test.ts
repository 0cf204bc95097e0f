import { randomUUID } from 'node:crypto';
import { demoDataset } from '../../shared/demo/dataset';
import { completeUscc } from '../../shared/identifiers/uscc';
import { daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/** Evaluation results imported by interface, and 双随机 draws that follow the supervision rules (issue 16, parts 1 and 3). */
const authority = demoDataset().departments.find((d) => d.code === 'gusu.scjgj');
const IMPORT = `mutation($input: ImportEvaluationResultsInput!) { importEvaluationResults(input: $input) {
  id source batchKey accepted rejected unchanged rejections { row uscc field reason } } }`;
const EVALUATION = `query($uscc: String!) { subject(uscc: $uscc) { id
  creditEvaluation { score grade explanation { indicator points text } }
  evaluationResults { grade period source { code kind scale } }
  supervision { grade spotCheckRatio tolerantAcceptance verdictFloor measures basis } } }`;
const DRAW = `mutation($input: DrawSpotChecksInput!) { drawSpotChecks(input: $input) {
  id departmentCode industry period seed quotas { grade population ratio drawn }
  items { position gradeAtDraw outcome subject { id } } } }`;
const RECORD = `mutation($input: RecordSpotCheckOutcomeInput!) { recordSpotCheckOutcome(input: $input) { outcome recordedBy } }`;

interface Batch {
  id: string;
  accepted: number;
  rejected: number;
  unchanged: number;
  rejections: { row: number; uscc: string | null; field: string; reason: string }[];
}
interface Evaluation {
  id: string;
  creditEvaluation: { score: number; grade: string; explanation: { indicator: string; points: number }[] } | null;
  evaluationResults: { grade: string; period: string; source: { code: string } }[];
  supervision: { grade: string; spotCheckRatio: number } | null;
}
interface Draw {
  id: string;
  seed: string;
  quotas: { grade: string; population: number; ratio: number; drawn: number }[];
  items: { position: number; gradeAtDraw: string; outcome: string | null; subject: { id: string } }[];
}

async function department(org: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor('department', { org })}` };
}

let serial = 0;
function newUscc(): string {
  serial += 1;
  return completeUscc(
    `91320508MA${String((Date.now() % 1e4) * 100 + serial)
      .padStart(7, '0')
      .slice(-7)}`,
  );
}

async function evaluationOf(uscc: string): Promise<Evaluation> {
  return expectData(await graphql<{ subject: Evaluation }>(EVALUATION, { uscc }, await as('credit_office'))).subject;
}

async function importRows(source: string, batchKey: string, rows: unknown[], headers: Record<string, string>) {
  return graphql<{ importEvaluationResults: Batch }>(IMPORT, { input: { source, batchKey, rows } }, headers);
}

/** A market subject of its own: first met in a licence report, then graded by the evaluations subgraph. */
async function newGradedSubject(): Promise<string> {
  if (!authority) throw new Error('the demo directory has no gusu.scjgj');
  const uscc = newUscc();
  const report = await graphql<{ reportLicenses: { accepted: number } }>(
    'mutation($records: [LicenseReport!]!) { reportLicenses(records: $records) { accepted } }',
    {
      records: [
        {
          partyName: `苏州评价测试${serial}有限公司`,
          partyClass: '法人及非法人组织',
          uscc,
          documentName: '食品经营许可决定书',
          licenseNo: `姑市监许〔2026〕E${Date.now() % 1e6}${serial}号`,
          category: '核准',
          title: '食品经营许可证',
          certificateNo: `JY1320508${String(Date.now()).slice(-7)}`,
          content: '准予食品经营许可',
          decidedAt: daysAgo(1),
          validFrom: daysAgo(1),
          validUntil: daysAgo(-1825),
          authorityName: authority.name,
          authorityUscc: authority.uscc,
        },
      ],
    },
    await department('gusu.scjgj'),
  );
  expect(expectData(report).reportLicenses.accepted).toBe(1);
  await until(
    `the evaluation of ${uscc}`,
    () => evaluationOf(uscc),
    (s) => s?.creditEvaluation != null,
  );
  return uscc;
}

const quotaOf = (ratio: number, population: number) =>
  population === 0 ? 0 : Math.min(population, Math.ceil(Number((ratio * population).toFixed(9))));

describe('evaluation results import (评价结果导入)', () => {
  let uscc: string;
  let initialScore: number;
  beforeAll(async () => {
    uscc = await newGradedSubject();
    initialScore = (await evaluationOf(uscc)).creditEvaluation?.score ?? Number.NaN;
  });

  it('accepts, rejects with reasons, and answers the same batch again; equal rows are unchanged', async () => {
    const office = await as('credit_office');
    const unknown = newUscc();
    const rows = [
      { uscc, grade: 'D', score: 420, period: '2026-H1', model: '全国公共信用综合评价 v3', evaluatedOn: daysAgo(2) },
      { uscc, grade: 'E', period: '2025', evaluatedOn: daysAgo(2) },
      {
        uscc: `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`,
        grade: 'A',
        period: '2026-H1',
        evaluatedOn: daysAgo(2),
      },
      { uscc: unknown, grade: 'A', period: '2026-H1', evaluatedOn: daysAgo(2) },
      { uscc, grade: 'B', period: '2026-Q9', evaluatedOn: daysAgo(2) },
    ];
    const batchKey = `e2e-${randomUUID()}`;
    const first = expectData(
      await importRows('NATIONAL_PUBLIC_CREDIT', batchKey, rows, office),
    ).importEvaluationResults;
    expect(first).toMatchObject({ accepted: 1, rejected: 4, unchanged: 0 });
    expect(first.rejections.map((r) => [r.row, r.field])).toEqual([
      [2, 'grade'],
      [3, 'uscc'],
      [4, 'uscc'],
      [5, 'period'],
    ]);
    expect(first.rejections[2]).toMatchObject({
      uscc: unknown,
      reason: expect.stringContaining('无此统一社会信用代码'),
    });
    expect(first.rejections[0].reason).toContain('A/B/C/D');

    // A retry of the same batch returns it; the same rows in a new batch change nothing.
    const retry = expectData(await importRows('NATIONAL_PUBLIC_CREDIT', batchKey, [], office)).importEvaluationResults;
    expect(retry).toEqual(first);
    const again = expectData(await importRows('NATIONAL_PUBLIC_CREDIT', `e2e-${randomUUID()}`, rows, office));
    expect(again.importEvaluationResults).toMatchObject({ accepted: 0, rejected: 4, unchanged: 1 });

    const read = await graphql<{ evaluationImport: Batch | null }>(
      'query($id: ID!) { evaluationImport(id: $id) { id accepted rejected unchanged } }',
      { id: first.id },
      office,
    );
    expect(expectData(read).evaluationImport).toMatchObject({ id: first.id, accepted: 1, rejected: 4 });
    const other = await graphql(
      'query($id: ID!) { evaluationImport(id: $id) { id } }',
      { id: first.id },
      await department('gusu.zjw'),
    );
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('moves the subject’s evaluation with a national grade D, and shows the latest result per source', async () => {
    // Re-evaluated in the import's own transaction: the answer already says so.
    const subject = await evaluationOf(uscc);
    expect(subject.evaluationResults).toEqual([
      {
        grade: 'D',
        period: '2026-H1',
        source: { code: 'NATIONAL_PUBLIC_CREDIT', kind: 'NATIONAL', scale: ['A', 'B', 'C', 'D'] },
      },
    ]);
    const line = subject.creditEvaluation?.explanation.find((l) => l.indicator === 'NATIONAL_GRADE_D');
    expect(line?.points).toBeLessThan(0);
    expect(subject.creditEvaluation?.score).toBeLessThan(initialScore);
    expect(subject.supervision?.grade).toBe(subject.creditEvaluation?.grade);
  });

  it('lets a department import only the sources it owns', async () => {
    const row = { uscc, grade: 'A', score: 95, period: '2025', evaluatedOn: daysAgo(3) };
    const market = await importRows('TAX_CREDIT', `e2e-${randomUUID()}`, [row], await department('gusu.scjgj'));
    expect(market.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const national = await importRows(
      'NATIONAL_PUBLIC_CREDIT',
      `e2e-${randomUUID()}`,
      [row],
      await department('gusu.swj'),
    );
    expect(national.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const tax = await importRows(
      'TAX_CREDIT',
      `e2e-${randomUUID()}`,
      [{ ...row, grade: 'M' }],
      await department('gusu.swj'),
    );
    expect(expectData(tax).importEvaluationResults).toMatchObject({ accepted: 1, rejected: 0 });
    const unknownSource = await importRows('NO_SUCH_SOURCE', 'x', [row], await department('gusu.swj'));
    expect(unknownSource.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.source' });
  });
});

describe('spot-check draws (双随机、一公开) that follow the supervision rules', () => {
  const industry = '批发和零售业';
  let draw: Draw;

  it('draws ceil(ratio × population) of each grade of the industry’s graded subjects, at its rule’s ratio', async () => {
    const headers = await department('gusu.scjgj');
    // The population is every graded subject of the industry, as the analysts' distribution counts them. Other
    // files report penalties to the shared system meanwhile, and a regrade between the two reads would move a
    // subject from one grade to another: the draw is compared with a distribution that read the same before and after it.
    const readDistribution = async () =>
      expectData(
        await graphql<{ gradeDistribution: { grade: string; subjects: number }[] }>(
          'query($industry: String) { gradeDistribution(by: [GRADE], industry: $industry, street: null) { grade subjects } }',
          { industry },
          await as('analyst'),
        ),
      ).gradeDistribution;
    let distribution: { grade: string; subjects: number }[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const before = await readDistribution();
      draw = expectData(
        await graphql<{ drawSpotChecks: Draw }>(
          DRAW,
          { input: { industry, period: '2026-Q4', seed: 'e2e-seed' } },
          headers,
        ),
      ).drawSpotChecks;
      distribution = await readDistribution();
      if (JSON.stringify(before) === JSON.stringify(distribution)) break;
    }
    const rules = expectData(
      await graphql<{ supervisionRules: { grade: string; industry: string | null; spotCheckRatio: number }[] }>(
        '{ supervisionRules { grade industry spotCheckRatio } }',
        {},
        headers,
      ),
    ).supervisionRules;
    expect(draw.quotas.reduce((sum, q) => sum + q.population, 0)).toBeGreaterThan(0);
    for (const quota of draw.quotas) {
      const rule =
        rules.find((r) => r.grade === quota.grade && r.industry === industry) ??
        rules.find((r) => r.grade === quota.grade && r.industry === null);
      expect([quota.grade, quota.ratio]).toEqual([quota.grade, rule?.spotCheckRatio]);
      expect([quota.grade, quota.population]).toEqual([
        quota.grade,
        distribution.find((d) => d.grade === quota.grade)?.subjects ?? 0,
      ]);
      expect([quota.grade, quota.drawn]).toEqual([quota.grade, quotaOf(quota.ratio, quota.population)]);
      expect(draw.items.filter((i) => i.gradeAtDraw === quota.grade)).toHaveLength(quota.drawn);
    }
    expect(draw.items.map((i) => i.position)).toEqual(draw.items.map((_, i) => i + 1));
  });

  it('gives the same list for the same seed, and a recorded draw only to its department and the credit office', async () => {
    const again = expectData(
      await graphql<{ drawSpotChecks: Draw }>(
        DRAW,
        { input: { industry, period: '2026-Q4', seed: 'e2e-seed' } },
        await department('gusu.scjgj'),
      ),
    ).drawSpotChecks;
    expect(again.id).not.toBe(draw.id);
    expect(again.items.map((i) => i.subject.id)).toEqual(draw.items.map((i) => i.subject.id));
    const read = 'query($id: ID!) { spotCheckDraw(id: $id) { id seed } }';
    const office = await graphql<{ spotCheckDraw: { id: string; seed: string } }>(
      read,
      { id: draw.id },
      await as('credit_office'),
    );
    expect(expectData(office).spotCheckDraw).toEqual({ id: draw.id, seed: 'e2e-seed' });
    const other = await graphql(read, { id: draw.id }, await department('gusu.zjw'));
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('feeds PROBLEMS_FOUND back into the drawn subject’s evaluation', async () => {
    // A middle grade: its score is clamped neither at the top nor at the bottom of the scale.
    const item =
      draw.items.find((i) => i.gradeAtDraw === 'C') ?? draw.items.find((i) => i.gradeAtDraw === 'B') ?? draw.items[0];
    const headers = await department('gusu.scjgj');
    const evaluationById = async () =>
      expectData(
        await graphql<{ subject: Evaluation }>(
          'query($id: ID!) { subject(id: $id) { id creditEvaluation { score grade explanation { indicator points } } } }',
          { id: item.subject.id },
          await as('credit_office'),
        ),
      ).subject.creditEvaluation;
    const before = await evaluationById();
    const recorded = await graphql<{ recordSpotCheckOutcome: { outcome: string } }>(
      RECORD,
      { input: { drawId: draw.id, subjectId: item.subject.id, outcome: 'PROBLEMS_FOUND', note: '现场检查发现问题' } },
      headers,
    );
    expect(expectData(recorded).recordSpotCheckOutcome.outcome).toBe('PROBLEMS_FOUND');
    const after = await evaluationById();
    expect(after?.score).toBeLessThan(before?.score ?? 0);
    expect(after?.explanation.find((l) => l.indicator === 'SPOT_CHECK_PROBLEMS')?.points).toBeLessThan(0);

    // The same outcome again is a retry; another outcome is refused.
    const retry = await graphql(
      RECORD,
      { input: { drawId: draw.id, subjectId: item.subject.id, outcome: 'PROBLEMS_FOUND' } },
      headers,
    );
    expect(retry.errors).toBeUndefined();
    const changed = await graphql(
      RECORD,
      { input: { drawId: draw.id, subjectId: item.subject.id, outcome: 'NO_PROBLEM' } },
      headers,
    );
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argument: 'input.outcome' });
    const stranger = await graphql(
      RECORD,
      { input: { drawId: draw.id, subjectId: item.subject.id, outcome: 'PROBLEMS_FOUND' } },
      await department('gusu.zjw'),
    );
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
