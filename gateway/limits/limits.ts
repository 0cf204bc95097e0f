import {
  FieldNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLError,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

/** What one operation may ask for. Each rejection carries its own code. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  /** Fields counted, lists multiplied by the size they ask for (`first`, the `usccs` given). */
  maxCost: number;
}

/** A list field without a size argument is assumed to return this many items. */
const ASSUMED_LIST_SIZE = 5;
/** Size arguments: connections page with `first`; screening takes a list of codes. */
const SIZE_ARGUMENTS = ['first', 'usccs'];
const DEFAULT_FIRST = 20;

function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

interface Measured {
  depth: number;
  aliases: number;
  cost: number;
}

/** Measures depth, aliases and cost of an operation whose fragments are inlined. */
export function measureOperation(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): Measured {
  let aliases = 0;
  const listSize = (node: FieldNode): number | null => {
    for (const argument of node.arguments ?? []) {
      if (!SIZE_ARGUMENTS.includes(argument.name.value)) continue;
      const value = valueFromASTUntyped(argument.value, variables);
      if (Array.isArray(value)) return value.length;
      if (typeof value === 'number') return value;
    }
    return null;
  };
  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType): { depth: number; cost: number } => {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases += 1;
        const definition = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[selection.name.value] : undefined;
        let childDepth = 0;
        let childCost = 0;
        const returnType = definition ? getNamedType(definition.type) : undefined;
        if (selection.selectionSet && returnType && isCompositeType(returnType)) {
          ({ depth: childDepth, cost: childCost } = walk(selection.selectionSet, returnType));
        }
        const isList = definition ? isListType(getNullableType(definition.type)) : false;
        const explicit = listSize(selection);
        const multiplier = explicit ?? (isList ? ASSUMED_LIST_SIZE : selection.arguments?.some((a) => a.name.value === 'first') ? DEFAULT_FIRST : 1);
        depth = Math.max(depth, 1 + childDepth);
        cost += 1 + childCost * Math.max(multiplier, 1);
        continue;
      }
      if (selection.kind !== Kind.INLINE_FRAGMENT) continue;
      const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
      if (!condition || !isCompositeType(condition)) continue;
      const inner = walk(selection.selectionSet, condition);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
    return { depth, cost };
  };
  const root = schema.getRootType(operation.operation);
  const { depth, cost } = root ? walk(operation.selectionSet, root) : { depth: 0, cost: 0 };
  return { depth, aliases, cost };
}

/** The first limit the operation exceeds, as the error to answer with; null when within all. */
export function checkLimits(measured: Measured, limits: OperationLimits): GraphQLError | null {
  if (measured.depth > limits.maxDepth) {
    return limitError('QUERY_TOO_DEEP', `operation depth ${measured.depth} exceeds the limit of ${limits.maxDepth}`);
  }
  if (measured.aliases > limits.maxAliases) {
    return limitError('TOO_MANY_ALIASES', `operation uses ${measured.aliases} aliases; the limit is ${limits.maxAliases}`);
  }
  if (measured.cost > limits.maxCost) {
    return limitError('QUERY_TOO_COMPLEX', `operation cost ${measured.cost} exceeds the limit of ${limits.maxCost}`);
  }
  return null;
}
