import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { PERSON_ID_MAX_LENGTH } from '../identifiers/person-id';
import { MAX_RECORDS_PER_CALL, REPORT_MUTATION } from '../reporting/fields';
import { parseCalendarDate } from './scalars';

/**
 * Input bounds checked on a whole operation before anything executes, by the
 * gateway (on the API schema) and again by each subgraph (on its own schema):
 * every String and ID value has a length limit, none carries a NUL byte
 * (PostgreSQL refuses \u0000 in text), inline Date literals are calendar dates,
 * and list limits that protect the system count across aliases. One table per
 * kind of limit, keyed by schema coordinate; resolvers import the constants
 * they share with it, so each number has one owner.
 */

/** Names, codes, ids, cursors, and every search (`search:`), unless the table says otherwise. */
export const DEFAULT_STRING_LENGTH = 200;
/** What a person writes: a reason, a note, an objection, evidence (textArgument's bound). */
export const FREE_TEXT_LENGTH = 2000;
/** 签署人 and 承诺事项 of a commitment, evidence of a breach. */
export const COMMITMENT_NAME_LENGTH = 255;
/** 承诺义务, 违诺后果. */
export const COMMITMENT_CLAUSE_LENGTH = 4000;
/** 承诺书正文 of a template version. */
export const TEMPLATE_TEXT_LENGTH = 20_000;
/** Title and legal basis of a joint reward/punishment measure. */
export const MEASURE_TEXT_LENGTH = 500;
/** A State Council holiday notice's number and title (setHolidayCalendar), and at most this many of its days. */
export const HOLIDAY_NOTICE_LENGTH = 300;
export const MAX_HOLIDAY_NOTICE_DAYS = 60;
/** 办理事项 and 用途 as a credit report prints them (a matter on one line). */
export const REPORT_MATTER_LENGTH = 100;
export const REPORT_PURPOSE_LENGTH = 200;
/** A report number or a verification code as typed (spaces and hyphens allowed); a SHA-256 in hex. */
export const REPORT_KEY_INPUT_LENGTH = 32;
export const SHA256_HEX_LENGTH = 64;
/** A case's 受理编号 or 查询码 as typed (spaces and hyphens allowed): repairProgress, objectionProgress. */
export const REPAIR_CASE_KEY_INPUT_LENGTH = 32;
/** The person at the window (到场人姓名) and the 授权委托书 reference an agent presents (takeRepairApplication). */
export const WINDOW_PERSON_NAME_LENGTH = 64;
export const POWER_OF_ATTORNEY_REF_LENGTH = 100;
/** At most this many codes per request, over every `screen` field (a tender's bidders, a procurement's suppliers). */
export const MAX_SCREENED_CODES = 10_000;

/** Codes per watchSubjects / unwatchSubjects call (exchange: a department's 监测名单), over all aliases. */
export const MAX_WATCHED_CODES = 10_000;
/** Lines of a published sharing catalogue (exchange: receivers × kinds). */
export const MAX_CATALOGUE_LINES = 200;

/** Rows per importEvaluationResults call (evaluations; checked by its service: the list is inside `input`). */
export const MAX_EVALUATION_ROWS = 5000;

/**
 * importUpperLevelList (sanctions; checked by its service: the list is inside `input`): entries per call
 * (a SNAPSHOT is a source's whole list for one kind, so the whole file goes in one call), and the bounds of
 * an entry's texts. The other texts (name, document number, authority) have the default length.
 */
export const MAX_UPPER_LIST_ENTRIES = 10_000;
/** 来源编号: the issuer's own id of an entry (a case number, a record id). */
export const UPPER_LIST_SOURCE_KEY_LENGTH = 128;
/** 来源平台 code (e.g. credit-china, jiangsu-province). */
export const UPPER_LIST_SOURCE_PLATFORM_LENGTH = 64;

/** Limits other than the default, by coordinate (`Type.field(argument:)` or `InputType.field`). */
export const STRING_LENGTHS: ReadonlyMap<string, number> = new Map([
  ['Mutation.publishTemplateVersion(text:)', TEMPLATE_TEXT_LENGTH],
  ['Mutation.fulfilCommitment(note:)', FREE_TEXT_LENGTH],
  ['Mutation.recordCommitmentBreach(evidence:)', COMMITMENT_NAME_LENGTH],
  ['Mutation.withdrawCommitment(reason:)', FREE_TEXT_LENGTH],
  ['Mutation.rejectRepairCaseAtIntake(reason:)', FREE_TEXT_LENGTH],
  ['Mutation.approveRepairCase(note:)', FREE_TEXT_LENGTH],
  ['Mutation.denyRepairCase(reason:)', FREE_TEXT_LENGTH],
  ['Mutation.withdrawRepairCase(reason:)', FREE_TEXT_LENGTH],
  ['Mutation.objectToListEntry(note:)', FREE_TEXT_LENGTH],
  ['Mutation.resolveListObjection(note:)', FREE_TEXT_LENGTH],
  ['Mutation.removeListEntry(reason:)', FREE_TEXT_LENGTH],
  ['Mutation.recordMeasureApplied(note:)', FREE_TEXT_LENGTH],
  ['Mutation.revokePenalty(reason:)', FREE_TEXT_LENGTH],
  ['Mutation.revokeLicense(reason:)', FREE_TEXT_LENGTH],
  ['Query.repairEligibility(fulfilmentEvidence:)', FREE_TEXT_LENGTH],
  ['ListEntryInput.reason', FREE_TEXT_LENGTH],
  ['UpperListEntryInput.reason', FREE_TEXT_LENGTH],
  ['UpperListEntryInput.sourceKey', UPPER_LIST_SOURCE_KEY_LENGTH],
  ['ImportUpperLevelListInput.sourcePlatform', UPPER_LIST_SOURCE_PLATFORM_LENGTH],
  ['ListEntryInput.basis', FREE_TEXT_LENGTH],
  ['MeasureInput.title', MEASURE_TEXT_LENGTH],
  ['MeasureInput.legalBasis', MEASURE_TEXT_LENGTH],
  ['RepairApplicationInput.reason', FREE_TEXT_LENGTH],
  ['RepairApplicationInput.fulfilmentEvidence', FREE_TEXT_LENGTH],
  ['RepairApplicationInput.evidence', FREE_TEXT_LENGTH],
  ['WindowRepairApplicationInput.reason', FREE_TEXT_LENGTH],
  ['WindowRepairApplicationInput.fulfilmentEvidence', FREE_TEXT_LENGTH],
  ['WindowRepairApplicationInput.evidence', FREE_TEXT_LENGTH],
  ['WindowIdentityInput.name', WINDOW_PERSON_NAME_LENGTH],
  ['WindowIdentityInput.documentNumber', PERSON_ID_MAX_LENGTH],
  ['WindowIdentityInput.powerOfAttorneyRef', POWER_OF_ATTORNEY_REF_LENGTH],
  ['Query.repairProgress(caseNumber:)', REPAIR_CASE_KEY_INPUT_LENGTH],
  ['Query.repairProgress(queryCode:)', REPAIR_CASE_KEY_INPUT_LENGTH],
  // Objections (异议): the grounds, the evidence and the decision are free text, as a repair application's.
  ['ObjectionInput.grounds', FREE_TEXT_LENGTH],
  ['ObjectionInput.evidence', FREE_TEXT_LENGTH],
  ['WindowObjectionInput.grounds', FREE_TEXT_LENGTH],
  ['WindowObjectionInput.evidence', FREE_TEXT_LENGTH],
  ['ObjectionDecisionInput.note', FREE_TEXT_LENGTH],
  ['Query.objectionProgress(caseNumber:)', REPAIR_CASE_KEY_INPUT_LENGTH],
  ['Query.objectionProgress(queryCode:)', REPAIR_CASE_KEY_INPUT_LENGTH],
  ['SignCommitmentInput.signatoryName', COMMITMENT_NAME_LENGTH],
  ['SignCommitmentInput.matter', COMMITMENT_NAME_LENGTH],
  ['SignCommitmentInput.obligations', COMMITMENT_CLAUSE_LENGTH],
  ['SignCommitmentInput.breachConsequence', COMMITMENT_CLAUSE_LENGTH],
  ['Mutation.setHolidayCalendar(notice:)', HOLIDAY_NOTICE_LENGTH],
  ['Mutation.publishSharingCatalogue(note:)', FREE_TEXT_LENGTH],
  ['RecordSpotCheckOutcomeInput.note', FREE_TEXT_LENGTH],
  ['Mutation.issueCreditReport(matter:)', REPORT_MATTER_LENGTH],
  ['Mutation.issueCreditReport(purpose:)', REPORT_PURPOSE_LENGTH],
  ['Query.creditReportDocument(number:)', REPORT_KEY_INPUT_LENGTH],
  ['Query.decisionDocument(number:)', REPORT_KEY_INPUT_LENGTH],
  ['Query.verifyCreditReport(number:)', REPORT_KEY_INPUT_LENGTH],
  ['Query.verifyCreditReport(verificationCode:)', REPORT_KEY_INPUT_LENGTH],
  ['Query.verifyCreditReport(sha256:)', SHA256_HEX_LENGTH],
  ['Query.verifyDecisionDocument(number:)', REPORT_KEY_INPUT_LENGTH],
  ['Query.verifyDecisionDocument(verificationCode:)', REPORT_KEY_INPUT_LENGTH],
  ['Query.verifyDecisionDocument(sha256:)', SHA256_HEX_LENGTH],
  ['Mutation.issueMyCreditReport(purpose:)', REPORT_PURPOSE_LENGTH],
]);

/**
 * 双公示 records are measured field by field by the per-record validation
 * (REPORT_FIELDS' maxLength, a TOO_LONG problem naming the record's row), so
 * that one over-long cell rejects its record, not the whole batch.
 */
const PER_RECORD_TYPES: ReadonlySet<string> = new Set(Object.values(REPORT_MUTATION).map((m) => m.inputType));

/** List limits per request: the items of every listed argument are summed over all aliases. */
export const PER_REQUEST_LISTS: readonly { coordinates: readonly string[]; max: number; what: string }[] = [
  { coordinates: ['Query.screen(usccs:)'], max: MAX_SCREENED_CODES, what: 'codes screened' },
  {
    coordinates: Object.values(REPORT_MUTATION).map((m) => `Mutation.${m.mutation}(records:)`),
    max: MAX_RECORDS_PER_CALL,
    what: 'records reported',
  },
  {
    coordinates: ['Mutation.watchSubjects(usccs:)', 'Mutation.unwatchSubjects(usccs:)'],
    max: MAX_WATCHED_CODES,
    what: 'codes watched or unwatched',
  },
  { coordinates: ['Mutation.publishSharingCatalogue(lines:)'], max: MAX_CATALOGUE_LINES, what: 'catalogue lines' },
  {
    coordinates: ['Mutation.setHolidayCalendar(days:)'],
    max: MAX_HOLIDAY_NOTICE_DAYS,
    what: 'days of a holiday notice',
  },
];

/** Longest accepted value at a coordinate; null when the per-record validation measures it. */
export function stringLimit(coordinate: string, parentType: string): number | null {
  if (PER_RECORD_TYPES.has(parentType)) return null;
  return STRING_LENGTHS.get(coordinate) ?? DEFAULT_STRING_LENGTH;
}

/** A string given for one of these is refused by its own coercion (which quotes it, shortened). */
const NON_TEXT_SCALARS: ReadonlySet<string> = new Set(['Int', 'Float', 'Boolean']);

function inputError(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 400 } } });
}

/** Characters as PostgreSQL counts them (code points), computed only when the UTF-16 length is over. */
function characters(value: string, limit: number): number {
  if (value.length <= limit) return value.length;
  return value.length - (value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

interface Walk {
  variables: Record<string, unknown>;
  listTotals: Map<number, number>;
}

/** A String, ID or Date value: no NUL byte, a real date for Date, within its length. */
function checkScalar(
  scalar: string,
  value: string,
  coordinate: string,
  parentType: string,
  argument: string,
): GraphQLError | null {
  if (value.includes('\u0000')) return inputError(argument, `'${argument}' contains a NUL character (\\u0000)`);
  // The gateway's Date has no parser of its own: an inline literal would reach the subgraph and fail there without a name.
  if (scalar === 'Date' && parseCalendarDate(value) === null)
    return inputError(argument, `'${argument}' must be a calendar date 'YYYY-MM-DD'`);
  const limit = stringLimit(coordinate, parentType);
  if (limit === null) return null;
  const length = characters(value, limit);
  return length > limit ? inputError(argument, `'${argument}' has ${length} characters; the limit is ${limit}`) : null;
}

/** A value given as JSON (a variable): walked along its input type. */
function checkJson(
  type: GraphQLInputType,
  value: unknown,
  coordinate: string,
  parentType: string,
  argument: string,
): GraphQLError | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    for (let i = 0; i < items.length; i += 1) {
      const error = checkJson(nullable.ofType, items[i], coordinate, parentType, `${argument}[${i}]`);
      if (error) return error;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return null;
    const fields = nullable.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (!field) continue;
      const error = checkJson(field.type, fieldValue, `${nullable.name}.${name}`, nullable.name, `${argument}.${name}`);
      if (error) return error;
    }
    return null;
  }
  if (!isScalarType(nullable) || NON_TEXT_SCALARS.has(nullable.name) || typeof value !== 'string') return null;
  return checkScalar(nullable.name, value, coordinate, parentType, argument);
}

/** A value written in the document: literals walked as AST, variables as their JSON. */
function checkLiteral(
  type: GraphQLInputType,
  node: ValueNode,
  coordinate: string,
  parentType: string,
  argument: string,
  walk: Walk,
): GraphQLError | null {
  // A value from a variable is named by the variable, as graphql-js names its coercion errors.
  if (node.kind === Kind.VARIABLE)
    return checkJson(type, walk.variables[node.name.value], coordinate, parentType, node.name.value);
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = node.kind === Kind.LIST ? node.values : [node];
    for (let i = 0; i < items.length; i += 1) {
      const error = checkLiteral(nullable.ofType, items[i], coordinate, parentType, `${argument}[${i}]`, walk);
      if (error) return error;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (node.kind !== Kind.OBJECT) return null;
    const fields = nullable.getFields();
    for (const fieldNode of node.fields) {
      const field = fields[fieldNode.name.value];
      if (!field) continue;
      const error = checkLiteral(
        field.type,
        fieldNode.value,
        `${nullable.name}.${field.name}`,
        nullable.name,
        `${argument}.${field.name}`,
        walk,
      );
      if (error) return error;
    }
    return null;
  }
  if (node.kind !== Kind.STRING || !isScalarType(nullable) || NON_TEXT_SCALARS.has(nullable.name)) return null;
  return checkScalar(nullable.name, node.value, coordinate, parentType, argument);
}

function listLength(node: ValueNode, variables: Record<string, unknown>): number {
  if (node.kind === Kind.LIST) return node.values.length;
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return Array.isArray(value) ? value.length : value == null ? 0 : 1;
  }
  return node.kind === Kind.NULL ? 0 : 1;
}

/**
 * The first input bound the operation breaks, as a BAD_USER_INPUT error naming
 * the argument or variable (`input.reason`, `r[3].partyName`); null when every value is within
 * bounds. Named fragments are followed where they are spread.
 */
export function checkOperationInputs(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const walk: Walk = { variables, listTotals: new Map() };
  const visitSelections = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    seen: ReadonlySet<string>,
  ): GraphQLError | null => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        // A cycle is a validation error already.
        if (!fragment || seen.has(selection.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        if (!condition || !isCompositeType(condition)) continue;
        const error = visitSelections(fragment.selectionSet, condition, new Set([...seen, selection.name.value]));
        if (error) return error;
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        if (!condition || !isCompositeType(condition)) continue;
        const error = visitSelections(selection.selectionSet, condition, seen);
        if (error) return error;
        continue;
      }
      const definition =
        isObjectType(parentType) || isInterfaceType(parentType)
          ? parentType.getFields()[selection.name.value]
          : undefined;
      if (!definition) continue;
      for (const argumentNode of selection.arguments ?? []) {
        const argument = definition.args.find((a) => a.name === argumentNode.name.value);
        if (!argument) continue;
        const coordinate = `${parentType.name}.${definition.name}(${argument.name}:)`;
        const error = checkLiteral(argument.type, argumentNode.value, coordinate, parentType.name, argument.name, walk);
        if (error) return error;
        const group = PER_REQUEST_LISTS.findIndex((g) => g.coordinates.includes(coordinate));
        if (group < 0) continue;
        const total = (walk.listTotals.get(group) ?? 0) + listLength(argumentNode.value, variables);
        walk.listTotals.set(group, total);
        const { max, what } = PER_REQUEST_LISTS[group];
        if (total > max)
          return inputError(
            argument.name,
            `at most ${max} ${what} per request, over all aliases (got ${total} so far)`,
          );
      }
      const returnType = getNamedType(definition.type);
      if (selection.selectionSet && returnType && isCompositeType(returnType)) {
        const error = visitSelections(selection.selectionSet, returnType, seen);
        if (error) return error;
      }
    }
    return null;
  };
  const root = schema.getRootType(operation.operation);
  return root ? visitSelections(operation.selectionSet, root, new Set()) : null;
}
