import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST, GraphQLFormattedError } from 'graphql';
import { Counter, Histogram } from 'prom-client';
import { answeredNothing, RETRYABLE_CODES } from '../graphql/fault-status';
import { LATENCY_BUCKETS } from './buckets';
import { OperationNames } from './operation-names';
import { metricsRegistry } from './registry';

/** ok | partial (data and errors) | client_error | unavailable (a retryable fault: 503) | internal_error. */
export type RequestOutcome = 'ok' | 'partial' | 'client_error' | 'unavailable' | 'internal_error';

const requests = new Counter({
  name: 'gusu_graphql_requests_total',
  help: 'GraphQL operations answered, by operation name and outcome.',
  labelNames: ['operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

const duration = new Histogram({
  name: 'gusu_graphql_request_duration_seconds',
  help: 'Time from the start of a GraphQL operation to its answer, by operation name and outcome.',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [...LATENCY_BUCKETS, 30],
  registers: [metricsRegistry],
});

/** A bounded class of an answer from its (formatted) errors: never the code itself, which a subgraph could invent. */
export function requestOutcome(
  errors: readonly GraphQLFormattedError[] | undefined,
  data: unknown,
  clientCodes: ReadonlySet<string>,
): RequestOutcome {
  if (!errors?.length) return 'ok';
  if (!answeredNothing(errors, data)) return 'partial';
  const codes = errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  if (codes.some((code) => RETRYABLE_CODES.has(code))) return 'unavailable';
  if (codes.some((code) => clientCodes.has(code))) return 'client_error';
  return 'internal_error';
}

/** Counts and times every operation Apollo answers (requests refused before Apollo — a bad token, an oversized body — are not operations). */
export function graphqlMetricsPlugin<TContext extends object>(
  clientCodes: ReadonlySet<string>,
): ApolloServerPlugin<TContext> {
  const names = new OperationNames();
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName, document, request }) {
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const outcome = single ? requestOutcome(single.errors, single.data, clientCodes) : 'ok';
          // An operation refused by validation was never resolved: its name is read from the parsed document.
          const name =
            operationName ?? (document ? getOperationAST(document, request.operationName)?.name?.value : undefined);
          const labels = { operation: names.label(name), outcome };
          requests.inc(labels);
          duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
