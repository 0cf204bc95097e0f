/**
 * npm run bench:reports — issuing 信用审查报告 through the gateway against a
 * running system: BENCH_REPORTS (default 50) reports one after another as a hall
 * clerk (gather as the caller, render, sign, store), for black-listed and other
 * subjects in turn, then each downloaded once. Prints the p50/p90 of issuing and
 * downloading and the PDFs' sizes.
 */
import 'reflect-metadata';
import { signDevToken } from '../gateway/auth/dev-token';
import { median, percentile } from './support/statistics';
import { benchSystem } from './support/system';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 2_000);
const REPORTS = Number(process.env.BENCH_REPORTS ?? 50);

const ISSUE = `mutation($uscc: String!) {
  issueCreditReport(uscc: $uscc, scenario: PUBLIC_PROCUREMENT, matter: "政府采购供应商资格审查", purpose: "性能测试") { number verdict sha256 sizeBytes }
}`;
const DOCUMENT = 'query($number: String!) { creditReportDocument(number: $number) { sizeBytes base64 } }';

async function main(): Promise<void> {
  const bench = await benchSystem({ subjects: SUBJECTS });
  const { system, jwtSecret } = bench;
  try {
    const token = await signDevToken(jwtSecret, {
      sub: 'bench-hall',
      name: '性能测试窗口',
      org: 'gusu.xzspj',
      roles: ['hall'],
      ttl: '1h',
    });
    const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const response = await fetch(`${system.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(`request failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const black = await call<{ publishedList: { nodes: { subject: { uscc: string } }[] } }>(
      '{ publishedList(list: BLACK, first: 5) { nodes { subject { uscc } } } }',
      {},
    );
    const others = await call<{ subjects: { nodes: { uscc: string | null }[] } }>(
      '{ subjects(first: 20) { nodes { uscc } } }',
      {},
    );
    const codes = [
      ...black.publishedList.nodes.map((n) => n.subject.uscc),
      ...others.subjects.nodes.flatMap((n) => (n.uscc ? [n.uscc] : [])),
    ];
    // One report first: the fonts are read and the code paths warmed once per process, as in service.
    await call(ISSUE, { uscc: codes[0] });
    const issueMs: number[] = [];
    const sizes: number[] = [];
    const numbers: string[] = [];
    const verdicts = new Map<string, number>();
    for (let i = 0; i < REPORTS; i += 1) {
      const started = performance.now();
      const { issueCreditReport: report } = await call<{
        issueCreditReport: { number: string; verdict: string; sizeBytes: number };
      }>(ISSUE, { uscc: codes[i % codes.length] });
      issueMs.push(performance.now() - started);
      sizes.push(report.sizeBytes);
      numbers.push(report.number);
      verdicts.set(report.verdict, (verdicts.get(report.verdict) ?? 0) + 1);
    }
    const downloadMs: number[] = [];
    for (const number of numbers) {
      const started = performance.now();
      await call(DOCUMENT, { number });
      downloadMs.push(performance.now() - started);
    }
    const round = (n: number) => Math.round(n);
    process.stdout.write(
      `${JSON.stringify(
        {
          database: process.env.DATABASE_URL ? 'postgresql' : 'embedded PostgreSQL',
          subjects: SUBJECTS,
          reports: REPORTS,
          verdicts: Object.fromEntries(verdicts),
          issueMs: {
            p50: round(median(issueMs)),
            p90: round(percentile(issueMs, 90)),
            min: round(Math.min(...issueMs)),
            max: round(Math.max(...issueMs)),
          },
          downloadMs: { p50: round(median(downloadMs)), p90: round(percentile(downloadMs, 90)) },
          pdfBytes: { p50: median(sizes), min: Math.min(...sizes), max: Math.max(...sizes) },
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
