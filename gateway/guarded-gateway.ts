import { createHash } from 'node:crypto';
import type { ApolloGateway } from '@apollo/gateway';
import type {
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import { FragmentDefinitionNode, GraphQLError, Kind, print, visit } from 'graphql';
import type { Principal } from '../shared/auth/principal';
import { authorizeOperation, nullDeniedFields, unauthorizedErrors } from './auth/authorize-operation';
import type { AccessRules } from './auth/supergraph-rules';
import { checkLimits, measureOperation, OperationLimits } from './limits/limits';

export interface GatewayContext {
  principal: Principal;
}

export interface GuardOptions {
  rules: AccessRules;
  limits: OperationLimits;
  /** Reject the whole operation instead of removing unauthorized fields. */
  rejectUnauthorized: boolean;
  /** Introspection only for authenticated principals (production). */
  introspectionNeedsAuthentication: boolean;
}

function usesIntrospection(context: GatewayGraphQLRequestContext): boolean {
  let found = false;
  visit(context.document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * The Apollo gateway with the checks the Node gateway lacks, run on every
 * operation before planning: limits, then authorization with Router semantics
 * (unauthorized fields removed, answered null with one error per path).
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

  private async execute(context: GatewayGraphQLRequestContext<GatewayContext>, executor: GatewayExecutor) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const measured = measureOperation(context.schema, context.operation, fragments, context.request.variables ?? {});
    const exceeded = checkLimits(measured, this.options.limits);
    if (exceeded) return { errors: [exceeded] };

    const principal = context.context.principal;
    if (this.options.introspectionNeedsAuthentication && !principal.authenticated && usesIntrospection(context)) {
      return { errors: [new GraphQLError('introspection needs an authenticated caller', { extensions: { code: 'FORBIDDEN' } })] };
    }

    const authorized = authorizeOperation(context.schema, context.document, context.operation, this.options.rules, principal);
    if (authorized.denied.length === 0) return executor(context);
    const errors = unauthorizedErrors(authorized.denied);
    if (this.options.rejectUnauthorized) return { errors };
    if (!authorized.document) return { data: nullDeniedFields(undefined, authorized.denied), errors };

    const document = authorized.document;
    const operation = document.definitions[0];
    const result = await executor({
      ...context,
      document,
      operation: operation.kind === Kind.OPERATION_DEFINITION ? operation : context.operation,
      // The query-plan cache is keyed by this hash: the filtered operation plans differently.
      queryHash: createHash('sha256').update(print(document)).digest('hex'),
    });
    return {
      ...result,
      data: nullDeniedFields(result.data as Record<string, unknown> | null | undefined, authorized.denied),
      errors: [...errors, ...(result.errors ?? [])],
    };
  }
}
