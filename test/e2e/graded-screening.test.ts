import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from '../../shared/db/orm';
import { demoDataset } from '../../shared/demo/dataset';
import { eventBus, startEventBus, stopEventBus } from '../../shared/events/bus';
import type { EvaluationFacts } from '../../shared/events/catalogue';
import { publishEvent } from '../../shared/events/publish';
import { completeUscc } from '../../shared/identifiers/uscc';
import { createLogger } from '../../shared/logging/logger';
import { database as sanctionsDatabase } from '../../subgraphs/sanctions/server';
import { DEFAULT_STREET_GAZETTEER } from '../../subgraphs/subjects/rules/street-gazetteer-defaults';
import { database as subjectsDatabase } from '../../subgraphs/subjects/server';
import { deriveMissingStreets } from '../../subgraphs/subjects/services/street-backfill';
import { daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { graphql, systemDatabaseUrl } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * Graded supervision in the screening (issue 16): sanctions keeps each subject's latest evaluation from
 * 'evaluation.changed' and takes the stronger of the lists' verdict and the grade's floor; 容缺受理 turns
 * CLEAR into INCENTIVE. The test publishes the events the evaluations subgraph sends, for subjects it
 * reports itself, so each grade is the one under test. Subjects' side: licences reported produce
 * 'licenses.changed' for evaluations, and a subject's 街道 is derived from its address.
 */
const authority = demoDataset().departments[0]; // gusu.scjgj, the department token's own org
const stamp = String(Date.now() % 1e6).padStart(6, '0');
const code = (n: number) => completeUscc(`91320508MA${stamp}${n}`);
const GRADE_D = code(1);
const GRADE_A = code(2);
const BLACK = code(3);
const LICENSED = code(4);
const ADDRESS = '苏州市姑苏区平江路18号';

let department: Record<string, string>;
let sql: Client;
let sanctionsOrm: MikroORM;
let subjectsOrm: MikroORM;
const logger = createLogger('test-graded-screening');

interface Screened {
  uscc: string;
  found: boolean;
  verdict: string;
  verdictReasons: string[];
  evaluation: {
    grade: string;
    score: number;
    tolerantAcceptance: boolean;
    verdictFloor: string | null;
    basis: string;
    evaluatedAt: string;
  } | null;
}

const SCREEN = `query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING, reference: "graded") {
  uscc found verdict verdictReasons evaluation { grade score tolerantAcceptance verdictFloor basis evaluatedAt }
} }`;

async function screen(usccs: string[]): Promise<Screened[]> {
  return expectData(await graphql<{ screen: Screened[] }>(SCREEN, { u: usccs }, department)).screen;
}

function penalty(uscc: string, decisionNo: string): Record<string, unknown> {
  return {
    partyName: `苏州分级测试${uscc.slice(-4)}有限公司`,
    partyClass: '法人及非法人组织',
    uscc,
    decisionNo,
    violationType: '未按规定公示年度报告',
    facts: '当事人未按规定期限公示年度报告。',
    legalBasis: '《企业信息公示暂行条例》第十八条',
    categories: ['警告'],
    content: '警告',
    decidedAt: daysAgo(20),
    validUntil: daysAgo(-365),
    severity: '一般',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
  };
}

async function subjectId(uscc: string): Promise<string> {
  return expectData(
    await graphql<{ subject: { id: string } }>(
      'query($u: String!) { subject(uscc: $u) { id } }',
      { u: uscc },
      department,
    ),
  ).subject.id;
}

/** What the evaluations subgraph sends when a grade changes, as its supervision rule reads for the grade. */
async function publishEvaluation(facts: EvaluationFacts): Promise<string> {
  return sanctionsOrm.em.fork().transactional((em) => publishEvent(em, 'evaluation.changed', facts));
}

/** Whether sanctions has applied every one of these events (its applied_event rows). */
async function applied(...eventIds: string[]): Promise<boolean> {
  const { rows } = await sql.query('select id from sanctions.applied_event where id = any($1::uuid[])', [eventIds]);
  return rows.length === eventIds.length;
}

beforeAll(async () => {
  department = { authorization: `Bearer ${await tokenFor('department', { org: authority.code })}` };
  const url = systemDatabaseUrl();
  sql = new Client({ connectionString: url });
  await sql.connect();
  await startEventBus(url, logger);
  sanctionsOrm = await MikroORM.init(ormOptions(sanctionsDatabase, url));
  subjectsOrm = await MikroORM.init(ormOptions(subjectsDatabase, url));
});

afterAll(async () => {
  await subjectsOrm?.close();
  await sanctionsOrm?.close();
  await stopEventBus();
  await sql?.end();
});

describe('graded screening', () => {
  it('screens by the stronger of the lists and the grade, and says when the grade moved the verdict', async () => {
    const reported = expectData(
      await graphql<{ reportPenalties: { accepted: number } }>(
        'mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted } }',
        {
          r: [
            penalty(GRADE_D, `姑市监罚〔2026〕G${stamp}1号`),
            penalty(GRADE_A, `姑市监罚〔2026〕G${stamp}2号`),
            penalty(BLACK, `姑市监罚〔2026〕G${stamp}3号`),
          ],
        },
        department,
      ),
    );
    expect(reported.reportPenalties.accepted).toBe(3);
    await until(
      'sanctions indexes the reported subjects',
      () => screen([GRADE_D, GRADE_A, BLACK]),
      (results) => results.every((r) => r.found),
    );
    const [idD, idA, idBlack] = await Promise.all([GRADE_D, GRADE_A, BLACK].map(subjectId));

    // A black-list entry in force for the third subject.
    const entry = expectData(
      await graphql<{ proposeListEntry: { id: string } }>(
        'mutation($i: ListEntryInput!) { proposeListEntry(input: $i) { id } }',
        {
          i: {
            uscc: BLACK,
            list: 'BLACK',
            reason: '严重失信测试',
            basis: '《企业信息公示暂行条例》',
            decisionNo: `姑市监黑〔2026〕G${stamp}号`,
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
    expectData(
      await graphql(
        'mutation($id: ID!) { publishListEntry(id: $id) { status } }',
        { id: entry.id },
        await as('credit_office'),
      ),
    );

    // The evaluations subgraph graded these subjects when they were reported and announces that at any
    // moment: the test's evaluations are dated an hour ahead, so the real (older) ones change nothing.
    const now = new Date(Date.now() + 3_600_000).toISOString();
    // The grades of the demo district, announced after start, are applied before the test's own events.
    await until(
      'sanctions has applied the evaluations announced at start',
      () => eventBus().getQueueSize('sanctions.evaluation-changed'),
      (queued) => queued === 0,
      120_000,
    );
    const evaluation = (subject: string, grade: string, rule: Partial<EvaluationFacts>): EvaluationFacts => ({
      subjectId: subject,
      modelVersion: 'GUSU-TEST',
      score: grade === 'D' ? 52.5 : 93,
      grade,
      previousGrade: null,
      evaluatedAt: now,
      tolerantAcceptance: false,
      verdictFloor: null,
      basis: `测试监管规则 ${grade}`,
      ...rule,
    });
    const events = await Promise.all([
      publishEvaluation(evaluation(idD, 'D', { verdictFloor: 'CAUTION', basis: '测试监管规则 D: 加强审核' })),
      publishEvaluation(evaluation(idA, 'A', { tolerantAcceptance: true, basis: '测试监管规则 A: 容缺受理' })),
      publishEvaluation(evaluation(idBlack, 'A', { tolerantAcceptance: true })),
    ]);
    await until('sanctions applies the evaluations', () => applied(...events), Boolean);
    // An older evaluation arriving late changes nothing.
    const late = await publishEvaluation(
      evaluation(idD, 'A', { evaluatedAt: new Date(Date.now() - 86_400_000).toISOString(), tolerantAcceptance: true }),
    );
    await until('sanctions reads the late event', () => applied(late), Boolean);
    // A grade outside the vocabulary is refused alone: the event fetched with it is applied, it is retried (then a dead letter).
    const [refused, beside] = await sanctionsOrm.em
      .fork()
      .transactional(async (em) => [
        await publishEvent(em, 'evaluation.changed', evaluation(idA, 'Z', {})),
        await publishEvent(em, 'evaluation.changed', evaluation(idBlack, 'A', { tolerantAcceptance: true })),
      ]);
    await until('sanctions applies the event beside the refused one', () => applied(beside), Boolean);
    const refusedJob = await sql.query<{ state: string; output: { message?: string } | null }>(
      `select state, output from pgboss.job where name = 'sanctions.evaluation-changed' and data->>'id' = $1`,
      [refused],
    );
    expect(refusedJob.rows.map((r) => r.state)).toEqual([expect.stringMatching(/^(retry|failed)$/)]);
    expect(refusedJob.rows[0].output?.message).toContain('not in the vocabulary');
    expect(await applied(refused)).toBe(false);

    const [d, a, black] = await screen([GRADE_D, GRADE_A, BLACK]);
    expect(d).toMatchObject({
      verdict: 'CAUTION',
      evaluation: {
        grade: 'D',
        score: 52.5,
        verdictFloor: 'CAUTION',
        tolerantAcceptance: false,
        basis: '测试监管规则 D: 加强审核',
      },
    });
    expect(new Date(d.evaluation?.evaluatedAt ?? 0).toISOString()).toBe(now);
    expect(d.verdictReasons).toEqual(['信用等级 D: 结论不低于 CAUTION (测试监管规则 D: 加强审核)']);
    expect(a).toMatchObject({
      verdict: 'INCENTIVE',
      evaluation: { grade: 'A', tolerantAcceptance: true, verdictFloor: null },
    });
    expect(a.verdictReasons).toEqual(['信用等级 A: 容缺受理 → INCENTIVE (测试监管规则 A: 容缺受理)']);
    expect(black.verdict).toBe('RESTRICT');
    expect(black.evaluation?.grade).toBe('A');
    expect(black.verdictReasons).toEqual([expect.stringMatching(/^严重失信主体名单: RESTRICT/)]);

    // The screening record keeps the verdict as answered.
    const { rows } = await sql.query<{ uscc: string; verdict: string }>(
      `select r.uscc, r.verdict from sanctions.screening_result r join sanctions.screening s on s.id = r.screening_id
        where s.reference = 'graded' and r.uscc = any($1) order by s.occurred_at desc, r.position limit 3`,
      [[GRADE_D, GRADE_A, BLACK]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.uscc, r.verdict]))).toEqual({
      [GRADE_D]: 'CAUTION',
      [GRADE_A]: 'INCENTIVE',
      [BLACK]: 'RESTRICT',
    });
  });
});

describe('what subjects tells evaluations', () => {
  it('sends licences reported and revoked on licenses.changed', async () => {
    const licenseNo = `姑市监许〔2026〕G${stamp}号`;
    const result = expectData(
      await graphql<{ reportLicenses: { accepted: number; created: number } }>(
        'mutation($r: [LicenseReport!]!) { reportLicenses(records: $r) { accepted created } }',
        {
          r: [
            {
              partyName: '苏州分级许可测试有限公司',
              partyClass: '法人及非法人组织',
              uscc: LICENSED,
              documentName: '食品经营许可决定书',
              licenseNo,
              category: '核准',
              title: '食品经营许可证',
              certificateNo: `JY1320508${stamp}`,
              content: '准予食品经营许可',
              decidedAt: daysAgo(1),
              validFrom: daysAgo(1),
              validUntil: daysAgo(-1825),
              authorityName: authority.name,
              authorityUscc: authority.uscc,
            },
          ],
        },
        department,
      ),
    );
    expect(result.reportLicenses).toMatchObject({ accepted: 1, created: 1 });
    const id = await subjectId(LICENSED);
    const jobs = async () =>
      (
        await sql.query<{ revoked: boolean; validUntil: string | null; decidedAt: string }>(
          `select l->>'revoked' = 'true' as revoked, l->>'validUntil' as "validUntil", l->>'decidedAt' as "decidedAt"
             from pgboss.job j, jsonb_array_elements(j.data->'payload'->'licenses') l
            where j.name = 'evaluations.licenses-changed' and l->>'subjectId' = $1 order by j.created_on`,
          [id],
        )
      ).rows;
    expect(await jobs()).toEqual([{ revoked: false, validUntil: daysAgo(-1825), decidedAt: daysAgo(1) }]);

    expectData(
      await graphql(
        'mutation($a: String!, $n: String!) { revokeLicense(authorityUscc: $a, licenseNo: $n, reason: "测试撤销") { status } }',
        { a: authority.uscc, n: licenseNo },
        department,
      ),
    );
    expect((await jobs()).map((j) => j.revoked)).toEqual([false, true]);
  });

  it('gives a subject on 平江路 its 街道, and tells the subgraphs that index subjects', async () => {
    const id = await subjectId(LICENSED);
    // An address written without its street (as every subject before issue 16): the start-up backfill derives it.
    await sql.query('update subjects.subject set registered_address = $2, street = null where id = $1', [id, ADDRESS]);
    await deriveMissingStreets(subjectsOrm.em.fork(), logger);
    const subject = expectData(
      await graphql<{ subject: { street: string | null; registeredAddress: string } }>(
        'query($u: String!) { subject(uscc: $u) { street registeredAddress } }',
        { u: LICENSED },
        department,
      ),
    ).subject;
    expect(subject).toEqual({ street: '平江街道', registeredAddress: ADDRESS });
    const { rows } = await sql.query<{ street: string; kind: string }>(
      `select s->>'street' as street, s->>'kind' as kind
         from pgboss.job j, jsonb_array_elements(j.data->'payload'->'subjects') s
        where j.name = 'evaluations.subjects-registered' and s->>'id' = $1 order by j.created_on`,
      [id],
    );
    // First met in the report (no address yet), then its street.
    expect(rows).toEqual([
      { street: null, kind: 'ENTERPRISE' },
      { street: '平江街道', kind: 'ENTERPRISE' },
    ]);
    // Without credit:read the street is not shown.
    const open = await graphql<{ subject: { street: string | null } }>(
      'query($u: String!) { subject(uscc: $u) { uscc street } }',
      { u: LICENSED },
      {},
    );
    expect(open.errors?.[0].extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });

  it('keeps the gazetteer as rows with their source, and derives the street of the demo subjects from it', async () => {
    const gazetteer = await sql.query<{ road: string; street: string; source: string }>(
      'select road, street, source from subjects.street_gazetteer order by road',
    );
    expect(gazetteer.rows).toHaveLength(DEFAULT_STREET_GAZETTEER.length);
    expect(gazetteer.rows.every((r) => r.source.length > 0)).toBe(true);
    expect(gazetteer.rows.find((r) => r.road === '平江路')?.street).toBe('平江街道');
    const { rows } = await sql.query<{ streets: number; placed: number }>(
      `select count(*) filter (where registered_address like '苏州市姑苏区平江路%')::int as streets,
              count(*) filter (where registered_address like '苏州市姑苏区平江路%' and street = '平江街道')::int as placed
         from subjects.subject`,
    );
    expect(rows[0].streets).toBeGreaterThan(0);
    expect(rows[0].placed).toBe(rows[0].streets);
  });
});
