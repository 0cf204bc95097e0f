import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateHeader } from '../../ingest/files/columns';
import { SUBGRAPH_NAMES } from '../../shared/config/services';
import { EVENT_ROUTES } from '../../shared/events/catalogue';
import { REPORT_FIELDS } from '../../shared/reporting/fields';
import { expectData } from '../support/expect-data';
import { gatewayUrl, graphql, servicePort } from '../support/gateway';
import { metricsUrl, Scrape, scrapeMetrics, valueOf } from '../support/metrics';
import { as, tokenFor } from '../support/tokens';

/** The metrics move with real requests through the real processes; the tests of other files run meanwhile, so only growth is asserted, on names of this file's own. */
const HALL_PROFILE = readFileSync(join(__dirname, '..', 'operations', 'hall-profile.graphql'), 'utf8');
const consumedQueues = (subgraph: string) =>
  [...new Set(Object.values(EVENT_ROUTES).flat())].filter((queue) => queue.startsWith(`${subgraph}.`));

describe('metrics', () => {
  it('the gateway serves /metrics on its internal listener only: the public port answers 404', async () => {
    expect((await fetch(`${gatewayUrl()}/metrics`)).status).toBe(404);
    expect((await fetch(`${gatewayUrl()}/health/subgraphs`)).status).toBe(404);
    const scrape = await scrapeMetrics(metricsUrl('gateway'));
    expect(scrape.types.get('gusu_graphql_requests_total')).toBe('counter');
    expect(scrape.samples.find((s) => s.name === 'process_cpu_user_seconds_total')?.labels.service).toBe('gateway');
  });

  it('counts and times a named operation at the gateway, its fetches, and the subgraph operation it caused', async () => {
    const operation = `MetricsProbe${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const [gatewayBefore, subjectsBefore] = await Promise.all([
      scrapeMetrics(metricsUrl('gateway')),
      scrapeMetrics(metricsUrl('subjects')),
    ]);
    const result = await graphql(`query ${operation} { departments { code } }`);
    expect(result.errors).toBeUndefined();
    const [gatewayAfter, subjectsAfter] = await Promise.all([
      scrapeMetrics(metricsUrl('gateway')),
      scrapeMetrics(metricsUrl('subjects')),
    ]);
    const labels = { operation, outcome: 'ok' };
    expect(valueOf(gatewayBefore, 'gusu_graphql_requests_total', labels)).toBe(0);
    expect(valueOf(gatewayAfter, 'gusu_graphql_requests_total', labels)).toBe(1);
    expect(valueOf(gatewayAfter, 'gusu_graphql_request_duration_seconds_count', labels)).toBe(1);
    expect(valueOf(gatewayAfter, 'gusu_graphql_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(1);
    const fetches = (scrape: Scrape) =>
      valueOf(scrape, 'gusu_subgraph_fetch_duration_seconds_count', { subgraph: 'subjects', outcome: 'ok' });
    expect(fetches(gatewayAfter)).toBeGreaterThan(fetches(gatewayBefore));
    // The gateway names the subgraph's operation after the client's (<name>__subjects__0).
    const atSubjects = subjectsAfter.samples.filter(
      (s) => s.name === 'gusu_graphql_requests_total' && s.labels.operation.startsWith(`${operation}__subjects`),
    );
    expect(atSubjects.map((s) => [s.labels.service, s.labels.outcome, s.value])).toEqual([['subjects', 'ok', 1]]);
    expect(valueOf(subjectsBefore, 'gusu_graphql_requests_total', { operation: atSubjects[0].labels.operation })).toBe(
      0,
    );
  });

  it('counts a refused operation by its outcome class, not its code', async () => {
    const operation = `MetricsRefused${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const result = await graphql(`query ${operation} { noSuchField }`);
    expect(result.status).toBe(400);
    const scrape = await scrapeMetrics(metricsUrl('gateway'));
    expect(valueOf(scrape, 'gusu_graphql_requests_total', { operation, outcome: 'client_error' })).toBe(1);
  });

  it('an audited read raises the audit write count', async () => {
    const subject = expectData(
      await graphql<{ publishedList: { nodes: { subject: { uscc: string } }[] } }>(
        '{ publishedList(list: BLACK, first: 1) { nodes { subject { uscc } } } }',
      ),
    ).publishedList.nodes[0].subject;
    const writes = async () =>
      valueOf(await scrapeMetrics(metricsUrl('gateway')), 'gusu_audit_write_duration_seconds_count', { outcome: 'ok' });
    const before = await writes();
    const read = await graphql(
      HALL_PROFILE,
      { uscc: subject.uscc, scenario: 'ADMINISTRATIVE_LICENSING' },
      await as('hall'),
    );
    expect(read.errors).toBeUndefined();
    expect(await writes()).toBeGreaterThan(before);
    expect((await scrapeMetrics(metricsUrl('gateway'))).types.get('gusu_audit_write_failures_total')).toBe('counter');
  });

  it('counts the rows of an uploaded file by outcome (on the ingest process, which applies them)', async () => {
    const rejected = async () =>
      valueOf(await scrapeMetrics(metricsUrl('ingest')), 'gusu_ingest_rows_total', { outcome: 'rejected' });
    const before = await rejected();
    // Two rows with only a party name and a decision number: each is rejected (required fields missing).
    const row = (n: number) =>
      REPORT_FIELDS.penalties
        .map(
          (field) =>
            ({ partyName: '苏州测试指标有限公司', decisionNo: `指标〔2026〕${randomUUID().slice(0, 8)}-${n}号` })[
              field.field as string
            ] ?? '',
        )
        .join(',');
    const csv = `${REPORT_FIELDS.penalties.map(templateHeader).join(',')}\r\n${row(1)}\r\n${row(2)}\r\n`;
    const response = await fetch(`${gatewayUrl()}/ingest/penalties`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('department')}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const answer = (await response.json()) as { counts: { rejected: number; accepted: number } };
    expect([response.status, answer.counts.rejected, answer.counts.accepted]).toEqual([200, 2, 0]);
    expect((await rejected()) - before).toBeGreaterThanOrEqual(2);
  });

  it.each(SUBGRAPH_NAMES.map((name) => [name]))(
    '%s reports the depth and age of each queue it consumes, its pools, and its SQL count',
    async (name) => {
      const scrape = await scrapeMetrics(metricsUrl(name));
      const queues = (metric: string) =>
        scrape.samples
          .filter((s) => s.name === metric)
          .map((s) => s.labels.queue)
          .sort();
      expect(queues('gusu_event_queue_depth')).toEqual(consumedQueues(name).sort());
      expect(queues('gusu_event_queue_oldest_age_seconds')).toEqual(consumedQueues(name).sort());
      for (const sample of scrape.samples.filter((s) => s.name.startsWith('gusu_event_queue_')))
        expect(sample.value).toBeGreaterThanOrEqual(0);
      const pools = scrape.samples
        .filter((s) => s.name === 'gusu_db_pool_connections')
        .map((s) => `${s.labels.pool}:${s.labels.state}`);
      expect(pools.sort()).toEqual([
        'events:free',
        'events:pending',
        'events:used',
        'requests:free',
        'requests:pending',
        'requests:used',
      ]);
      expect(valueOf(scrape, 'gusu_sql_statements_total', { service: name })).toBeGreaterThan(0);
    },
  );

  it('between them, the subgraphs report every queue', async () => {
    const scrapes = await Promise.all(SUBGRAPH_NAMES.map((name) => scrapeMetrics(metricsUrl(name))));
    const reported = scrapes.flatMap((scrape) =>
      scrape.samples.filter((s) => s.name === 'gusu_event_queue_depth').map((s) => s.labels.queue),
    );
    expect(reported.sort()).toEqual([...new Set(Object.values(EVENT_ROUTES).flat())].sort());
  });

  it('a scrape sends no request SQL: the statement count used to prove no N+1 stays still', async () => {
    const statements = async () => valueOf(await scrapeMetrics(metricsUrl('repairs')), 'gusu_sql_statements_total');
    // Other files' requests may reach repairs meanwhile: of three tries, one quiet interval suffices.
    let still = false;
    for (let attempt = 0; attempt < 3 && !still; attempt++) {
      const first = await statements();
      still = (await statements()) === first;
    }
    expect(still).toBe(true);
  });
});

describe('health', () => {
  it.each(['gateway', ...SUBGRAPH_NAMES].map((name) => [name]))(
    '%s answers /health/live and /health/ready (and /health, its alias)',
    async (name) => {
      const base = name === 'gateway' ? gatewayUrl() : `http://127.0.0.1:${servicePort(name)}`;
      const live = await fetch(`${base}/health/live`);
      expect([live.status, await live.json()]).toEqual([200, { status: 'live' }]);
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual(
        name === 'gateway'
          ? { status: 'ready', checks: { supergraph: 'loaded', directory: 'read' } }
          : { status: 'ready', checks: { database: 'ok' } },
      );
      expect((await fetch(`${base}/health`)).status).toBe(200);
    },
  );

  it('a flood of readiness probes costs at most one check a second', async () => {
    const checks = async () => valueOf(await scrapeMetrics(metricsUrl('subjects')), 'gusu_readiness_checks_total');
    await new Promise((done) => setTimeout(done, 1100));
    const before = await checks();
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        fetch(`http://127.0.0.1:${servicePort('subjects')}/health/ready`).then((r) => r.status),
      ),
    );
    const elapsed = Date.now() - started;
    const ran = (await checks()) - before;
    expect(answers.every((status) => status === 200)).toBe(true);
    // Within one second one check, two if the burst straddled the expiry of the cached one.
    expect(ran).toBeGreaterThanOrEqual(1);
    expect(ran).toBeLessThanOrEqual(Math.ceil(elapsed / 1000) + 1);
  });

  it("the gateway's readiness does not ask the subgraphs; the operator view on the metrics listener does", async () => {
    const ports = JSON.parse(process.env.GUSU_PORTS ?? '{}') as Record<string, number>;
    const view = await fetch(`http://127.0.0.1:${ports.gatewayMetrics}/health/subgraphs`);
    expect(view.status).toBe(200);
    expect(await view.json()).toEqual({
      status: 'ok',
      subgraphs: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 'ok'])),
    });
    const readyChecks = async () => valueOf(await scrapeMetrics(metricsUrl('subjects')), 'gusu_readiness_checks_total');
    await new Promise((done) => setTimeout(done, 1100));
    const before = await readyChecks();
    // Three probes, each past the subgraph's one-second cache: a fan-out would have run three checks at subjects.
    for (let i = 0; i < 3; i++) {
      expect((await fetch(`${gatewayUrl()}/health/ready`)).status).toBe(200);
      await new Promise((done) => setTimeout(done, 1100));
    }
    expect((await readyChecks()) - before).toBeLessThan(3);
  });
});
