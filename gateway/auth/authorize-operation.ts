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
  isNonNullType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';
import { combine, satisfies } from '../../shared/auth/access-rule';
import type { Principal } from '../../shared/auth/principal';
import type { AccessRules } from './supergraph-rules';

/** One step of a response path, with what GraphQL's null propagation needs to know. */
interface Segment {
  key: string;
  nonNull: boolean;
  itemNonNull: boolean;
}

/** A field removed from the operation: it comes back null; `error` is false for a parent emptied by its children's removal. */
export interface DeniedField {
  segments: Segment[];
  error: boolean;
}

export interface AuthorizedOperation {
  /** The operation with every unauthorized field removed; null when nothing is left. */
  operation: OperationDefinitionNode | null;
  denied: DeniedField[];
}

/**
 * Apollo Router's authorization semantics, before planning: remove every field
 * (and every field returning a type) the principal's scopes do not satisfy.
 * Unauthorized fields therefore never reach a subgraph. Takes an operation
 * whose fragments are inlined (inline-fragments.ts).
 */
export function authorizeOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  rules: AccessRules,
  principal: Principal,
): AuthorizedOperation {
  const denied: DeniedField[] = [];

  const filter = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, path: Segment[]): SelectionSetNode | null => {
    const kept: SelectionNode[] = [];
    const deniedBefore = denied.length;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = filterField(selection, parentType, path);
        if (field) kept.push(field);
        continue;
      }
      if (selection.kind !== Kind.INLINE_FRAGMENT) continue;
      const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
      if (!condition || !isCompositeType(condition)) continue;
      const inner = filter(selection.selectionSet, condition, path);
      if (inner) kept.push({ ...selection, selectionSet: inner });
    }
    // A selection emptied by removals is only nulled when no kept selection answers under the same key.
    const keptKeys = new Set(kept.flatMap((s) => (s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : [])));
    for (let i = denied.length - 1; i >= deniedBefore; i -= 1) {
      const field = denied[i];
      if (!field.error && field.segments.length === path.length + 1 && keptKeys.has(field.segments[path.length].key)) denied.splice(i, 1);
    }
    return kept.length > 0 ? { ...selectionSet, selections: kept } : null;
  };

  const filterField = (node: FieldNode, parentType: GraphQLCompositeType, path: Segment[]): FieldNode | null => {
    const name = node.name.value;
    if (name.startsWith('__') || !(isObjectType(parentType) || isInterfaceType(parentType))) return node;
    const definition = parentType.getFields()[name];
    if (!definition) return node;
    const returnType = getNamedType(definition.type);
    const nullable = getNullableType(definition.type);
    const segment: Segment = {
      key: node.alias?.value ?? name,
      nonNull: isNonNullType(definition.type),
      itemNonNull: isListType(nullable) && isNonNullType(nullable.ofType),
    };
    const here = [...path, segment];
    const rule = combine(rules.fields.get(`${parentType.name}.${name}`), rules.types.get(returnType.name));
    if (rule && !satisfies(principal, rule)) {
      denied.push({ segments: here, error: true });
      return null;
    }
    if (!node.selectionSet || !isCompositeType(returnType)) return node;
    const selectionSet = filter(node.selectionSet, returnType, here);
    if (!selectionSet) {
      denied.push({ segments: here, error: false });
      return null;
    }
    return { ...node, selectionSet };
  };

  const rootType = schema.getRootType(operation.operation);
  const selectionSet = rootType ? filter(operation.selectionSet, rootType, []) : null;
  if (denied.length === 0) return { operation, denied };
  return { operation: selectionSet ? { ...operation, selectionSet } : null, denied };
}

export function unauthorizedErrors(denied: DeniedField[]): GraphQLError[] {
  return denied
    .filter((field) => field.error)
    .map(
      (field) =>
        new GraphQLError('Unauthorized field or type', {
          path: field.segments.map((s) => s.key),
          extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' },
        }),
    );
}

type Data = Record<string, unknown>;

/** Puts null where each removed field was, propagating through non-null fields as GraphQL does. Returns the new data. */
export function nullDeniedFields(data: Data | null | undefined, denied: DeniedField[]): Data | null {
  const root: Data | null = data ?? {};
  if (data === null) return null;
  for (const field of denied) {
    if (nullInObject(root, field.segments, 0)) return null;
  }
  return root;
}

/** Returns true when `object` itself must become null (a non-null field in it was nulled). */
function nullInObject(object: Data, segments: Segment[], index: number): boolean {
  const segment = segments[index];
  if (index === segments.length - 1 || nullInValue(object[segment.key], segment, segments, index + 1)) {
    object[segment.key] = null;
    return segment.nonNull;
  }
  return false;
}

function nullInValue(value: unknown, segment: Segment, segments: Segment[], index: number): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) {
    let listBecomesNull = false;
    value.forEach((item, position) => {
      if (!nullInValue(item, segment, segments, index)) return;
      if (segment.itemNonNull) listBecomesNull = true;
      else value[position] = null;
    });
    return listBecomesNull;
  }
  return typeof value === 'object' ? nullInObject(value as Data, segments, index) : false;
}
