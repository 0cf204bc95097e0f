import { createHash } from 'node:crypto';
import type { ApolloGateway } from '@apollo/gateway';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import { getVariableValues, GraphQLError, Kind, OperationDefinitionNode, print, visit } from 'graphql';
import type { Principal } from '../shared/auth/principal';
import { checkOperationInputs } from '../shared/graphql/input-limits';
import type { Logger } from '../shared/logging/logger';
import { auditedReads, planAudit, RESERVED_ALIAS_PREFIX, reservedAlias, stripAuditKeys, withholdAudited } from './audit/audit-plan';
import type { AuditRecorder } from './audit/recorder';
import { authorizeOperation, nullDeniedFields, unauthorizedErrors } from './auth/authorize-operation';
import type { AccessRules } from './auth/supergraph-rules';
import { checkLimits, measureOperation, OperationLimits } from './limits/limits';
import { expandedSelectionCount, inlineFragments, singleOperationDocument } from './operation/inline-fragments';

/** Selections an operation may have with its fragments expanded. */
const MAX_EXPANDED_SELECTIONS = 20_000;

export interface GatewayContext {
  principal: Principal;
  requestId: string;
  /** Why the caller reads (x-purpose header), for the audit log. */
  purpose: string | null;
  /** The caller's Authorization header as received, passed on only to subgraphs that call the gateway as the caller (shared/auth/caller-authorization.ts). */
  authorization: string | null;
}

export interface GuardOptions {
  rules: AccessRules;
  limits: OperationLimits;
  /** Reject the whole operation instead of removing unauthorized fields. */
  rejectUnauthorized: boolean;
  /** Introspection only for authenticated principals (production). */
  introspectionNeedsAuthentication: boolean;
  recordAudit: AuditRecorder;
  logger: Logger;
}

function noOperation(context: GatewayGraphQLRequestContext<GatewayContext>): GraphQLError {
  const names = context.document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const wanted = context.request.operationName;
  const message = wanted
    ? `no operation named '${wanted.slice(0, 100)}' in the document`
    : `the document has ${names.length} operations: say which one to run with operationName`;
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
}

function usesIntrospection(operation: OperationDefinitionNode): boolean {
  let found = false;
  visit(operation, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * The Apollo gateway with the checks the Node gateway lacks, run on every
 * operation before planning: limits; authorization with Router semantics
 * (unauthorized fields removed, answered null with one error per path); and
 * the audit of what an authenticated caller read, recorded before it is answered.
 */
export class GuardedGateway implements GatewayInterface {
  constructor(
    private readonly inner: ApolloGateway,
    private readonly options: GuardOptions,
  ) {}

  async load(options: Parameters<GatewayInterface['load']>[0]): Promise<GatewayLoadResult> {
    const { executor } = await this.inner.load(options);
    if (!executor) return { executor };
    return { executor: (context) => this.execute(context as GatewayGraphQLRequestContext<GatewayContext>, executor) };
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback) {
    return this.inner.onSchemaLoadOrUpdate(callback);
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  private async execute(context: GatewayGraphQLRequestContext<GatewayContext>, executor: GatewayExecutor): Promise<GatewayExecutionResult> {
    // Apollo Server calls the executor even when no operation matches; it answers the error as a 400.
    if (!context.operation) return { errors: [noOperation(context)] };
    const selections = expandedSelectionCount(context.document, context.operation);
    if (selections > MAX_EXPANDED_SELECTIONS) {
      return { errors: [new GraphQLError(`operation expands to ${selections} selections; the limit is ${MAX_EXPANDED_SELECTIONS}`, { extensions: { code: 'QUERY_TOO_COMPLEX' } })] };
    }
    // Sizes given as variables count with their defaults, as execution will see them.
    const coerced = getVariableValues(context.schema, context.operation.variableDefinitions ?? [], context.request.variables ?? {}, { maxErrors: 5 });
    // Nothing runs on variables that do not fit their types (a 400, as for any other refused input).
    if (coerced.errors) return { errors: coerced.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } })) };
    const variables = coerced.coerced;
    const inlined = inlineFragments(context.document, context.operation);
    const badInput = checkOperationInputs(context.schema, context.document, inlined, variables);
    if (badInput) return { errors: [badInput] };
    const exceeded = checkLimits(measureOperation(context.schema, inlined, variables), this.options.limits);
    if (exceeded) return { errors: [exceeded] };

    const alias = reservedAlias(inlined);
    if (alias) return { errors: [new GraphQLError(`the alias prefix '${RESERVED_ALIAS_PREFIX}' is reserved (${alias})`, { extensions: { code: 'BAD_USER_INPUT', argument: alias } })] };

    const { principal } = context.context;
    if (this.options.introspectionNeedsAuthentication && !principal.authenticated && usesIntrospection(inlined)) {
      return { errors: [new GraphQLError('introspection needs an authenticated caller', { extensions: { code: 'FORBIDDEN' } })] };
    }

    const authorized = authorizeOperation(context.schema, inlined, this.options.rules, principal);
    const errors = unauthorizedErrors(authorized.denied);
    if (errors.length > 0 && this.options.rejectUnauthorized) return { errors };
    if (!authorized.operation) return { data: nullDeniedFields(undefined, authorized.denied), errors };

    const audit = principal.authenticated ? planAudit(context.schema, authorized.operation, variables, this.options.rules, principal) : null;
    const operation = audit?.operation ?? authorized.operation;
    const rewritten = operation !== context.operation;
    const document = rewritten ? singleOperationDocument(operation) : context.document;
    const result = await executor({
      ...context,
      document,
      operation,
      // The query-plan cache is keyed by this hash: a rewritten operation plans differently.
      queryHash: rewritten ? createHash('sha256').update(print(document)).digest('hex') : context.queryHash,
    });
    const data = nullDeniedFields(result.data as Record<string, unknown> | null | undefined, authorized.denied);
    if (audit) {
      const reads = auditedReads(audit, data);
      stripAuditKeys(audit, data);
      if (reads.length > 0) {
        try {
          await this.options.recordAudit(reads, { principal, requestId: context.context.requestId, purpose: context.context.purpose, operationName: context.operationName });
        } catch (error) {
          this.options.logger.error({ err: error, requestId: context.context.requestId }, 'audit log unavailable');
          const auditError = (path?: (string | number)[]) =>
            new GraphQLError('the audit log is unavailable; what must be audited is withheld; try again later', { path, extensions: { code: 'AUDIT_UNAVAILABLE', http: { status: 503 } } });
          // Nothing audited is answered unaudited. A query is withheld whole; a mutation has happened and
          // keeps its write, but each audited value it answers comes back null with the error beside it.
          if (operation.operation !== 'mutation') return { errors: [auditError()] };
          const withheld = withholdAudited(audit, data);
          if (withheld.whole) return { data: null, errors: [...errors, auditError()] };
          return { ...result, data, errors: [...errors, ...(result.errors ?? []), ...withheld.paths.map((path) => auditError(path))] };
        }
      }
    }
    return errors.length === 0 && data === result.data ? result : { ...result, data, errors: [...errors, ...(result.errors ?? [])] };
  }
}
