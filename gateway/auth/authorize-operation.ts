import {
  FieldNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLError,
  GraphQLField,
  isListType,
  isNonNullType,
  Kind,
  SelectionNode,
} from 'graphql';
import { combine, satisfies } from '../../shared/auth/access-rule';
import type { Principal } from '../../shared/auth/principal';
import type { AccessRules } from './supergraph-rules';

/** One step of a response path, with what GraphQL's null propagation needs to know. */
export interface Segment {
  key: string;
  nonNull: boolean;
  itemNonNull: boolean;
}

/** A field removed from the operation: it comes back null; `error` is false for a parent emptied by its children's removal. */
export interface DeniedField {
  segments: Segment[];
  error: boolean;
}

/*
 * Apollo Router's authorization semantics, before planning: every field (and
 * every field returning a type) the principal's scopes do not satisfy is removed
 * from the operation, so it never reaches a subgraph, and answered null with one
 * error per path. The walk that removes them is gateway/operation/operation-walk.ts.
 */

export function segmentOf(node: FieldNode, definition: GraphQLField<unknown, unknown>): Segment {
  const nullable = getNullableType(definition.type);
  return {
    key: node.alias?.value ?? node.name.value,
    nonNull: isNonNullType(definition.type),
    itemNonNull: isListType(nullable) && isNonNullType(nullable.ofType),
  };
}

/** Whether the field's rule, or its type's, refuses the principal. */
export function deniedBy(
  rules: AccessRules,
  parentType: GraphQLCompositeType,
  definition: GraphQLField<unknown, unknown>,
  principal: Principal,
): boolean {
  const rule = combine(
    rules.fields.get(`${parentType.name}.${definition.name}`),
    rules.types.get(getNamedType(definition.type).name),
  );
  return rule !== undefined && !satisfies(principal, rule);
}

/**
 * A selection emptied by removals is only nulled when no kept selection answers
 * under the same key: forgets the removals since `from`, one level below `depth`,
 * that a kept field of the selection answers for.
 */
export function forgetShadowedRemovals(
  denied: DeniedField[],
  from: number,
  depth: number,
  kept: readonly SelectionNode[],
): void {
  const keptKeys = new Set(kept.flatMap((s) => (s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : [])));
  for (let i = denied.length - 1; i >= from; i -= 1) {
    const field = denied[i];
    if (!field.error && field.segments.length === depth + 1 && keptKeys.has(field.segments[depth].key))
      denied.splice(i, 1);
  }
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
