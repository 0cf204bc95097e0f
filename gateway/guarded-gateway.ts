import type { ApolloGateway } from '@apollo/gateway';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import { GraphQLError, Kind, OperationDefinitionNode } from 'graphql';
import type { Principal } from '../shared/auth/principal';
import type { Logger } from '../shared/logging/logger';
import type { AuditRecorder } from './audit/recorder';
import type { AccessRules } from './auth/supergraph-rules';
import type { OperationLimits } from './limits/limits';
import { GuardedRequest } from './steps/guarded-request';
import { GUARD_STEPS, runSteps } from './steps/steps';

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
  const names = context.document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const wanted = context.request.operationName;
  const message = wanted
    ? `no operation named '${wanted.slice(0, 100)}' in the document`
    : `the document has ${names.length} operations: say which one to run with operationName`;
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
}

/** The private method of ApolloGateway's executor that coerces the variables again, only to report their errors. */
interface VariableValidation {
  validateIncomingRequest?: (...args: unknown[]) => readonly GraphQLError[];
}

/**
 * Our executor is the only caller of the inner one, and only after the variables step (steps/variables.ts) has
 * coerced the same variables against the same schema and answered any error with a 400. Apollo's own coercion
 * before planning would find nothing and cost as much again: for a batch of 1,000 records about a third of the
 * gateway's CPU. A version without the method keeps its coercion (warned), never loses ours.
 */
function skipSecondVariableCoercion(inner: ApolloGateway, logger: Logger): void {
  const gateway = inner as unknown as VariableValidation;
  if (typeof gateway.validateIncomingRequest !== 'function') {
    logger.warn('ApolloGateway has no validateIncomingRequest: the variables are coerced twice');
    return;
  }
  gateway.validateIncomingRequest = () => [];
}

/**
 * The Apollo gateway with the checks the Node gateway lacks, run on every
 * operation as an ordered list of steps (steps/steps.ts): limits; authorization
 * with Router semantics (unauthorized fields removed, answered null with one
 * error per path); and the audit of what an authenticated caller read, recorded
 * before it is answered.
 */
export class GuardedGateway implements GatewayInterface {
  constructor(
    private readonly inner: ApolloGateway,
    private readonly options: GuardOptions,
  ) {
    skipSecondVariableCoercion(inner, options.logger);
  }

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

  private async execute(
    context: GatewayGraphQLRequestContext<GatewayContext>,
    executor: GatewayExecutor,
  ): Promise<GatewayExecutionResult> {
    // Apollo Server calls the executor even when no operation matches; it answers the error as a 400.
    if (!context.operation) return { errors: [noOperation(context)] };
    return runSteps(GUARD_STEPS, new GuardedRequest(context, context.operation, executor, this.options));
  }
}
