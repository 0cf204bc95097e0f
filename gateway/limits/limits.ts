import { FieldNode, GraphQLError, valueFromASTUntyped } from 'graphql';
import type { ListSize } from '../../shared/graphql/sized-by';

/** What one operation may ask for. Each rejection carries its own code. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  /** Fields counted, lists multiplied by the size they ask for (the argument their @sizedBy names). */
  maxCost: number;
}

/** A list field that declares no size, or is not given one, is assumed to return this many items. */
const ASSUMED_LIST_SIZE = 5;

function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

export interface Measured {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * How many times a field's selection counts: the size its @sizedBy argument asks
 * for (a number, or a list's length); else a list's assumed size; else, for a
 * page whose size is given as null, the page the field declares it assumes.
 */
export function listMultiplier(
  declared: ListSize | undefined,
  node: FieldNode,
  isList: boolean,
  variables: Record<string, unknown>,
): number {
  const argument = declared ? node.arguments?.find((a) => a.name.value === declared.argument) : undefined;
  const value = argument ? valueFromASTUntyped(argument.value, variables) : undefined;
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'number') return value;
  if (isList) return ASSUMED_LIST_SIZE;
  return argument && declared?.assumedSize ? declared.assumedSize : 1;
}

/** The first limit the operation exceeds, as the error to answer with; null when within all. */
export function checkLimits(measured: Measured, limits: OperationLimits): GraphQLError | null {
  if (measured.depth > limits.maxDepth) {
    return limitError('QUERY_TOO_DEEP', `operation depth ${measured.depth} exceeds the limit of ${limits.maxDepth}`);
  }
  if (measured.aliases > limits.maxAliases) {
    return limitError(
      'TOO_MANY_ALIASES',
      `operation uses ${measured.aliases} aliases; the limit is ${limits.maxAliases}`,
    );
  }
  if (measured.cost > limits.maxCost) {
    return limitError('QUERY_TOO_COMPLEX', `operation cost ${measured.cost} exceeds the limit of ${limits.maxCost}`);
  }
  return null;
}
