import { GraphQLError } from 'graphql';
import { Scenario } from '../../../shared/domain/vocabulary';
import { forbidden, notFound } from '../../../shared/graphql/errors';
import { GatewayAnswer as CallerAnswer, readAsCaller, SUBGRAPH_UNAVAILABLE } from './gateway-read';
import {
  DepartmentValue,
  GatheredEvaluation,
  GatheredSections,
  OPTIONAL_SECTIONS,
  ScreeningValue,
  SECTION_SOURCES,
  SectionKey,
  SubjectValue,
} from './sections';

/** Each section's page: the most a report lists (the connections allow 100); the total is printed beside it. */
const PAGE = 100;

const SUBJECT_SELECTION = `
    id uscc name kind status registeredAddress
    legalRepresentative { name }
    listEntries(activeOnly: $standingOnly) { id list status reason basis decisionNo designatingAuthority decidedAt validUntil }
    penalties(first: ${PAGE}) { totalCount nodes { id decisionNo decidedAt authority { code name } severity content legalBasis published publicityEndsAt repairedAt revokedAt } }
    licenses(first: ${PAGE}) { totalCount nodes { id licenseNo documentName title decidedAt authority { code name } validity inForce } }
    commitments(activeOnly: true) { id kind matter signedAt validUntil status }
    repairCases { id target status submittedAt decidedAt }
    creditEvaluation { modelVersion score grade gradeLabel evaluatedAt explanation { indicator label count points text source } }`;

/** A review report: the profile (hall-profile.graphql's shape) and the screening for the matter's scenario. */
const REVIEW_QUERY = `query CreditReportSections($uscc: String!, $scenario: Scenario!, $reference: String!, $standingOnly: Boolean!) {
  departments { code name }
  subject(uscc: $uscc) {${SUBJECT_SELECTION}
  }
  screen(usccs: [$uscc], scenario: $scenario, reference: $reference) { screeningId uscc found verdict measures { code kind title legalBasis } }
}`;

/** A subject's own report: the same profile, no screening. */
const OWN_RECORD_QUERY = `query CreditReportSections($uscc: String!, $standingOnly: Boolean!) {
  departments { code name }
  subject(uscc: $uscc) {${SUBJECT_SELECTION}
  }
}`;

/**
 * The subject asking for its own report: the same profile at mySubject, the one root a subject reads its
 * own sections at (and that names nobody else: it takes no argument); a natural person's 证件号码 beside
 * it, since a person has no 统一社会信用代码 to be named by (null for an organisation: no read).
 */
const SELF_QUERY = `query CreditReportSections($standingOnly: Boolean!) {
  departments { code name }
  mySubject {${SUBJECT_SELECTION}
    idNumber
  }
}`;

type GatewayAnswer = CallerAnswer<{
  departments?: DepartmentValue[];
  subject?: SubjectValue | null;
  mySubject?: SubjectValue | null;
  screen?: ScreeningValue[] | null;
}>;

/** The section an error's path falls in (`subject.listEntries…` → listEntries, `screen…` → screening). */
function sectionOf(path: (string | number)[] | undefined): SectionKey | null {
  if (!path || path.length === 0) return null;
  if (path[0] === 'screen') return 'screening';
  if (path[0] !== 'subject' && path[0] !== 'mySubject') return null;
  const field = path[1];
  if (field === 'creditEvaluation') return 'evaluation';
  return field === 'listEntries' ||
    field === 'penalties' ||
    field === 'licenses' ||
    field === 'commitments' ||
    field === 'repairCases'
    ? field
    : 'basic';
}

function refused(code: string, message: string, sections: SectionKey[]): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, sections, sources: [...new Set(sections.map((s) => SECTION_SOURCES[s]))] },
  });
}

/**
 * Why a report cannot be issued from this answer, if it cannot. A report is
 * complete or not issued: a screening that did not run is never printed as CLEAR,
 * and a section whose source was down is not printed as empty.
 */
export function refusalOf(answer: GatewayAnswer, screened: boolean): GraphQLError | null {
  const all = answer.errors ?? [];
  const unauthorized = all.filter((e) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE');
  if (unauthorized.length > 0) {
    return forbidden(
      `the caller may not read every section of a report (${unauthorized.map((e) => e.path?.join('.')).join(', ')}); a report is issued complete or not at all`,
    );
  }
  const errors = all.filter((e) => !OPTIONAL_SECTIONS.has(sectionOf(e.path) ?? 'basic'));
  const missing = [...new Set(errors.map((e) => sectionOf(e.path) ?? 'basic'))];
  const screening = screened ? answer.data?.screen?.[0] : undefined;
  if (screened && (missing.includes('screening') || !screening || screening.verdict === null)) {
    return refused(
      'SCREENING_UNAVAILABLE',
      '联合奖惩比对暂不可用: screening could not run, so no verdict can be printed (a report never says CLEAR by default); try again later',
      missing.length > 0 ? missing : ['screening'],
    );
  }
  if (errors.length > 0) {
    const unavailable = errors.every((e) => e.extensions?.code === SUBGRAPH_UNAVAILABLE);
    return refused(
      'SECTION_UNAVAILABLE',
      `${unavailable ? '数据源暂不可用' : '数据读取失败'}: the ${missing.join(', ')} section(s) could not be read; a report must be complete, so none was issued — try again later`,
      missing,
    );
  }
  return null;
}

function gatheredEvaluation(subject: SubjectValue, failed: boolean): GatheredEvaluation {
  if (failed) return { state: 'UNAVAILABLE' };
  return subject.creditEvaluation
    ? { state: 'EVALUATED', value: subject.creditEvaluation }
    : { state: 'NOT_EVALUATED' };
}

export interface GatherRequest {
  /** null: the caller itself (subject:self), read at mySubject. */
  uscc: string | null;
  /** null: a subject's own report, not screened. */
  scenario: Scenario | null;
  /** The report number: sent as x-purpose and the screening's reference, so every audit row of the gathering names it. */
  number: string;
  /** The caller's own Authorization header (passed on by the gateway). */
  authorization: string;
  requestId: string;
}

/** The query a report is gathered with: a review (screened), a subject's own record as staff read it, or the caller's own. */
function sectionsQuery(request: GatherRequest): { query: string; variables: Record<string, unknown> } {
  if (request.uscc === null) return { query: SELF_QUERY, variables: { standingOnly: false } };
  if (request.scenario === null)
    return { query: OWN_RECORD_QUERY, variables: { uscc: request.uscc, standingOnly: false } };
  return {
    query: REVIEW_QUERY,
    variables: { uscc: request.uscc, scenario: request.scenario, reference: request.number, standingOnly: true },
  };
}

/** Reads a report's sections through the gateway, as the caller: every access rule and the audit apply. */
export async function gatherSections(request: GatherRequest): Promise<GatheredSections> {
  const screened = request.scenario !== null;
  const { query, variables } = sectionsQuery(request);
  const response = await readAsCaller<NonNullable<GatewayAnswer['data']>>({
    query,
    operationName: 'CreditReportSections',
    variables,
    authorization: request.authorization,
    requestId: request.requestId,
    purpose: `出具信用报告 ${request.number}`,
    what: 'the report',
  });
  const answer = response.answer;
  if (!response.ok && !answer.data) {
    throw refused(
      'SECTION_UNAVAILABLE',
      `数据源暂不可用: the gateway answered ${response.status} while gathering the report; none was issued`,
      ['basic'],
    );
  }
  const refusal = refusalOf(answer, screened);
  if (refusal) throw refusal;
  const subject = request.uscc === null ? answer.data?.mySubject : answer.data?.subject;
  if (!subject)
    throw request.uscc === null
      ? notFound('本平台无本主体的信息: no subject on the platform has the code or ID number the sign-in names')
      : notFound(`no subject with 统一社会信用代码 ${request.uscc}`, 'uscc');
  const screening = screened ? answer.data!.screen![0] : null;
  const evaluationFailed = (answer.errors ?? []).some((e) => sectionOf(e.path) === 'evaluation');
  return {
    subject,
    screening:
      screening && screening.verdict !== null
        ? {
            scenario: request.scenario!,
            verdict: screening.verdict,
            screeningId: screening.screeningId,
            measures: screening.measures,
          }
        : null,
    evaluation: gatheredEvaluation(subject, evaluationFailed),
    departments: answer.data?.departments ?? [],
    answeredAt: new Date(),
  };
}
