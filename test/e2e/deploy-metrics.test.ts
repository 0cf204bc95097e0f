import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SUBGRAPH_NAMES } from '../../shared/config/services';
import { metricsUrl, scrapeMetrics } from '../support/metrics';

/**
 * Every metric the Grafana dashboard and the alert rules in deploy/ name is
 * exported by the running processes (a renamed metric would leave a panel
 * empty and an alert silent without anyone noticing).
 */
const deploy = join(__dirname, '..', '..', 'deploy');

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const rules = (
  parse(readFileSync(join(deploy, 'prometheus-alerts.yml'), 'utf8')) as {
    groups: { name: string; rules: AlertRule[] }[];
  }
).groups.flatMap((g) => g.rules);
const dashboard = JSON.parse(readFileSync(join(deploy, 'grafana-dashboard.json'), 'utf8')) as {
  panels: { type: string; title: string; targets?: { expr: string }[] }[];
};
const dashboardExprs = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));

/** Our metrics and Node's default ones, as named in PromQL (a histogram by its _bucket, _sum or _count series). */
function metricNames(expressions: string[]): string[] {
  return [
    ...new Set(
      expressions.flatMap((expr) => [...expr.matchAll(/\b((?:gusu|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1])),
    ),
  ].sort();
}

describe('deploy/: the dashboard and the alert rules', () => {
  it('are well formed: each rule an alert with an expression and a severity, each panel with queries', () => {
    expect(rules.length).toBeGreaterThanOrEqual(8);
    for (const rule of rules) {
      expect([rule.alert, typeof rule.expr, rule.labels?.severity]).toEqual([
        rule.alert,
        'string',
        expect.stringMatching(/^(critical|warning)$/),
      ]);
      if (rule.for) expect(rule.for).toMatch(/^\d+[smh]$/);
    }
    const graphs = dashboard.panels.filter((panel) => panel.type === 'timeseries');
    expect(graphs.length).toBeGreaterThanOrEqual(12);
    for (const panel of graphs) expect([panel.title, panel.targets?.length]).toEqual([panel.title, expect.any(Number)]);
  });

  it('name only metrics the running gateway, ingest and subgraphs export', async () => {
    const scrapes = await Promise.all(
      ['gateway', 'ingest', ...SUBGRAPH_NAMES].map((service) => scrapeMetrics(metricsUrl(service))),
    );
    const exported = new Set<string>();
    for (const scrape of scrapes) {
      for (const [family, type] of scrape.types) {
        exported.add(family);
        if (type === 'histogram')
          for (const suffix of ['_bucket', '_sum', '_count']) exported.add(`${family}${suffix}`);
      }
    }
    const named = metricNames([...rules.map((rule) => rule.expr), ...dashboardExprs]);
    // The files do cover each concern: requests, fetches, audit, queues, ingest, pools.
    for (const family of [
      'gusu_graphql_requests_total',
      'gusu_subgraph_fetch_errors_total',
      'gusu_audit_write_failures_total',
      'gusu_event_queue_oldest_age_seconds',
      'gusu_ingest_rows_total',
      'gusu_db_pool_connections',
    ]) {
      expect(named).toContain(family);
    }
    expect(named.filter((name) => !exported.has(name))).toEqual([]);
  });
});
