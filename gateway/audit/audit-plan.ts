import {
  FieldNode,
  getNamedType,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  Kind,
  SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import { AccessRule, combine, satisfies } from '../../shared/auth/access-rule';
import { Principal, PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import { AuditClass } from '../../shared/domain/vocabulary';
import type { AccessRules } from '../auth/supergraph-rules';

/** The response keys the gateway adds to audited selections, and strips again; clients may not use the prefix. */
export const RESERVED_ALIAS_PREFIX = 'gusuAudit';
export const AUDIT_KEY = `${RESERVED_ALIAS_PREFIX}Id`;
const SUBJECT_KEY = `${RESERVED_ALIAS_PREFIX}Subject`;
const SCREENED_KEY = `${RESERVED_ALIAS_PREFIX}Uscc`;
const SUBJECT_TYPE = 'Subject';

/** How the objects of a selection name the subject they belong to. */
type Anchor = 'self' | 'subject' | 'inherited';

interface AuditedField {
  /** Response key of the audited field within its object. */
  key: string;
  fieldsClass: AuditClass;
  /** Withholding the field (a mutation whose audit failed) may set it to null. */
  nullable: boolean;
  /** The value names its own subject (a Subject, or a type with `subject`): the read is recorded there, under it. */
  recordedBelow: boolean;
}

/** One selection of the operation that holds audited fields, or leads to one. */
export interface AuditNode {
  /** Response key of the field leading here (empty at the root). */
  key: string;
  /** The field leading here may be null (so withholding may null it). */
  nullable: boolean;
  anchor: Anchor;
  reads: AuditedField[];
  /** The objects here are themselves an audited read (a protected type, reached from where no subject is known). */
  ownRead?: AuditClass;
  children: AuditNode[];
  /** A root `screen` field: its results' codes are recorded as screened. */
  screening?: { reference: string | null };
}

export interface AuditPlan {
  root: AuditNode;
}

export interface AuditedRead {
  fieldsClass: AuditClass;
  subjectId: string | null;
  uscc: string | null;
  reference: string | null;
}

function aliased(alias: string, name: string, selectionSet?: SelectionSetNode): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: alias },
    name: { kind: Kind.NAME, value: name },
    selectionSet,
  };
}

const SUBJECT_ID: SelectionSetNode = {
  kind: Kind.SELECTION_SET,
  selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'id' } }],
};

function ruleOf(
  rules: AccessRules,
  parent: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
): AccessRule | undefined {
  return combine(rules.fields.get(`${parent.name}.${field.name}`), rules.types.get(getNamedType(field.type).name));
}

/**
 * What reading this field must leave in the audit log, if anything: derived from
 * the supergraph, not from a list. A field (or the type it returns) whose rule
 * needs more than the public holds is audited for whoever reads it; a field
 * declared @audited (a data-dependent reveal: an unmasked name, a whole ID
 * number, watch-list entries) is audited for callers holding the scopes that
 * make it reveal more. Root mutation fields are writes, not reads: what they
 * answer is audited field by field below them.
 */
function auditClassOf(
  rules: AccessRules,
  parent: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  principal: Principal,
): AuditClass | null {
  const declared = rules.audited.get(`${parent.name}.${field.name}`);
  if (declared && satisfies(principal, { authenticated: true, scopes: declared.scopes })) return declared.auditClass;
  const rule = ruleOf(rules, parent, field);
  return rule && !satisfies(PUBLIC_PRINCIPAL, rule) ? AuditClass.PROFILE : null;
}

/** What a root mutation field answers is a read when its type is protected (a repair case), whatever the mutation's own rule. */
function mutationAnswerClassOf(rules: AccessRules, field: GraphQLField<unknown, unknown>): AuditClass | null {
  const rule = rules.types.get(getNamedType(field.type).name);
  return rule && !satisfies(PUBLIC_PRINCIPAL, rule) ? AuditClass.PROFILE : null;
}

function anchorOf(type: GraphQLCompositeType): Anchor {
  if (type.name === SUBJECT_TYPE) return 'self';
  const subject = isObjectType(type) || isInterfaceType(type) ? type.getFields().subject : undefined;
  return subject && getNamedType(subject.type).name === SUBJECT_TYPE ? 'subject' : 'inherited';
}

/** One kept field of the operation, where the walk (gateway/operation/operation-walk.ts) meets it. */
export interface FieldPlace {
  parent: AuditNode;
  parentType: GraphQLCompositeType;
  definition: GraphQLField<unknown, unknown>;
  node: FieldNode;
  /** A subject is already known above. */
  anchored: boolean;
}

export interface PlannedField {
  /** Where the field's own selection is planned. */
  child: AuditNode;
  /** Whether a subject is known within the field's selection. */
  anchored: boolean;
  /** Once its selection is planned: records the field's read in its parent and returns the keys its selection gains. */
  record(): FieldNode[];
}

/**
 * Plans the audit of one field an authenticated caller keeps: whether it is
 * audited, and under which subject. Its selection gains the keys that name the
 * subject — a Subject's id, or `subject { id }` on a type that has one — and
 * each screening result its code.
 */
export function planField(
  schema: GraphQLSchema,
  rules: AccessRules,
  principal: Principal,
  variables: Record<string, unknown>,
  place: FieldPlace,
): PlannedField {
  const { parent, parentType, definition, node, anchored } = place;
  const key = node.alias?.value ?? node.name.value;
  const screen = parentType === schema.getQueryType() && node.name.value === 'screen';
  // A screening is recorded per code screened (SCREENING), not as a profile read.
  const auditClass = screen
    ? null
    : parentType === schema.getMutationType()
      ? mutationAnswerClassOf(rules, definition)
      : auditClassOf(rules, parentType, definition, principal);
  const returned = getNamedType(definition.type);
  const composite = node.selectionSet !== undefined && isCompositeType(returned);
  const anchor = isCompositeType(returned) ? anchorOf(returned) : 'inherited';
  // Where no subject is known yet (the root, a statistics type), a value that names its own is recorded under it.
  const recordedBelow = !anchored && anchor !== 'inherited' && node.selectionSet !== undefined;
  const child: AuditNode = { key, nullable: !isNonNullType(definition.type), anchor, reads: [], children: [] };
  if (auditClass && recordedBelow) child.ownRead = auditClass;
  if (screen) child.screening = { reference: referenceOf(node, variables) };
  const record = (): FieldNode[] => {
    if (auditClass)
      parent.reads.push({ key, fieldsClass: auditClass, nullable: !isNonNullType(definition.type), recordedBelow });
    const audited =
      child.reads.length > 0 ||
      child.children.length > 0 ||
      child.screening !== undefined ||
      child.ownRead !== undefined;
    if (!composite || !audited) return [];
    parent.children.push(child);
    return [
      ...(child.anchor === 'self' ? [aliased(AUDIT_KEY, 'id')] : []),
      ...(child.anchor === 'subject' ? [aliased(SUBJECT_KEY, 'subject', SUBJECT_ID)] : []),
      ...(child.screening ? [aliased(SCREENED_KEY, 'uscc')] : []),
    ];
  };
  return { child, anchored: anchored || anchor !== 'inherited', record };
}

function referenceOf(field: FieldNode, variables: Record<string, unknown>): string | null {
  const node = field.arguments?.find((a) => a.name.value === 'reference');
  const value = node ? valueFromASTUntyped(node.value, variables) : undefined;
  return typeof value === 'string' ? value : null;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every object a node's selection answered, with its response path and the subject it belongs to. */
function walk(
  node: AuditNode,
  value: unknown,
  path: (string | number)[],
  inherited: string | null,
  visitor: (node: AuditNode, object: JsonObject, path: (string | number)[], subjectId: string | null) => void,
): void {
  if (Array.isArray(value))
    return value.forEach((item, index) => walk(node, item, [...path, index], inherited, visitor));
  if (!isObject(value)) return;
  const own =
    node.anchor === 'self'
      ? value[AUDIT_KEY]
      : node.anchor === 'subject' && isObject(value[SUBJECT_KEY])
        ? (value[SUBJECT_KEY] as JsonObject).id
        : undefined;
  const subjectId = typeof own === 'string' ? own : inherited;
  visitor(node, value, path, subjectId);
  for (const child of node.children) walk(child, value[child.key], [...path, child.key], subjectId, visitor);
}

/** The audited reads in a response: one per class and subject (and per screened code); reads of nothing (null) are none. */
export function auditedReads(plan: AuditPlan, data: JsonObject | null | undefined): AuditedRead[] {
  const reads = new Map<string, AuditedRead>();
  walk(plan.root, data, [], null, (node, object, _path, subjectId) => {
    if (node.ownRead)
      reads.set(`${node.ownRead}:${subjectId}`, { fieldsClass: node.ownRead, subjectId, uscc: null, reference: null });
    for (const field of node.reads) {
      const value = object[field.key];
      if (value === null || value === undefined) continue;
      // Recorded below, under each object's subject; an empty list names none, but says there is none.
      if (field.recordedBelow && !(Array.isArray(value) && value.length === 0)) continue;
      reads.set(`${field.fieldsClass}:${subjectId}`, {
        fieldsClass: field.fieldsClass,
        subjectId,
        uscc: null,
        reference: null,
      });
    }
    const uscc = object[SCREENED_KEY];
    if (node.screening && typeof uscc === 'string') {
      reads.set(`${AuditClass.SCREENING}:${uscc}`, {
        fieldsClass: AuditClass.SCREENING,
        subjectId: null,
        uscc,
        reference: node.screening.reference,
      });
    }
  });
  return [...reads.values()];
}

/** Removes the keys the plan added, once the reads have been taken from the response. */
export function stripAuditKeys(plan: AuditPlan, data: JsonObject | null | undefined): void {
  walk(plan.root, data, [], null, (_node, object) => {
    delete object[AUDIT_KEY];
    delete object[SUBJECT_KEY];
    delete object[SCREENED_KEY];
  });
}

/**
 * When the audit log could not be written for a mutation (which has happened
 * and is not undone): every audited value is withheld — the field set to null,
 * or, where the schema does not allow null there, the nearest object above it
 * that may be null. Returns the paths withheld, for one error each, and whether
 * only withholding the whole answer would do.
 */
export function withholdAudited(
  plan: AuditPlan,
  data: JsonObject | null | undefined,
): { paths: (string | number)[][]; whole: boolean } {
  const withheld: (string | number)[][] = [];
  let whole = false;
  const visit = (
    node: AuditNode,
    value: unknown,
    path: (string | number)[],
    holder: { object: JsonObject; key: string; path: (string | number)[] } | null,
  ): boolean => {
    if (Array.isArray(value)) {
      let emptied = false;
      value.forEach((item, index) => {
        if (!emptied && visit(node, item, [...path, index], holder)) emptied = true;
      });
      return emptied;
    }
    if (!isObject(value)) return false;
    for (const field of node.reads) {
      if (value[field.key] === null || value[field.key] === undefined) continue;
      if (field.nullable) {
        value[field.key] = null;
        withheld.push([...path, field.key]);
      } else if (holder) {
        holder.object[holder.key] = null;
        withheld.push(holder.path);
        return true;
      } else {
        whole = true;
      }
    }
    for (const child of node.children) {
      const next = child.nullable ? { object: value, key: child.key, path: [...path, child.key] } : holder;
      if (visit(child, value[child.key], [...path, child.key], next) && holder && !child.nullable) return true;
    }
    return false;
  };
  if (data) visit(plan.root, data, [], null);
  return { paths: withheld, whole };
}
