/**
 * npm run bench:screening — screening at scale (issue: 10,000 codes against
 * ≥100,000 subjects and ≥10,000 active entries). Starts the system with a large
 * demo dataset (BENCH_SUBJECTS, default 200,000), then screens 10 and 10,000
 * codes through the gateway as a department, several times each, and prints the
 * wall time and the SQL statements the sanctions subgraph sent.
 */
import 'reflect-metadata';
import { signDevToken } from '../gateway/auth/dev-token';
import { demoDataset } from '../shared/demo/dataset';
import { chinaToday } from '../shared/domain/today';
import { sqlStatements } from './support/sql-statements';
import { median } from './support/statistics';
import { benchSystem } from './support/system';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function main(): Promise<void> {
  const env = { DEMO_SUBJECTS: String(SUBJECTS), LOG_LEVEL: 'warn' };
  const data = demoDataset({ ...process.env, ...env });
  const today = chinaToday();
  const active = data.listEntries.filter(
    (e) => e.status === 'PUBLISHED' && (e.validUntil === null || e.validUntil >= today),
  );
  const seeding = Date.now();
  const bench = await benchSystem({ subjects: SUBJECTS, startTimeoutMs: 30 * 60_000 });
  const { system, jwtSecret } = bench;
  const startupSeconds = (Date.now() - seeding) / 1000;
  try {
    const token = await signDevToken(jwtSecret, { sub: 'bench', org: 'gusu.fgj', roles: ['department'], ttl: '1h' });
    // A realistic batch: every code with an active entry first, then other subjects, then a few malformed codes.
    const hits = [...new Set(active.map((e) => e.subjectUscc))];
    const others = data.subjects.flatMap((s) => (s.uscc ? [s.uscc] : [])).filter((u) => !hits.includes(u));
    const batch = [
      ...hits.slice(0, 5_000),
      ...others.slice(0, 4_990),
      ...Array.from({ length: 10 }, (_, i) => `BAD-CODE-${i}`),
    ].slice(0, 10_000);
    const query =
      'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING, reference: "bench") { uscc invalidReason found verdict hits { id list validUntil } measures { code kind title } } }';
    const measure = async (codes: string[]) => {
      const times: number[] = [];
      const counts: number[] = [];
      let restricted = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const before = await sqlStatements(system.ports.sanctions);
        const started = performance.now();
        const response = await fetch(`${system.gatewayUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables: { u: codes } }),
        });
        const body = (await response.json()) as { data?: { screen: { verdict: string | null }[] }; errors?: unknown[] };
        times.push(performance.now() - started);
        counts.push((await sqlStatements(system.ports.sanctions)) - before);
        if (body.errors || body.data?.screen.length !== codes.length)
          throw new Error(`screening failed: ${JSON.stringify(body.errors)}`);
        restricted = body.data.screen.filter((r) => r.verdict === 'RESTRICT').length;
      }
      return {
        codes: codes.length,
        medianMs: Math.round(median(times)),
        minMs: Math.round(Math.min(...times)),
        sqlStatements: [...new Set(counts)],
        restricted,
      };
    };
    const small = await measure(batch.slice(0, 10));
    const large = await measure(batch);
    process.stdout.write(
      `${JSON.stringify(
        {
          database: process.env.DATABASE_URL ? 'postgresql' : 'embedded PostgreSQL',
          subjects: data.subjects.length,
          listEntries: data.listEntries.length,
          activeEntries: active.length,
          startupWithSeedSeconds: startupSeconds,
          runs: RUNS,
          screen10: small,
          screen10000: large,
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
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
