/**
 * Upper bounds (seconds) of the project's latency histograms, written once: 5 ms to 10 s
 * (prom-client's own default, named so that one change reaches all). A histogram that needs
 * other bounds adds them beside its definition: the gateway's subgraph fetches add 2 ms (a
 * loopback answer), whole GraphQL operations add 30 s.
 */
export const LATENCY_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
