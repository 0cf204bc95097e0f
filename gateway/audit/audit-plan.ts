import {
  FieldNode,
  getNamedType,
  GraphQLCompositeType,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
  valueFromASTUntyped,
  visit,
} from 'graphql';
import { SCOPES } from '../../shared/auth/policy';
import { hasScope, Principal } from '../../shared/auth/principal';
import { AuditClass } from '../../shared/domain/vocabulary';
import type { AccessRules } from '../auth/supergraph-rules';

/** The response keys the gateway adds to audited selections, and strips again; clients may not use the prefix. */
export const RESERVED_ALIAS_PREFIX = 'gusuAudit';
export const AUDIT_KEY = `${RESERVED_ALIAS_PREFIX}Id`;
const SCREENED_KEY = `${RESERVED_ALIAS_PREFIX}Uscc`;

/** A client alias that could collide with the audit keys, if the operation uses one. */
export function reservedAlias(operation: OperationDefinitionNode): string | null {
  let found: string | null = null;
  visit(operation, {
    Field(node) {
      if (node.alias?.value.startsWith(RESERVED_ALIAS_PREFIX)) found = node.alias.value;
    },
  });
  return found;
}

interface SubjectTarget {
  /** Response keys from the root to the Subject object(s); arrays are walked through. */
  path: string[];
  classes: AuditClass[];
}

interface Screening {
  /** Response key of the screen field at the root. */
  key: string;
  reference: string | null;
}

export interface AuditPlan {
  operation: OperationDefinitionNode;
  subjects: SubjectTarget[];
  screenings: Screening[];
}

function aliased(alias: string, name: string): FieldNode {
  return { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: alias }, name: { kind: Kind.NAME, value: name } };
}

export interface AuditedRead {
  fieldsClass: AuditClass;
  subjectId: string | null;
  uscc: string | null;
  reference: string | null;
}

/** The field names selected directly on a type (through inline fragments). */
function selectedFields(selectionSet: SelectionSetNode): FieldNode[] {
  return selectionSet.selections.flatMap((s: SelectionNode) => (s.kind === Kind.FIELD ? [s] : s.kind === Kind.INLINE_FRAGMENT ? selectedFields(s.selectionSet) : []));
}

/**
 * What an operation reads that must be audited (DESIGN.md, "Audit"): a
 * subject's profile (any protected Subject field), its legal representative's
 * whole ID number (with credit:pii), and every code screened. Subject
 * selections get an id under AUDIT_KEY and screening results their code, so
 * the response says what was read. Takes an operation whose fragments are inlined.
 */
export function planAudit(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  rules: AccessRules,
  principal: Principal,
): AuditPlan {
  const subjects: SubjectTarget[] = [];
  const screenings: Screening[] = [];

  const rewrite = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, path: string[]): SelectionSetNode => {
    const selections = selectionSet.selections.map((selection): SelectionNode => {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        return condition && isCompositeType(condition) ? { ...selection, selectionSet: rewrite(selection.selectionSet, condition, path) } : selection;
      }
      if (selection.kind !== Kind.FIELD || !selection.selectionSet) return selection;
      if (!(isObjectType(parentType) || isInterfaceType(parentType))) return selection;
      const definition = parentType.getFields()[selection.name.value];
      if (!definition) return selection;
      const here = [...path, selection.alias?.value ?? selection.name.value];
      const returnType = getNamedType(definition.type);
      if (!isCompositeType(returnType)) return selection;
      let inner = rewrite(selection.selectionSet, returnType, here);
      if (parentType === schema.getQueryType() && selection.name.value === 'screen') {
        screenings.push({ key: here[0], reference: referenceOf(selection, variables) });
        inner = { ...inner, selections: [...inner.selections, aliased(SCREENED_KEY, 'uscc')] };
      }
      if (returnType.name === 'Subject') {
        const fields = selectedFields(selection.selectionSet);
        const classes: AuditClass[] = [];
        if (fields.some((f) => rules.fields.has(`Subject.${f.name.value}`))) classes.push(AuditClass.PROFILE);
        const representative = fields.filter((f) => f.name.value === 'legalRepresentative' && f.selectionSet);
        if (hasScope(principal, SCOPES.pii) && representative.some((f) => selectedFields(f.selectionSet!).some((g) => g.name.value === 'idNumber'))) {
          classes.push(AuditClass.PII);
        }
        if (classes.length > 0) {
          subjects.push({ path: here, classes });
          inner = { ...inner, selections: [...inner.selections, aliased(AUDIT_KEY, 'id')] };
        }
      }
      return { ...selection, selectionSet: inner };
    });
    return { ...selectionSet, selections };
  };

  const root = schema.getRootType(operation.operation);
  const selectionSet = root ? rewrite(operation.selectionSet, root, []) : operation.selectionSet;
  const rewritten = subjects.length > 0 || screenings.length > 0;
  return { operation: rewritten ? { ...operation, selectionSet } : operation, subjects, screenings };
}

function referenceOf(field: FieldNode, variables: Record<string, unknown>): string | null {
  const node = field.arguments?.find((a) => a.name.value === 'reference');
  const value = node ? valueFromASTUntyped(node.value, variables) : undefined;
  return typeof value === 'string' ? value : null;
}

/** The audited reads in a response; strips the audit keys from it. */
export function auditedReads(plan: AuditPlan, data: Record<string, unknown> | null | undefined): AuditedRead[] {
  const reads = new Map<string, AuditedRead>();
  // Several selections may share a response key: read every target before stripping any key.
  const marked = new Set<Record<string, unknown>>();
  const visit = (value: unknown, path: string[], classes: AuditClass[]): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, path, classes));
    if (value === null || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if (path.length > 0) return visit(object[path[0]], path.slice(1), classes);
    const id = object[AUDIT_KEY];
    marked.add(object);
    if (typeof id !== 'string') return;
    for (const fieldsClass of classes) reads.set(`${fieldsClass}:${id}`, { fieldsClass, subjectId: id, uscc: null, reference: null });
  };
  for (const target of plan.subjects) visit(data, target.path, target.classes);
  for (const object of marked) delete object[AUDIT_KEY];
  // Only codes actually answered count as screened: a refused batch read nothing.
  const screened = plan.screenings.flatMap((screening) => {
    const results = data?.[screening.key];
    if (!Array.isArray(results)) return [];
    return results.flatMap((result: Record<string, unknown> | null) => {
      const uscc = result?.[SCREENED_KEY];
      return typeof uscc === 'string' ? [{ fieldsClass: AuditClass.SCREENING, subjectId: null, uscc, reference: screening.reference }] : [];
    });
  });
  for (const screening of plan.screenings) {
    const results = data?.[screening.key];
    if (Array.isArray(results)) for (const result of results as (Record<string, unknown> | null)[]) if (result) delete result[SCREENED_KEY];
  }
  return [...reads.values(), ...screened];
}
