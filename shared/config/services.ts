/**
 * The services of the system and their default ports: one place for the
 * subgraph indexes, the gateway, the compose script, `npm start` and the
 * docker-compose test.
 */
export const SUBGRAPH_NAMES = [
  'subjects',
  'sanctions',
  'commitments',
  'repairs',
  'reports',
  'evaluations',
  'exchange',
] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** The processes scripts/system.ts starts besides the subgraphs: the gateway, the hall pages and the file ingest (the gateway forwards to the last two). */
export type ServiceName = SubgraphName | 'gateway' | 'hall' | 'ingest';

export const DEFAULT_PORTS: Record<ServiceName, number> = {
  gateway: 4000,
  subjects: 4001,
  sanctions: 4002,
  commitments: 4003,
  repairs: 4004,
  reports: 4005,
  hall: 4006,
  ingest: 4008,
  evaluations: 4009,
  exchange: 4010,
};

/** <NAME>_PORT: where a service listens. */
export function portVariable(service: ServiceName): string {
  return `${service.toUpperCase()}_PORT`;
}

/** <NAME>_URL: where the gateway finds a subgraph. */
export function urlVariable(subgraph: SubgraphName): string {
  return `${subgraph.toUpperCase()}_URL`;
}

export function defaultSubgraphUrl(subgraph: SubgraphName, port: number = DEFAULT_PORTS[subgraph]): string {
  return `http://127.0.0.1:${port}/graphql`;
}

/** GATEWAY_METRICS_PORT: the gateway's internal listener for /metrics (off the public port; 9464 is the OpenTelemetry Prometheus exporter's customary port). */
export const DEFAULT_GATEWAY_METRICS_PORT = 9464;
