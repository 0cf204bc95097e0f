import {
  FieldNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';
import type { Principal } from '../../shared/auth/principal';
import { AuditNode, AuditPlan, planField, RESERVED_ALIAS_PREFIX } from '../audit/audit-plan';
import { deniedBy, DeniedField, forgetShadowedRemovals, Segment, segmentOf } from '../auth/authorize-operation';
import type { AccessRules } from '../auth/supergraph-rules';
import { listMultiplier, Measured } from '../limits/limits';

export interface WalkOptions {
  variables: Record<string, unknown>;
  rules: AccessRules;
  /** Whose scopes decide which fields stay; null removes nothing (the audit plan alone, as its unit test reads it). */
  authorizeFor: Principal | null;
  /** Whose reads are audited; null plans no audit (an unauthenticated caller). */
  auditFor: Principal | null;
}

/** What the guard steps need to know about one operation, gathered in one typed pass over it. */
export interface OperationWalk {
  /** Depth, aliases and cost, counting every field asked for (removed ones too). */
  measured: Measured;
  /** The last client alias using the audit keys' prefix, if any. */
  reservedAlias: string | null;
  usesIntrospection: boolean;
  /** The operation to send: unauthorized fields removed, audit keys added; the same object when nothing changed; null when nothing is left. */
  operation: OperationDefinitionNode | null;
  denied: DeniedField[];
  audit: AuditPlan | null;
}

interface Place {
  path: Segment[];
  /** Where this selection's audited reads are planned; null when no audit is planned. */
  audit: AuditNode | null;
  anchored: boolean;
  /** False under a removed field: only measured from there on. */
  kept: boolean;
}

interface Walked {
  depth: number;
  cost: number;
  /** null when removals emptied the selection. */
  selectionSet: SelectionSetNode | null;
}

/**
 * The one walk of an operation whose fragments are inlined (inline-fragments.ts)
 * that feeds the limits, the reserved-alias and introspection checks, the
 * authorization filter (Apollo Router's semantics: unauthorized fields removed,
 * answered null) and the audit plan. Each field's type is resolved once; each
 * concern decides per field in its own module (limits.ts, authorize-operation.ts,
 * audit-plan.ts).
 */
export function walkOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  options: WalkOptions,
): OperationWalk {
  const { rules, variables, authorizeFor, auditFor } = options;
  const denied: DeniedField[] = [];
  let aliases = 0;
  let reservedAlias: string | null = null;
  let usesIntrospection = false;

  const noteNames = (field: FieldNode): void => {
    if (field.alias?.value.startsWith(RESERVED_ALIAS_PREFIX)) reservedAlias = field.alias.value;
    if (field.name.value === '__schema' || field.name.value === '__type') usesIntrospection = true;
  };

  // Below a field the schema does not type (introspection), only the names are checked.
  const noteNamesBelow = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) noteNames(selection);
      if (selection.kind !== Kind.FRAGMENT_SPREAD) noteNamesBelow(selection.selectionSet);
    }
  };

  const walkSelections = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, place: Place): Walked => {
    let depth = 0;
    let cost = 0;
    const selections: SelectionNode[] = [];
    const deniedBefore = denied.length;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const walked = walkField(selection, parentType, place);
        depth = Math.max(depth, walked.depth);
        cost += walked.cost;
        if (walked.field) selections.push(walked.field);
        continue;
      }
      if (selection.kind !== Kind.INLINE_FRAGMENT) continue;
      const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
      if (!condition || !isCompositeType(condition)) {
        noteNamesBelow(selection.selectionSet);
        selections.push(selection);
        continue;
      }
      const inner = walkSelections(selection.selectionSet, condition, place);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
      if (inner.selectionSet)
        selections.push(
          inner.selectionSet === selection.selectionSet
            ? selection
            : { ...selection, selectionSet: inner.selectionSet },
        );
    }
    if (place.kept) forgetShadowedRemovals(denied, deniedBefore, place.path.length, selections);
    const unchanged =
      selections.length === selectionSet.selections.length &&
      selections.every((s, i) => s === selectionSet.selections[i]);
    if (unchanged) return { depth, cost, selectionSet };
    return { depth, cost, selectionSet: selections.length > 0 ? { ...selectionSet, selections } : null };
  };

  const walkField = (
    node: FieldNode,
    parentType: GraphQLCompositeType,
    place: Place,
  ): { depth: number; cost: number; field: FieldNode | null } => {
    if (node.alias) aliases += 1;
    noteNames(node);
    const definition =
      isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[node.name.value] : undefined;
    if (!definition) {
      noteNamesBelow(node.selectionSet);
      return { depth: 1, cost: 1, field: node };
    }
    const returnType = getNamedType(definition.type);
    const multiplier = listMultiplier(
      rules.listSizes.get(`${parentType.name}.${node.name.value}`),
      node,
      isListType(getNullableType(definition.type)),
      variables,
    );
    const here = place.kept ? [...place.path, segmentOf(node, definition)] : place.path;
    const refused = place.kept && authorizeFor !== null && deniedBy(rules, parentType, definition, authorizeFor);
    if (refused) denied.push({ segments: here, error: true });
    const kept = place.kept && !refused;
    const planned =
      kept && place.audit && auditFor
        ? planField(schema, rules, auditFor, variables, {
            parent: place.audit,
            parentType,
            definition,
            node,
            anchored: place.anchored,
          })
        : null;
    if (!node.selectionSet || !isCompositeType(returnType)) {
      planned?.record();
      return { depth: 1, cost: 1, field: kept ? node : null };
    }
    const inner = walkSelections(node.selectionSet, returnType, {
      path: here,
      audit: planned?.child ?? null,
      anchored: planned?.anchored ?? false,
      kept,
    });
    const measured = { depth: 1 + inner.depth, cost: 1 + inner.cost * Math.max(multiplier, 1) };
    if (!kept) return { ...measured, field: null };
    if (!inner.selectionSet) {
      denied.push({ segments: here, error: false });
      return { ...measured, field: null };
    }
    const added = planned?.record() ?? [];
    if (added.length === 0 && inner.selectionSet === node.selectionSet) return { ...measured, field: node };
    return {
      ...measured,
      field: {
        ...node,
        selectionSet: { ...inner.selectionSet, selections: [...inner.selectionSet.selections, ...added] },
      },
    };
  };

  const rootType = schema.getRootType(operation.operation);
  const root: AuditNode | null = auditFor
    ? { key: '', nullable: false, anchor: 'inherited', reads: [], children: [] }
    : null;
  const walked = rootType
    ? walkSelections(operation.selectionSet, rootType, { path: [], audit: root, anchored: false, kept: true })
    : { depth: 0, cost: 0, selectionSet: operation.selectionSet };
  const audited = root !== null && (root.reads.length > 0 || root.children.length > 0);
  const changed = denied.length > 0 || audited;
  return {
    measured: { depth: walked.depth, aliases, cost: walked.cost },
    reservedAlias,
    usesIntrospection,
    operation: !changed ? operation : walked.selectionSet ? { ...operation, selectionSet: walked.selectionSet } : null,
    denied,
    audit: root ? { root } : null,
  };
}
