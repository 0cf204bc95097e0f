/**
 * npm run bench:evaluations — the public credit evaluation at district scale (issue 16). Starts the
 * system with a large demo dataset (BENCH_SUBJECTS, default 100,000; every subgraph seeds its slice,
 * evaluations grades them all at seed), then:
 * - regrades the whole district with `npm run evaluate` (scripts/evaluate.ts) twice: once with every
 *   result stored (nothing changes: the cost of reading facts and scoring), once from none (every
 *   result new, evaluation.changed sent for each: the cost after a model change that moves all);
 * - reports a penalty through the gateway (reportPenalties) for BENCH_RUNS subjects and times each
 *   until Subject.creditEvaluation shows the new score.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { signDevToken } from '../gateway/auth/dev-token';
import { runSql } from '../scripts/fresh-database';
import { demoDataset } from '../shared/demo/dataset';
import { chinaToday } from '../shared/domain/today';
import { SubjectKind } from '../shared/domain/vocabulary';
import { median } from './support/statistics';
import { benchSystem } from './support/system';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface EvaluateOutput {
  subjectsGraded: number;
  changed: number;
  seconds: number;
  subjectsPerSecond: number;
  grades: Record<string, number>;
}

function evaluate(databaseUrl: string): EvaluateOutput {
  const run = spawnSync(process.execPath, [join(__dirname, '..', 'scripts', 'evaluate.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`npm run evaluate failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as EvaluateOutput;
}

async function main(): Promise<void> {
  const env = { DEMO_SUBJECTS: String(SUBJECTS), LOG_LEVEL: 'warn' };
  const data = demoDataset({ ...process.env, ...env });
  const seeding = Date.now();
  const bench = await benchSystem({ subjects: SUBJECTS, startTimeoutMs: 60 * 60_000 });
  const { system, jwtSecret } = bench;
  const startupSeconds = (Date.now() - seeding) / 1000;
  try {
    const unchanged = evaluate(system.databaseUrl);
    await runSql(system.databaseUrl, 'truncate evaluations.subject_evaluation');
    const fromNone = evaluate(system.databaseUrl);

    const officer = await signDevToken(jwtSecret, {
      sub: 'bench',
      org: 'gusu.xyb',
      roles: ['credit_office'],
      ttl: '1h',
    });
    const call = async <T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> => {
      const response = await fetch(`${system.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const scoreOf = async (id: string): Promise<number | null> =>
      (
        await call<{ subject: { creditEvaluation: { score: number } | null } | null }>(
          officer,
          'query($id: ID!) { subject(id: $id) { creditEvaluation { score } } }',
          { id },
        )
      ).subject?.creditEvaluation?.score ?? null;

    const authority = data.departments[0];
    const reporter = await signDevToken(jwtSecret, {
      sub: 'bench',
      org: authority.code,
      roles: ['department'],
      ttl: '1h',
    });
    const candidates = data.subjects.filter((s) => s.kind === SubjectKind.ENTERPRISE && s.uscc !== null).slice(0, RUNS);
    const latencies: number[] = [];
    for (const [n, subject] of candidates.entries()) {
      const before = await scoreOf(subject.id);
      const started = performance.now();
      const result = await call<{ reportPenalties: { accepted: number; rejections: unknown[] } }>(
        reporter,
        'mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted rejections { reasons { field message } } } }',
        {
          r: [
            {
              partyName: subject.name,
              partyClass: '法人及非法人组织',
              uscc: subject.uscc,
              legalRepresentative: subject.legalRepName ?? '张三',
              decisionNo: `姑苏评测罚〔${chinaToday().slice(0, 4)}〕${Date.now() % 100_000}-${n}号`,
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
      );
      if (result.reportPenalties.accepted !== 1)
        throw new Error(`penalty refused: ${JSON.stringify(result.reportPenalties.rejections)}`);
      for (;;) {
        if ((await scoreOf(subject.id)) !== before) break;
        if (performance.now() - started > 60_000) throw new Error(`no new score for ${subject.id} within 60 s`);
        await new Promise((r) => setTimeout(r, 25));
      }
      latencies.push(performance.now() - started);
    }
    process.stdout.write(
      `${JSON.stringify(
        {
          database: process.env.DATABASE_URL ? 'postgresql' : 'embedded PostgreSQL',
          subjects: data.subjects.length,
          penalties: data.penalties.length,
          listEntries: data.listEntries.length,
          startupWithSeedSeconds: startupSeconds,
          recomputeAllUnchanged: unchanged,
          recomputeAllFromNone: fromNone,
          penaltyToNewGradeMs: {
            runs: latencies.length,
            median: Math.round(median(latencies)),
            min: Math.round(Math.min(...latencies)),
            max: Math.round(Math.max(...latencies)),
          },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
