import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
} from '@apollo/server-gateway-interface';
import type { GraphQLError, OperationDefinitionNode } from 'graphql';
import type { Principal } from '../../shared/auth/principal';
import type { GatewayContext, GuardOptions } from '../guarded-gateway';
import { inlineFragments } from '../operation/inline-fragments';
import { OperationWalk, walkOperation } from '../operation/operation-walk';

export type ResponseData = Record<string, unknown>;

/** One operation on its way through the guard steps (steps.ts): what the steps before have found. */
export class GuardedRequest {
  /** The variables as execution will see them (defaults applied), once the variables step has coerced them. */
  variables: Record<string, unknown> = {};
  /** One per field removed as unauthorized. */
  errors: GraphQLError[] = [];
  /** The executor's result, with removed fields nulled in `data`, once the operation ran. */
  result: GatewayExecutionResult = {};
  data: ResponseData | null = null;

  private inlinedOperation?: OperationDefinitionNode;
  private walked?: OperationWalk;

  constructor(
    readonly context: GatewayGraphQLRequestContext<GatewayContext>,
    readonly operation: OperationDefinitionNode,
    readonly executor: GatewayExecutor,
    readonly options: GuardOptions,
  ) {}

  get principal(): Principal {
    return this.context.context.principal;
  }

  /** The operation with its named fragments inlined, so that every place of use can be rewritten on its own. */
  get inlined(): OperationDefinitionNode {
    this.inlinedOperation ??= inlineFragments(this.context.document, this.operation);
    return this.inlinedOperation;
  }

  /** The one walk of the operation that the limits, alias, introspection, authorization and audit steps read (after the variables step). */
  get walk(): OperationWalk {
    this.walked ??= walkOperation(this.context.schema, this.inlined, {
      variables: this.variables,
      rules: this.options.rules,
      authorizeFor: this.principal,
      auditFor: this.principal.authenticated ? this.principal : null,
    });
    return this.walked;
  }
}

export const CONTINUE = Symbol('continue');
export type StepOutcome = GatewayExecutionResult | typeof CONTINUE;

/** One check or action of the guard: it answers the request, or lets the next step continue. */
export interface GuardStep {
  readonly name: string;
  run(request: GuardedRequest): StepOutcome | Promise<StepOutcome>;
}
