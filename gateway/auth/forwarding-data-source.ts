import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  DocumentNode,
  GraphQLError,
  GraphQLFormattedError,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
} from 'graphql';
import { CALLER_AUTHORIZATION_HEADER, CALLS_GATEWAY_AS_CALLER } from '../../shared/auth/caller-authorization';
import { INTERNAL_TOKEN_HEADER } from '../../shared/auth/internal-token';
import { PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import { REQUEST_ID_HEADER } from '../../shared/http/request-id';
import type { Logger } from '../../shared/logging/logger';
import type { GatewayContext } from '../guarded-gateway';
import { timedFetcher } from '../metrics/subgraph-fetch';
import { OPERATION_TYPE_HEADER, SubgraphFetcher, SubgraphUnreachableError } from '../transport/subgraph-fetcher';
import type { InternalTokenSigner } from './token-signer';

/** The code of the error that stands for a section whose subgraph could not be reached. */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/** What the gateway's planner must keep in each fetch: its document, from which the data source reads the operation type (willSendRequest). */
export const PLANNER_CONFIG = { exposeDocumentNodeInFetchNode: true };

/** Answers that mean nobody behind the address can answer now (a proxy or the subgraph itself says so). */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** Response names of the fields a fetch selects at its top (an entity fetch: those under `_entities` for this type). */
function topFields(selectionSet: SelectionSetNode, typename?: string): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD)
      return selection.name.value === '__typename' ? [] : [selection.alias?.value ?? selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition?.name.value;
      return on === undefined || typename === undefined || on === typename
        ? topFields(selection.selectionSet, typename)
        : [];
    }
    return [];
  });
}

/**
 * One error per section the fetch would have filled, at that section's path in
 * the subgraph's answer: the gateway maps `_entities.<i>.<field>` and
 * `<rootField>` to the client's path, and the section stays null.
 */
export function unavailableErrors(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  subgraph: string,
): GraphQLFormattedError[] {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) return [];
  const error = (path: (string | number)[]): GraphQLFormattedError => ({
    message: `数据源暂不可用: the ${subgraph} subgraph could not be reached; this part of the answer is missing, not empty`,
    path,
    extensions: { code: SUBGRAPH_UNAVAILABLE, subgraph },
  });
  const entities = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  if (entities?.kind !== Kind.FIELD || !entities.selectionSet)
    return topFields(operation.selectionSet).map((field) => error([field]));
  const representations = Array.isArray(variables?.representations)
    ? (variables.representations as { __typename?: unknown }[])
    : [];
  const selectionSet = entities.selectionSet;
  return representations.flatMap((representation, index) =>
    topFields(selectionSet, typeof representation.__typename === 'string' ? representation.__typename : undefined).map(
      (field) => error(['_entities', index, field]),
    ),
  );
}

/**
 * Sends each subgraph request with the principal, signed for that subgraph
 * alone. A subgraph that cannot be reached answers as if it had failed every
 * field asked of it with SUBGRAPH_UNAVAILABLE: the other sections survive, and
 * neither its address nor a stack leaves the gateway (both are logged here).
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly subgraph: string,
    private readonly signer: InternalTokenSigner,
    fetcher: SubgraphFetcher,
    private readonly logger: Logger,
  ) {
    super({ url, fetcher: timedFetcher(subgraph, fetcher.fetch) });
    this.callsAsCaller = (CALLS_GATEWAY_AS_CALLER as ReadonlySet<string>).has(subgraph);
  }

  /** Only a subgraph that gathers its answer through the gateway as the caller receives the caller's credentials. */
  private readonly callsAsCaller: boolean;

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request, context } = options;
    // Identical queries in flight share an answer (subgraph-fetcher.ts); the planned operation says which requests are queries.
    const operationType =
      'document' in options
        ? options.document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
            ?.operation
        : undefined;
    if (operationType) request.http?.headers.set(OPERATION_TYPE_HEADER, operationType);
    const principal = (context as Partial<GatewayContext> | undefined)?.principal ?? PUBLIC_PRINCIPAL;
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, await this.signer.sign(principal, this.subgraph));
    const { authorization, requestId } = (context as Partial<GatewayContext> | undefined) ?? {};
    if (authorization && this.callsAsCaller) {
      request.http?.headers.set(CALLER_AUTHORIZATION_HEADER, authorization);
      // Its calls back through the gateway carry the same request id: their audit rows sit beside the request's own.
      if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
    }
  }

  /** Apollo's error quotes the subgraph's URL to the client: kept in the log, left out of the answer. */
  override async errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0],
  ): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    if (UNAVAILABLE_STATUSES.has(response.status))
      throw new SubgraphUnreachableError(new URL(response.url).origin, error);
    const { url, ...answer } = (error.extensions.response ?? {}) as Record<string, unknown>;
    this.logger.warn({ subgraph: this.subgraph, url, status: response.status }, 'subgraph refused a request');
    return new GraphQLError(error.message, { extensions: { ...error.extensions, response: answer } });
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      // Only a client's operation has sections to leave out; a health check or schema load fails as before.
      if (!(error instanceof SubgraphUnreachableError) || !('incomingRequestContext' in options)) throw error;
      this.logger.error(
        { err: error, subgraph: this.subgraph, path: options.pathInIncomingRequest },
        'subgraph unavailable',
      );
      const document = options.document ?? parse(options.request.query ?? '{ __typename }');
      return { errors: unavailableErrors(document, options.request.variables, this.subgraph) };
    }
  }
}
