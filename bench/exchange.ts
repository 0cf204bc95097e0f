/**
 * npm run bench:exchange — the outbound feed at the rate issue 17 asks for, on the real system (PostgreSQL
 * when DATABASE_URL is set). Starts the system with a small demo dataset, registers a loopback receiver
 * (test/support/exchange-receiver.ts: verifies signatures, applies entries once) with a PENALTY line, then:
 * (a) latency: reportPenalties through the gateway as a department, BENCH_BATCH records a call, BENCH_CALLS_PER_S
 *     calls a second (default 100 × 10 = 1,000 changes/s) for BENCH_SECONDS (60): per record, from the call's
 *     answer (after its commit) to the receiver's arrival, p50/p99; the rate actually achieved;
 * (b) backlog: the receiver down (connection refused) for --down-seconds (default 600) under the same load;
 *     the backlog it leaves (deliveryStatus) and how fast it drains once up (load stopped);
 * (c) reconciliation at BENCH_RECONCILE_RECORDS (100,000): that many ACTIVE penalties in record_state (copies of
 *     a real snapshot from (a) under new keys, written by SQL), the receiver holding all but 100; the time of
 *     `reconcile` through the gateway, and until the 100 re-sent entries have arrived.
 * Prints what it measured, misses included. Flags: --down-seconds N, --seconds N, --skip-backlog, --skip-reconcile.
 */
import 'reflect-metadata';
import { signDevToken } from '../gateway/auth/dev-token';
import { runSql } from '../scripts/fresh-database';
import type { Role } from '../shared/auth/policy';
import { demoDataset } from '../shared/demo/dataset';
import { chinaToday } from '../shared/domain/today';
import { completeUscc } from '../shared/identifiers/uscc';
import { startExchangeReceiver } from '../test/support/exchange-receiver';
import { base31, daysFrom } from './support/penalty-file';
import { percentile } from './support/statistics';
import { benchSystem } from './support/system';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 2000);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const CALLS_PER_S = Number(process.env.BENCH_CALLS_PER_S ?? 10);
const SECONDS = flag('seconds', Number(process.env.BENCH_SECONDS ?? 60));
const DOWN_SECONDS = flag('down-seconds', 600);
const RECONCILE_RECORDS = Number(process.env.BENCH_RECONCILE_RECORDS ?? 100_000);
const CODE = 'bench-city';

const sleep = (ms: number) => new Promise((settled) => setTimeout(settled, Math.max(0, ms)));

async function main(): Promise<void> {
  const data = demoDataset({ ...process.env, DEMO_SUBJECTS: String(SUBJECTS) });
  const authority = data.departments[0];
  const today = chinaToday();
  const bench = await benchSystem({ subjects: SUBJECTS, startTimeoutMs: 30 * 60_000 });
  const { system, jwtSecret } = bench;
  const receiver = await startExchangeReceiver('bench-secret-0123456789abcdefghijklmnopqrstuvwxyz');
  try {
    const token = (role: Role, org: string) => signDevToken(jwtSecret, { sub: 'bench', org, roles: [role], ttl: '2h' });
    const department = await token('department', authority.code);
    const office = await token('credit_office', 'gusu.xyb');
    const call = async <T>(bearer: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await fetch(`${system.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    await call(office, 'mutation($i: RegisterReceiverInput!) { registerReceiver(input: $i) { code } }', {
      i: {
        code: CODE,
        name: '基准测试接收方',
        kind: 'PLATFORM',
        clientId: CODE,
        pushUrl: receiver.pushUrl,
        pushSecret: receiver.secret,
        reconcileUrl: receiver.reconcileUrl,
      },
    });
    const current = await call<{
      sharingCatalogue: {
        lines: { receiverCode: string; kind: string; fields: string[] | null; rules: Record<string, unknown> }[];
      };
    }>(office, '{ sharingCatalogue { lines { receiverCode kind fields rules } } }');
    const lines = [
      ...current.sharingCatalogue.lines.map((l) => ({
        receiverCode: l.receiverCode,
        kind: l.kind,
        fields: l.fields,
        ...l.rules,
      })),
      { receiverCode: CODE, kind: 'PENALTY', fields: null, includeIdNumber: false },
    ];
    await call(
      office,
      'mutation($l: [CatalogueLineInput!]!) { publishSharingCatalogue(lines: $l, note: "bench") { version } }',
      {
        l: lines,
      },
    );
    const status = () =>
      call<{ deliveryStatus: { backlog: string; deliveredSeq: string; lastSeq: string } }>(
        office,
        'query($r: String!) { deliveryStatus(receiver: $r) { backlog deliveredSeq lastSeq } }',
        { r: CODE },
      ).then((d) => d.deliveryStatus);

    let serial = 0;
    const answeredAt = new Map<string, number>();
    let failedCalls = 0;
    let callMsTotal = 0;
    let calls = 0;
    /** Load at CALLS_PER_S × BATCH for `seconds`: calls started on the clock, not waiting for each other. */
    const load = async (seconds: number): Promise<{ records: number; seconds: number }> => {
      const started = Date.now();
      const inFlight: Promise<void>[] = [];
      let records = 0;
      for (let i = 0; i < seconds * CALLS_PER_S; i += 1) {
        await sleep(started + (i * 1000) / CALLS_PER_S - Date.now());
        const batch = Array.from({ length: BATCH }, () => {
          serial += 1;
          return {
            partyName: `苏州交换基准第${serial}有限公司`,
            partyClass: '法人及非法人组织',
            uscc: completeUscc(`91320508${base31(serial + 5_000_000, 9)}`),
            decisionNo: `姑市监罚〔2026〕XB-${serial}号`,
            violationType: '未按规定公示年度报告',
            facts: '当事人未按规定期限公示年度报告。',
            legalBasis: '《企业信息公示暂行条例》第十八条',
            categories: ['警告', '罚款'],
            content: '警告，罚款人民币五千元',
            fineAmount: '0.5',
            decidedAt: daysFrom(today, -10),
            validUntil: daysFrom(today, 365),
            severity: '一般',
            authorityName: authority.name,
            authorityUscc: authority.uscc,
          };
        });
        const sent = Date.now();
        inFlight.push(
          call(department, 'mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted } }', {
            r: batch,
          })
            .then(() => {
              const at = Date.now();
              calls += 1;
              callMsTotal += at - sent;
              for (const r of batch) answeredAt.set(r.decisionNo, at);
              records += batch.length;
            })
            .catch(() => {
              failedCalls += 1;
            }),
        );
      }
      await Promise.all(inFlight);
      return { records, seconds: (Date.now() - started) / 1000 };
    };
    const arrivals = (): Map<string, number> => {
      const found = new Map<string, number>();
      for (const batch of receiver.accepted)
        for (const e of batch.entries) {
          const no = (e.record as { fields?: { decisionNo?: string } } | undefined)?.fields?.decisionNo;
          if (no && !found.has(no)) found.set(no, batch.arrivedAt);
        }
      return found;
    };
    /** Until the feed has stopped growing (the consumer caught up) and the receiver has it all, within `limitMs`. */
    const waitDrained = async (limitMs: number): Promise<boolean> => {
      const until = Date.now() + limitMs;
      let last = '';
      let stableSince = Date.now();
      while (Date.now() < until) {
        const s = await status();
        if (s.lastSeq !== last) {
          last = s.lastSeq;
          stableSince = Date.now();
        }
        if (s.backlog === '0' && Number(s.lastSeq) > 0 && Date.now() - stableSince > 2000) return true;
        await sleep(200);
      }
      return false;
    };

    // (a) latency at the nominal rate.
    const a = await load(SECONDS);
    const drainedA = await waitDrained(120_000);
    const arrived = arrivals();
    const latencies = [...answeredAt].flatMap(([no, at]) =>
      arrived.has(no) ? [(arrived.get(no) as number) - at] : [],
    );
    const missing = [...answeredAt.keys()].filter((no) => !arrived.has(no)).length;
    console.log(
      JSON.stringify({
        part: 'a-latency',
        nominalChangesPerSecond: BATCH * CALLS_PER_S,
        seconds: SECONDS,
        recordsAccepted: a.records,
        achievedChangesPerSecond: Math.round(a.records / a.seconds),
        failedCalls,
        meanCallMs: Math.round(callMsTotal / Math.max(1, calls)),
        delivered: latencies.length,
        notArrived: missing,
        drained: drainedA,
        latencyMs: {
          p50: percentile(latencies, 50),
          p90: percentile(latencies, 90),
          p99: percentile(latencies, 99),
          max: Math.max(...latencies),
        },
        duplicatesIgnoredByReceiver: receiver.duplicates,
      }),
    );

    // (b) the backlog of a receiver down for DOWN_SECONDS under the same load, and its drain.
    if (!process.argv.includes('--skip-backlog')) {
      await receiver.setMode('DOWN');
      const b = await load(DOWN_SECONDS);
      // The backlog once the consumer has fed what was reported: the feed's counter has stopped moving.
      let left = await status();
      for (let previous = ''; previous !== left.lastSeq;) {
        previous = left.lastSeq;
        await sleep(2000);
        left = await status();
      }
      await receiver.setMode('UP');
      const up = Date.now();
      const drained = await waitDrained(30 * 60_000);
      const drainSeconds = (Date.now() - up) / 1000;
      console.log(
        JSON.stringify({
          part: 'b-backlog',
          downSeconds: DOWN_SECONDS,
          recordsAcceptedWhileDown: b.records,
          achievedChangesPerSecond: Math.round(b.records / b.seconds),
          backlogLeft: Number(left.backlog),
          drained,
          drainSeconds,
          drainEntriesPerSecond: Math.round(Number(left.backlog) / drainSeconds),
          note: 'first retry after up waits out the back-off in force (cap 60 s by default)',
        }),
      );
    }

    // (c) reconciliation at RECONCILE_RECORDS records.
    if (!process.argv.includes('--skip-reconcile')) {
      const keep = [...receiver.active('PENALTY').keys()];
      await runSql(
        system.databaseUrl,
        `insert into exchange.record_state (kind, key, version, state, subject_uscc, snapshot, changed_at)
         select 'PENALTY', k.key, t.version, 'ACTIVE', t.subject_uscc, jsonb_set(t.snapshot, '{key}', to_jsonb(k.key)), now()
         from (select version, subject_uscc, snapshot from exchange.record_state where kind = 'PENALTY' and state = 'ACTIVE' limit 1) t,
              (select 'bench-' || lpad(g::text, 7, '0') as key from generate_series(1, ${Math.max(0, RECONCILE_RECORDS - keep.length)}) g) k
         on conflict do nothing`,
      );
      await runSql(system.databaseUrl, 'analyze exchange.record_state');
      const rows = (
        await runSql(
          system.databaseUrl,
          `select key, version from exchange.record_state where kind = 'PENALTY' and state = 'ACTIVE' and key like 'bench-%'`,
        )
      ).map((r) => ({ key: String(r.key), version: String(r.version) }));
      for (const r of rows)
        receiver.store.set(`PENALTY:${r.key}`, { version: Number(r.version), state: 'ACTIVE', record: null });
      // 100 records the receiver loses: synthetic ones when there are, else delivered ones.
      const dropped = [...rows.map((r) => r.key), ...keep].slice(0, 100);
      for (const key of dropped) receiver.drop('PENALTY', key);
      const started = Date.now();
      const result = await call<{
        reconcile: { ourCount: number; theirCount: number; missing: unknown[]; resent: number; error: string | null }[];
      }>(
        office,
        'mutation($r: String!) { reconcile(receiver: $r, kind: PENALTY) { ourCount theirCount missing { key } resent error } }',
        { r: CODE },
      );
      const reconcileSeconds = (Date.now() - started) / 1000;
      const [row] = result.reconcile;
      const back = () => dropped.every((k) => receiver.store.get(`PENALTY:${k}`)?.state === 'ACTIVE');
      while (!back() && Date.now() - started < 120_000) await sleep(100);
      console.log(
        JSON.stringify({
          part: 'c-reconciliation',
          records: row.ourCount,
          theirCount: row.theirCount,
          missingFound: row.missing.length,
          resent: row.resent,
          error: row.error,
          reconcileSeconds,
          resentArrivedSeconds: (Date.now() - started) / 1000,
          allResentArrived: back(),
        }),
      );
    }
  } finally {
    await receiver.close();
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
