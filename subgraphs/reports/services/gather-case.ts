import { GraphQLError } from 'graphql';
import { notFound } from '../../../shared/graphql/errors';
import type { CaseRecord, GatheredCase } from '../rules/decision-content';
import { DecisionKind } from '../rules/decision-kind';
import { GatewayAnswer, GatewayError, readAsCaller, SUBGRAPH_UNAVAILABLE } from './gateway-read';

/** Each record list read to find the record's decision number (the first page is enough: it is looked up, not printed). */
const RECORD_PAGE = 100;

/**
 * The subject, with its records read beside the case to print the decision number of the
 * record concerned. The records are optional: one the caller may no longer read (a
 * repaired penalty leaves the hall's view) is printed by its id instead.
 */
const SUBJECT_FIELDS = `id name uscc kind
    penalties(first: ${RECORD_PAGE}) { nodes { id decisionNo } }
    licenses(first: ${RECORD_PAGE}) { nodes { id licenseNo } }
    actions(first: ${RECORD_PAGE}) { nodes { id documentNo } }
    listEntries { id list decisionNo }`;

/** Where the record look-up sits in a case's answer: errors there are not the case's. */
const OPTIONAL_FIELDS = new Set(['penalties', 'licenses', 'actions', 'listEntries']);

interface SubjectValue {
  id: string;
  name: string;
  uscc: string | null;
  kind: string;
  penalties?: { nodes: { id: string; decisionNo: string }[] } | null;
  licenses?: { nodes: { id: string; licenseNo: string }[] } | null;
  actions?: { nodes: { id: string; documentNo: string }[] } | null;
  listEntries?: { id: string; list: string; decisionNo: string }[] | null;
}

interface CaseValue {
  id: string;
  caseNumber: string | null;
  status: string;
  target: string;
  targetId: string;
  submittedAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  outcome?: string | null;
  grounds?: string | null;
  decisionNote: string | null;
  decidedBy: { code: string; name: string } | null;
  handledBy: { code: string; name: string } | null;
  subject?: SubjectValue | null;
}

/**
 * How one kind of case is read through the gateway: one more kind is one more entry here.
 * Staff read the case by its id; a subject signed in as itself reads it among its own
 * (`mySubject { repairCases }`): the repairs subgraph answers a subject's cases there.
 */
interface CaseGatherer {
  /** Query field of one case by id. */
  byId: string;
  /** Subject field listing the subject's cases. */
  ofSubject: string;
  fields: string;
}

const COMMON_FIELDS = `id caseNumber status target targetId submittedAt acceptedAt decidedAt decisionNote
    decidedBy { code name } handledBy { code name }`;

const GATHERERS: Readonly<Record<DecisionKind, CaseGatherer>> = {
  [DecisionKind.REPAIR]: { byId: 'repairCase', ofSubject: 'repairCases', fields: COMMON_FIELDS },
  [DecisionKind.OBJECTION]: {
    byId: 'objectionCase',
    ofSubject: 'objectionCases',
    fields: `${COMMON_FIELDS} outcome grounds`,
  },
};

/** The query a caller reads the case with (as staff, or as the subject itself). */
export function caseQuery(kind: DecisionKind, asSelf: boolean): string {
  const g = GATHERERS[kind];
  return asSelf
    ? `query DecidedCase {\n  mySubject {\n    ${SUBJECT_FIELDS}\n    ${g.ofSubject} {\n    ${g.fields}\n    }\n  }\n}`
    : `query DecidedCase($id: ID!) {\n  ${g.byId}(id: $id) {\n    ${g.fields}\n    subject {\n    ${SUBJECT_FIELDS}\n    }\n  }\n}`;
}

type CaseAnswer = GatewayAnswer<Record<string, unknown>>;

/** The case and its subject out of either answer; null when the answer holds no such case. */
function found(kind: DecisionKind, caseId: string, asSelf: boolean, answer: CaseAnswer): CaseValue | null {
  const g = GATHERERS[kind];
  if (!asSelf) return (answer.data?.[g.byId] ?? null) as CaseValue | null;
  const own = (answer.data?.mySubject ?? null) as (SubjectValue & Record<string, unknown>) | null;
  const cases = (own?.[g.ofSubject] ?? null) as CaseValue[] | null;
  const value = cases?.find((c) => c.id === caseId) ?? null;
  return value && own ? { ...value, subject: own } : null;
}

function unavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CASE_UNAVAILABLE', argument: 'caseId' } });
}

function isOptional(error: GatewayError): boolean {
  return (error.path ?? []).some((key) => typeof key === 'string' && OPTIONAL_FIELDS.has(key));
}

/** The record's document number, looked up among the subject's records (null: not among those read). */
function recordOf(value: CaseValue): CaseRecord | null {
  const numbered = (decisionNo: string | undefined): CaseRecord | null =>
    decisionNo === undefined ? null : { decisionNo, list: null };
  const { subject, targetId } = value;
  switch (value.target) {
    case 'PENALTY':
      return numbered(subject?.penalties?.nodes.find((p) => p.id === targetId)?.decisionNo);
    case 'LICENSE':
      return numbered(subject?.licenses?.nodes.find((l) => l.id === targetId)?.licenseNo);
    case 'ACTION':
      return numbered(subject?.actions?.nodes.find((a) => a.id === targetId)?.documentNo);
    case 'LIST_ENTRY': {
      const entry = subject?.listEntries?.find((e) => e.id === targetId);
      return entry ? { decisionNo: entry.decisionNo, list: entry.list } : null;
    }
    default:
      // The district evaluation has no document number: it is named by its kind alone (rules/decision-content.ts).
      return null;
  }
}

/**
 * The case as the caller reads it, or why there is none: a case the caller may not read
 * and a case that does not exist get the same NOT_FOUND (the gateway's and the repairs
 * subgraph's rules decide who reads which case); a case read incomplete is not printed.
 */
export function caseOf(kind: DecisionKind, caseId: string, asSelf: boolean, answer: CaseAnswer): GatheredCase {
  const errors = (answer.errors ?? []).filter((e) => !isOptional(e));
  const value = found(kind, caseId, asSelf, answer);
  const refusedRead = errors.some((e) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE');
  if (refusedRead || (!value && errors.length === 0))
    throw notFound(`无此案件: no case ${caseId} that the caller may read`, 'caseId');
  if (errors.length > 0 || !value || !value.subject) {
    const down = errors.some((e) => e.extensions?.code === SUBGRAPH_UNAVAILABLE);
    throw unavailable(
      `${down ? '数据源暂不可用' : '数据读取失败'}: case ${caseId} could not be read completely (${errors.map((e) => e.message).join('; ') || 'no subject'}); no document was issued — try again later`,
    );
  }
  return {
    kind,
    id: value.id,
    caseNumber: value.caseNumber,
    status: value.status,
    target: value.target,
    targetId: value.targetId,
    record: recordOf(value),
    submittedAt: value.submittedAt,
    acceptedAt: value.acceptedAt,
    decidedAt: value.decidedAt,
    outcome: value.outcome ?? null,
    grounds: value.grounds ?? null,
    decisionNote: value.decisionNote,
    decidedBy: value.decidedBy,
    handledBy: value.handledBy,
    subject: { id: value.subject.id, name: value.subject.name, uscc: value.subject.uscc, kind: value.subject.kind },
  };
}

export interface CaseRequest {
  kind: DecisionKind;
  caseId: string;
  /** The caller is the subject signed in as itself (subject:self): its cases are read through mySubject. */
  asSelf: boolean;
  authorization: string;
  requestId: string;
}

/** Reads a case through the gateway as the caller (audited under its subject, x-purpose 出具决定书). */
export async function gatherCase(request: CaseRequest): Promise<GatheredCase> {
  const response = await readAsCaller<Record<string, unknown>>({
    query: caseQuery(request.kind, request.asSelf),
    operationName: 'DecidedCase',
    variables: request.asSelf ? {} : { id: request.caseId },
    authorization: request.authorization,
    requestId: request.requestId,
    purpose: `出具决定书 (${request.kind} ${request.caseId})`,
    what: 'the decision document',
  });
  if (!response.ok && !response.answer.data)
    throw unavailable(
      `数据源暂不可用: the gateway answered ${response.status} while reading case ${request.caseId} (${(response.answer.errors ?? []).map((e) => e.message).join('; ')}); no document was issued`,
    );
  return caseOf(request.kind, request.caseId, request.asSelf, response.answer);
}
