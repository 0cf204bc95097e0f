import { randomUUID } from 'node:crypto';
import { getNamedType, GraphQLObjectType, GraphQLSchema, isCompositeType, isNonNullType, parse } from 'graphql';
import { AccessRules, accessRulesOf } from '../../gateway/auth/supergraph-rules';
import { AccessRule, combine, satisfies } from '../../shared/auth/access-rule';
import { Role, ROLE_SCOPES, ROLES } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/principal';
import { satisfiedOnlyAsSelf } from '../../shared/auth/self';
import { demoDataset } from '../../shared/demo/dataset';
import { daysAgo } from '../support/dates';
import { expectData, expectPartialData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import { apiSchema, supergraphSdl } from '../support/operations';
import { as, demoSubjectLogins } from '../support/tokens';

/**
 * The access matrix, generated from the composed supergraph: every field that
 * carries an authorization rule (its own or its type's), under every role. A
 * denied field comes back as exactly one UNAUTHORIZED_FIELD_OR_TYPE error with
 * the path of the first step the role may not take; its sibling still has data.
 * The audit column: every read an authenticated role is allowed leaves at least
 * one audit row of its request, naming the subject where the field belongs to one.
 * The subject role (signed in as the demo enterprise) reads the matrix's demo subject,
 * another one: a field it may read only about itself is denied there, at the field's
 * path; reached through mySubject, the same fields of its own are allowed.
 */
interface Step {
  type: string;
  field: string;
  args?: string;
}

let demoUscc = '';
let demoSubjectId = '';
let demoCommitmentId = '';
let demoRepairCaseId = '';
let demoObjectionId = '';
let demoPenaltyId = '';

/** How a query reaches each type, from the root; a type that gains a protected field needs an entry here. */
const ENTRY: Record<string, () => Step[]> = {
  Query: () => [],
  Mutation: () => [],
  Subject: () => [{ type: 'Query', field: 'subject', args: `(uscc: "${demoUscc}")` }],
  LegalRepresentative: () => [...ENTRY.Subject(), { type: 'Subject', field: 'legalRepresentative' }],
  AdministrativePenalty: () => [
    ...ENTRY.Subject(),
    { type: 'Subject', field: 'penalties', args: '(first: 1)' },
    { type: 'PenaltyConnection', field: 'nodes' },
  ],
  AdministrativeLicense: () => [
    ...ENTRY.Subject(),
    { type: 'Subject', field: 'licenses', args: '(first: 1)' },
    { type: 'LicenseConnection', field: 'nodes' },
  ],
  AdministrativeAction: () => [
    ...ENTRY.Subject(),
    { type: 'Subject', field: 'actions', args: '(first: 1)' },
    { type: 'ActionConnection', field: 'nodes' },
  ],
  ListEntry: () => [
    { type: 'Query', field: 'publishedList', args: '(list: BLACK, first: 1)' },
    { type: 'ListEntryConnection', field: 'nodes' },
  ],
  Commitment: () => [
    { type: 'Query', field: 'publicCommitments', args: '(first: 1)' },
    { type: 'CommitmentConnection', field: 'nodes' },
  ],
  // §6: the channel of a submission and the channel counts of the quality figures.
  ReportSubmission: () => [
    { type: 'Query', field: 'reportSubmissions', args: '(outcome: REJECTED, first: 1)' },
    { type: 'ReportSubmissionConnection', field: 'nodes' },
  ],
  PublicityQuality: () => [
    { type: 'Query', field: 'publicityQuality', args: '(from: "2026-01-01", to: "2026-06-30")' },
  ],
  // Issue 18: the window's identity check of a case (null for the demo's department-recorded case).
  RepairCase: () => [{ type: 'Query', field: 'repairCase', args: `(id: "${demoRepairCaseId}")` }],
  // Issue 18: an objection the window took for the matrix's subject (beforeAll).
  ObjectionCase: () => [{ type: 'Query', field: 'objectionCase', args: `(id: "${demoObjectionId}")` }],
};

/** A public sibling selected beside the field under test, by the type it sits in. */
const SIBLING: Record<string, string> = {
  Query: 'departments { code }',
  Mutation: '',
  Subject: 'uscc',
  LegalRepresentative: 'name',
  AdministrativePenalty: 'id',
  AdministrativeLicense: 'id',
  AdministrativeAction: 'id',
  ListEntryConnection: 'totalCount',
  ListEntry: 'id',
  CommitmentConnection: 'totalCount',
  Commitment: 'id',
  ReportSubmissionConnection: 'totalCount',
  ReportSubmission: 'id',
  PublicityQuality: 'kind',
  RepairCase: 'id',
  ObjectionCase: 'id',
};

/** The exchange's receivers of the matrix's platform and department tokens (registered in beforeAll). */
const MATRIX_PLATFORM = 'test-platform';
const MATRIX_DEPARTMENT = 'matrix.gusu.scjgj';
/** A feed or watch list the role's own token may read (the credit office reads any). */
const ownReceiver = (role: Role) => (role === 'platform' ? MATRIX_PLATFORM : MATRIX_DEPARTMENT);

/** Arguments for protected fields that require some (by role where the answer depends on whose it is). */
const ARGS: Record<string, (role: Role) => string> = {
  'Query.screen': () => `(usccs: ["${demoUscc}"], scenario: BIDDING)`,
  'Query.publicityQuality': () => '(from: "2026-01-01", to: "2026-06-30")',
  'Query.repairCase': () => `(id: "${demoRepairCaseId}")`,
  'Query.objectionCase': () => `(id: "${demoObjectionId}")`,
  'Query.listReportingCompliance': () => '(from: "2026-01-01", to: "2026-06-30")',
  'Query.screeningStats': () => '(from: "2026-01-01", to: "2026-06-30")',
  'Query.reportSubmissions': () => '(outcome: REJECTED)',
  'Query.eventDeadLetters': () => '(first: 5)',
  // Mutations run for the roles allowed them: these arguments fail validation or name nothing, so nothing is written.
  'Mutation.proposeListEntry': () =>
    '(input: { uscc: "9144030071526726XG", list: RED, reason: "x", basis: "x", decisionNo: "x", decidedAt: "2026-01-01" })',
  'Mutation.notifyListEntry': () => '(id: ZERO)',
  'Mutation.objectToListEntry': () => '(id: ZERO, note: "x")',
  'Mutation.resolveListObjection': () => '(id: ZERO, upheld: false, note: "x")',
  'Mutation.publishListEntry': () => '(id: ZERO)',
  'Mutation.removeListEntry': () => '(id: ZERO, reason: "x")',
  'Mutation.addMeasure': () =>
    '(input: { code: "x", kind: INCENTIVE, title: "x", legalBasis: "x", lists: [RED], scenarios: [AWARDS] })',
  'Mutation.reportPenalties': () => '(records: [])',
  'Mutation.reportLicenses': () => '(records: [])',
  'Mutation.reportActions': () => '(records: [])',
  'Mutation.revokePenalty': () => '(authorityUscc: "x", decisionNo: "x", reason: "x")',
  'Mutation.revokeLicense': () => '(authorityUscc: "x", licenseNo: "x", reason: "x")',
  'Query.reportingDelegations': () => '(inForceOnly: false)',
  'Query.directoryChanges': () => '(first: 1)',
  'Query.holidayCalendarChanges': () => '(year: 2027)',
  // Year 1900 fails validation: nothing is loaded.
  'Mutation.setHolidayCalendar': () =>
    '(year: 1900, notice: "x", days: [{ date: "1900-01-01", kind: HOLIDAY, name: "x" }])',
  'Mutation.registerDepartment': () => '(input: { code: "test.matrix", name: "x", uscc: "x" })',
  'Mutation.delegateReporting': () => '(input: { authority: "no.such", delegate: "no.such", basis: "x" })',
  'Mutation.revokeReportingDelegation': () => '(id: ZERO, reason: "x")',
  'Mutation.recordMeasureApplied': () =>
    '(screeningId: ZERO, uscc: "9144030071526726XG", measure: "x", outcome: APPLIED)',
  'Query.commitment': () => `(id: "${demoCommitmentId}")`,
  'Mutation.signCommitment': () => '(input: { subjectId: ZERO, signatoryName: "x", templateCode: "NO-SUCH-TEMPLATE" })',
  'Mutation.fulfilCommitment': () => '(id: ZERO, note: "x")',
  'Mutation.recordCommitmentBreach': () => '(id: ZERO, evidence: "x", breachedOn: "2026-01-01")',
  'Mutation.withdrawCommitment': () => '(id: ZERO, reason: "x")',
  'Mutation.publishTemplateVersion': () => '(templateCode: "NO-SUCH-TEMPLATE", text: "x")',
  'Query.repairEligibility': () => `(target: { kind: PENALTY, id: "${demoPenaltyId}" })`,
  'Query.repairStats': () => '(from: "2026-01-01", to: "2026-06-30")',
  'Mutation.applyForRepair': () =>
    '(input: { target: { kind: PENALTY, id: ZERO }, reason: "x", repairCommitmentId: ZERO, fulfilmentEvidence: "x" })',
  // The window's application: its document number fails the resident-ID check before anything is judged or filed.
  'Mutation.takeRepairApplication': () =>
    '(input: { target: { kind: PENALTY, id: ZERO }, reason: "x", identity: { capacity: PERSON, name: "x", documentType: RESIDENT_ID, documentNumber: "x" } })',
  'Mutation.acceptRepairCase': () => '(id: ZERO)',
  // Objections and the online application: a record that does not exist (or, at the window, a document number that fails its check).
  'Mutation.fileObjection': () => '(input: { target: { kind: PENALTY, id: ZERO }, grounds: "x" })',
  'Mutation.takeObjection': () =>
    '(input: { target: { kind: PENALTY, id: ZERO }, grounds: "x", identity: { capacity: PERSON, name: "x", documentType: RESIDENT_ID, documentNumber: "x" } })',
  'Mutation.acceptObjection': () => '(id: ZERO)',
  'Mutation.decideObjection': () => '(input: { id: ZERO, upheld: false, note: "x" })',
  'Mutation.applyForRepairOnline': () =>
    '(input: { target: { kind: PENALTY, id: ZERO }, reason: "x", repairCommitmentId: ZERO, fulfilmentEvidence: "x" })',
  'Mutation.rejectRepairCaseAtIntake': () => '(id: ZERO, reason: "x")',
  'Mutation.approveRepairCase': () => '(id: ZERO, note: "x")',
  'Mutation.denyRepairCase': () => '(id: ZERO, reason: "x")',
  'Mutation.withdrawRepairCase': () => '(id: ZERO, reason: "x")',
  // A malformed code: refused before a number is taken, so nothing is issued.
  'Mutation.issueCreditReport': () => '(uscc: "x", scenario: BIDDING, matter: "x")',
  // A number never issued (the year 2000 predates the platform): null, no error.
  'Query.creditReportDocument': () => '(number: "GSXY-2000-000001")',
  // 决定书: a case that does not exist is NOT_FOUND (nothing issued); a number never issued is null.
  'Mutation.issueDecisionDocument': () => '(kind: REPAIR, caseId: ZERO)',
  'Query.decisionDocument': () => '(number: "GSJD-2000-000001")',
  // The subject's own report: a purpose with a control character is refused before a number is taken.
  'Mutation.issueMyCreditReport': () => '(purpose: "x\\u0007")',
  // Evaluations: an unknown source, a period of 1900 and ids that name nothing write nothing.
  'Mutation.importEvaluationResults': () => '(input: { source: "NO_SUCH_SOURCE", batchKey: "x", rows: [] })',
  'Query.evaluationImport': () => '(id: ZERO)',
  // Upper-level lists: an unknown kind is refused before anything is written.
  'Mutation.importUpperLevelList': () =>
    '(input: { sourcePlatform: "access-matrix", listKind: "NO_SUCH_KIND", mode: CHANGES, entries: [] })',
  'Query.upperListImports': () => '(first: 1)',
  'Mutation.drawSpotChecks': () => '(input: { industry: "x", period: "1900" })',
  'Query.spotCheckDraw': () => '(id: ZERO)',
  'Mutation.recordSpotCheckOutcome': () => '(input: { drawId: ZERO, subjectId: ZERO, outcome: NO_PROBLEM })',
  'Query.gradeDistribution': () => '(by: [GRADE])',
  // A malformed version fails validation: nothing is published.
  'Mutation.publishEvaluationModel': () =>
    '(input: { version: "x", baseScore: 80, source: "x", indicators: [], grades: [] })',
  // Exchange: each role pulls and lists the watches of its own receiver; the mutations' inputs fail validation
  // (a bad code, an empty catalogue) or name no receiver, so nothing is written.
  'Query.changes': (role) => `(receiver: "${ownReceiver(role)}", first: 1)`,
  'Query.watches': (role) => `(receiver: "${ownReceiver(role)}", first: 1)`,
  'Mutation.registerReceiver': () => '(input: { code: "Not A Code", name: "x", kind: PLATFORM, clientId: "x" })',
  'Mutation.updateReceiver': () => '(input: { code: "no-such-receiver" })',
  'Mutation.publishSharingCatalogue': () => '(lines: [], note: "x")',
  'Mutation.watchSubjects': () => '(receiver: "no-such-receiver", usccs: ["x"])',
  'Mutation.unwatchSubjects': () => '(receiver: "no-such-receiver", usccs: ["x"])',
  // Exchange delivery: the migration's receiver is read; a receiver that does not exist changes nothing.
  'Query.deliveryStatus': () => '(receiver: "suzhou-city")',
  'Query.deadLetters': () => '(receiver: "suzhou-city", first: 5)',
  'Query.reconciliations': () => '(receiver: "suzhou-city", first: 5)',
  'Mutation.replayDeadLetters': () => '(receiver: "no-such-receiver")',
  'Mutation.rewindDelivery': () => '(receiver: "no-such-receiver", toSeq: "0")',
  'Mutation.reconcile': () => '(receiver: "no-such-receiver")',
};

interface Row {
  type: string;
  field: string;
}

function ruleOf(rules: AccessRules, schema: GraphQLSchema, type: string, field: string): AccessRule | undefined {
  const definition = (schema.getType(type) as GraphQLObjectType).getFields()[field];
  return combine(rules.fields.get(`${type}.${field}`), rules.types.get(getNamedType(definition.type).name));
}

function protectedRows(rules: AccessRules, schema: GraphQLSchema): Row[] {
  const rows: Row[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.keys(type.getFields())) {
      if (ruleOf(rules, schema, type.name, field)) rows.push({ type: type.name, field });
    }
  }
  return rows;
}

/**
 * Root fields that find the subject's own object themselves (the self checks on Query and Mutation of
 * reports and repairs): a decision document by number, or issued for a case read as the caller; an
 * objection or an online repair application for the record its input names; its own credit report, issued
 * at mySubject or downloaded by number. The matrix's arguments name nobody's, so the subject gets what
 * anyone gets for them (null, NOT_FOUND, BAD_USER_INPUT), not a refusal.
 */
const FINDS_ITS_OWN = new Set([
  'Query.decisionDocument',
  'Mutation.issueDecisionDocument',
  'Mutation.fileObjection',
  'Mutation.applyForRepairOnline',
  'Query.creditReportDocument',
  'Mutation.issueMyCreditReport',
]);

/** The subject role reads about itself only below mySubject (or a field finding its own): elsewhere the matrix's subject is another. */
function deniedAsOther(principal: Principal, rule: AccessRule, steps: Step[]): boolean {
  return (
    satisfiedOnlyAsSelf(principal, rule) &&
    !steps.some((s) => (s.type === 'Query' && s.field === 'mySubject') || FINDS_ITS_OWN.has(`${s.type}.${s.field}`))
  );
}

function principalOf(role: Role): Principal {
  return {
    sub: role,
    name: role,
    org: null,
    roles: [role],
    scopes: [...ROLE_SCOPES[role]],
    authenticated: role !== 'public',
  };
}

function selection(schema: GraphQLSchema, row: Row, role: Role): string {
  const definition = (schema.getType(row.type) as GraphQLObjectType).getFields()[row.field];
  const args = (ARGS[`${row.type}.${row.field}`]?.(role) ?? '').replaceAll(
    'ZERO',
    '"00000000-0000-4000-8000-000000000000"',
  );
  return isCompositeType(getNamedType(definition.type)) ? `${row.field}${args} { __typename }` : `${row.field}${args}`;
}

const schema = apiSchema();
const rules = accessRulesOf(parse(supergraphSdl()));
const rows = protectedRows(rules, schema);
const cases = rows.flatMap((row) => ROLES.map((role) => [`${row.type}.${row.field}`, role, row] as const));

/** One 其他行政行为 for each subject (reported again on a kept database, it changes nothing). */
async function reportMatrixActions(usccs: string[]): Promise<void> {
  const authority = demoDataset().departments.find((d) => d.code === 'gusu.scjgj');
  if (!authority) throw new Error('the demo directory has no gusu.scjgj');
  const names = await graphql<{ subjects: { nodes: { uscc: string; name: string }[] } }>(
    `
      {
        subjects(first: 100) {
          nodes {
            uscc
            name
          }
        }
      }
    `,
    {},
    await as('credit_office'),
  );
  const nameOf = new Map(expectPartialData(names).subjects.nodes.map((n) => [n.uscc, n.name]));
  const reported = await graphql<{ reportActions: { accepted: number } }>(
    'mutation($r: [ActionReport!]!) { reportActions(records: $r) { accepted rejections { reasons { field message } } } }',
    {
      r: usccs.map((uscc, i) => ({
        partyName: nameOf.get(uscc) ?? '矩阵测试主体',
        partyClass: '法人及非法人组织',
        uscc,
        actionKind: '监督检查',
        documentNo: `矩阵测检〔2026〕${i + 1}号`,
        title: '双随机抽查',
        content: '未发现问题',
        decidedAt: daysAgo(2),
        authorityName: authority.name,
        authorityUscc: authority.uscc,
      })),
    },
    await as('department'),
  );
  expect(expectData(reported).reportActions.accepted).toBe(usccs.length);
}

beforeAll(async () => {
  const result = await graphql<{
    subjects: {
      nodes: {
        uscc: string;
        legalRepresentative: unknown;
        penalties: { totalCount: number };
        licenses: { totalCount: number };
      }[];
    };
  }>(
    '{ subjects(first: 100) { nodes { uscc legalRepresentative { name } penalties(first: 1) { totalCount } licenses(first: 1) { totalCount } } } }',
    {},
    await as('public'),
  );
  // The public sees only penalties within their publicity period: pick a subject where it sees one,
  // other than the one the subject role's token names.
  const own = demoSubjectLogins()[0].self.uscc;
  const subject = expectPartialData(result).subjects.nodes.find(
    (n) => n.uscc && n.uscc !== own && n.penalties.totalCount > 0 && n.licenses.totalCount > 0,
  );
  if (!subject) throw new Error('no demo subject with a current penalty and a licence among the first 100');
  demoUscc = subject.uscc;
  const office = await as('credit_office');
  const details = await graphql<{
    subject: { id: string; penalties: { nodes: { id: string }[] } };
    publicCommitments: { nodes: { id: string }[] };
    subjects: { nodes: { repairCases: { id: string }[] | null }[] };
  }>(
    `{ subject(uscc: "${demoUscc}") { id penalties(first: 1) { nodes { id } } } publicCommitments(first: 1) { nodes { id } } subjects(first: 100) { nodes { repairCases { id } } } }`,
    {},
    office,
  );
  expect(details.errors).toBeUndefined();
  demoSubjectId = expectData(details).subject.id;
  demoPenaltyId = expectData(details).subject.penalties.nodes[0].id;
  demoCommitmentId = expectData(details).publicCommitments.nodes[0].id;
  const repairCase = expectData(details).subjects.nodes.flatMap((n) => n.repairCases ?? [])[0];
  if (!repairCase) throw new Error('no demo repair case among the first 100 subjects');
  demoRepairCaseId = repairCase.id;
  // An objection of the matrix's subject, taken at the window, and one of the subject role's own, filed online.
  demoObjectionId = await objectionTo(
    'takeObjection',
    'WindowObjectionInput',
    {
      identity: { capacity: 'PERSON', name: '矩阵', documentType: 'RESIDENT_ID', documentNumber: '11010519491231002X' },
    },
    demoPenaltyId,
    await as('hall'),
  );
  const mine = await graphql<{ mySubject: { penalties: { nodes: { id: string }[] } } }>(
    '{ mySubject { penalties(first: 1) { nodes { id } } } }',
    {},
    await as('subject'),
  );
  const ownPenalty = expectData(mine).mySubject.penalties.nodes[0];
  if (!ownPenalty) throw new Error('the demo enterprise has no penalty to object to');
  await objectionTo('fileObjection', 'ObjectionInput', {}, ownPenalty.id, await as('subject'));
  // The demo set has no other actions: one for the matrix's subject and one for the subject role's own.
  if (!own) throw new Error('the demo enterprise login names no USCC');
  await reportMatrixActions([demoUscc, own]);
  // The platform token's receiver (client id = its sub) and the department token's (its org); once per database.
  for (const input of [
    { code: MATRIX_PLATFORM, name: '矩阵测试平台', kind: 'PLATFORM', clientId: 'test-platform' },
    { code: MATRIX_DEPARTMENT, name: '矩阵测试部门', kind: 'DEPARTMENT', departmentCode: 'gusu.scjgj' },
  ]) {
    const registered = await graphql(
      'mutation($i: RegisterReceiverInput!) { registerReceiver(input: $i) { code } }',
      { i: input },
      office,
    );
    expect(registered.errors?.every((e) => e.extensions?.code === 'CONFLICT') ?? true).toBe(true);
  }
});

/** Files an objection to a penalty (or finds the one already open about it): its id. */
async function objectionTo(
  mutation: 'takeObjection' | 'fileObjection',
  inputType: string,
  extra: Record<string, unknown>,
  penaltyId: string,
  headers: Record<string, string>,
): Promise<string> {
  const filed = await graphql<Record<string, { caseId: string } | null>>(
    `mutation($i: ${inputType}!) { ${mutation}(input: $i) { caseId } }`,
    { i: { target: { kind: 'PENALTY', id: penaltyId }, grounds: '访问矩阵测试异议', ...extra } },
    headers,
  );
  const open = filed.errors?.find((e) => e.extensions?.reason === 'OPEN_OBJECTION');
  const id = filed.data?.[mutation]?.caseId ?? (open?.extensions?.caseId as string | undefined);
  if (!id) throw new Error(`${mutation} failed: ${JSON.stringify(filed.errors)}`);
  return id;
}

interface AuditRow {
  fieldsClass: string;
  subjectId: string | null;
  uscc: string | null;
}

async function auditRowsOf(requestId: string): Promise<AuditRow[]> {
  const result = await graphql<{ auditEvents: { nodes: AuditRow[] } }>(
    'query($requestId: String!) { auditEvents(first: 100, filter: { requestId: $requestId }) { nodes { fieldsClass subjectId uscc } } }',
    { requestId },
    await as('credit_office'),
  );
  expect(result.errors).toBeUndefined();
  return expectData(result).auditEvents.nodes;
}

/** Types whose objects name the subject they belong to (a `subject` field), so their reads are audited under it. */
const SUBJECT_OWNED = new Set([
  'Subject',
  'LegalRepresentative',
  'AdministrativePenalty',
  'AdministrativeLicense',
  'AdministrativeAction',
  'ListEntry',
  'Commitment',
]);
const audited: string[] = [];

/** A field whose value names its own subject (a repair case, a commitment reached from the root): its read is recorded under it. */
function namesItsSubject(row: Row): boolean {
  const returned = getNamedType((schema.getType(row.type) as GraphQLObjectType).getFields()[row.field].type);
  return (
    returned instanceof GraphQLObjectType &&
    getNamedType(returned.getFields().subject?.type ?? returned).name === 'Subject' &&
    row.field !== 'screen'
  );
}

/** Whether the response answered the last of these response keys with a value (an empty list counts: it says there is none; null does not). */
function answered(value: unknown, keys: string[]): boolean {
  if (value === null || value === undefined) return false;
  if (keys.length === 0) return true;
  if (Array.isArray(value)) return value.some((item) => answered(item, keys));
  return typeof value === 'object' && answered((value as Record<string, unknown>)[keys[0]], keys.slice(1));
}

describe('access matrix', () => {
  it('covers every protected field of the supergraph, each reachable and nullable', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      // A protected non-null field would take its siblings down with it when removed.
      const definition = (schema.getType(row.type) as GraphQLObjectType).getFields()[row.field];
      expect([`${row.type}.${row.field}`, isNonNullType(definition.type)]).toEqual([`${row.type}.${row.field}`, false]);
      expect([row.type, ENTRY[row.type] !== undefined]).toEqual([row.type, true]);
      const required = (schema.getType(row.type) as GraphQLObjectType)
        .getFields()
        [row.field].args.filter((a) => isNonNullType(a.type));
      if (required.length > 0)
        expect([`${row.type}.${row.field}`, ARGS[`${row.type}.${row.field}`] !== undefined]).toEqual([
          `${row.type}.${row.field}`,
          true,
        ]);
    }
    process.stdout.write(
      `access matrix: ${rows.length} protected fields × ${ROLES.length} roles = ${rows.length * ROLES.length} cases\n`,
    );
  });

  afterAll(() => {
    process.stdout.write(
      `access matrix audit column: ${audited.length} allowed reads that answered a value, each with an audit row\n`,
    );
  });

  it.each(cases)('%s as %s', async (_name, role, row) => {
    const steps = ENTRY[row.type]();
    let query = `${SIBLING[row.type]} ${selection(schema, row, role)}`;
    for (const step of [...steps].reverse()) {
      const returns = getNamedType((schema.getType(step.type) as GraphQLObjectType).getFields()[step.field].type).name;
      const sibling = returns !== row.type ? (SIBLING[returns] ?? '') : '';
      query = `${step.field}${step.args ?? ''} { ${sibling} ${query} }`;
    }
    const isMutation = row.type === 'Mutation';
    const rootSibling = row.type === 'Query' || isMutation ? '' : SIBLING.Query;
    const requestId = randomUUID();
    const result = await graphql<Record<string, unknown>>(
      `${isMutation ? 'mutation ' : ''}{ ${rootSibling} ${query} }`,
      {},
      { ...(await as(role)), 'x-request-id': requestId },
    );

    // Where this role is stopped on the way to the field (or at the field itself). The gateway removes the
    // first field the role's scopes never reach before anything runs; the owning subgraph refuses a field that
    // is readable only about oneself when it belongs to another subject — above a field the gateway removed,
    // both are reported.
    const principal = principalOf(role);
    const path: string[] = [];
    const denials: string[][] = [];
    const taken: Step[] = [];
    for (const step of [...steps, { type: row.type, field: row.field }]) {
      path.push(step.field);
      taken.push(step);
      const rule = ruleOf(rules, schema, step.type, step.field);
      if (!rule) continue;
      if (!satisfies(principal, rule)) {
        denials.push([...path]);
        break;
      }
      if (denials.length === 0 && deniedAsOther(principal, rule, taken)) denials.push([...path]);
    }
    const deniedAt = denials[0] ?? null;
    const unauthorized = (result.errors ?? []).filter((e) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE');
    if (deniedAt) {
      // The owning subgraph refuses another subject's field in its list element: the path names the index.
      expect(
        unauthorized
          .map((e) => e.path?.filter((key) => typeof key === 'string'))
          .sort((a, b) => (a ?? []).length - (b ?? []).length),
      ).toEqual(denials);
    } else if (isMutation) {
      // An allowed mutation gets past authorization; its dummy input then fails on its own terms.
      expect(unauthorized).toEqual([]);
      expect(
        result.errors?.every((e) => ['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN'].includes(String(e.extensions?.code))),
      ).toBe(true);
    } else {
      expect(result.errors).toBeUndefined();
      // The audit column: an allowed read by an authenticated caller that answered a value is in the log, under its subject.
      if (role !== 'public' && answered(result.data, [...steps.map((s) => s.field), row.field])) {
        const rows = await auditRowsOf(requestId);
        expect([`${row.type}.${row.field}`, role, rows.length > 0]).toEqual([`${row.type}.${row.field}`, role, true]);
        if (steps[0]?.field === 'subject') expect(rows.some((r) => r.subjectId === demoSubjectId)).toBe(true);
        else if (SUBJECT_OWNED.has(row.type) || namesItsSubject(row))
          expect([`${row.type}.${row.field}`, rows.some((r) => r.subjectId !== null)]).toEqual([
            `${row.type}.${row.field}`,
            true,
          ]);
        if (row.field === 'screen')
          expect(rows.some((r) => r.fieldsClass === 'SCREENING' && r.uscc === demoUscc)).toBe(true);
        audited.push(`${row.type}.${row.field} × ${role}`);
      }
    }
    // Siblings still answer (no mutation is open to any role, so a mutation has none).
    if (isMutation) return;
    expect((expectPartialData(result).departments as unknown[]).length).toBeGreaterThan(0);
    const entry = steps[0]?.field;
    // A type reached through a protected root field (PublicityQuality, ReportSubmission): a role denied that field has null there.
    if (entry && deniedAt?.length !== 1) expect(expectPartialData(result)[entry]).not.toBeNull();
    if (entry === 'subject') expect((expectPartialData(result).subject as { uscc: string }).uscc).toBe(demoUscc);
  });
});

/** How the subject role reaches its own objects of each type: through mySubject. */
const OWN_ENTRY: Record<string, Step[]> = {
  Subject: [{ type: 'Query', field: 'mySubject' }],
  LegalRepresentative: [
    { type: 'Query', field: 'mySubject' },
    { type: 'Subject', field: 'legalRepresentative' },
  ],
  AdministrativePenalty: [
    { type: 'Query', field: 'mySubject' },
    { type: 'Subject', field: 'penalties', args: '(first: 20)' },
    { type: 'PenaltyConnection', field: 'nodes' },
  ],
  AdministrativeLicense: [
    { type: 'Query', field: 'mySubject' },
    { type: 'Subject', field: 'licenses', args: '(first: 20)' },
    { type: 'LicenseConnection', field: 'nodes' },
  ],
  AdministrativeAction: [
    { type: 'Query', field: 'mySubject' },
    { type: 'Subject', field: 'actions', args: '(first: 20)' },
    { type: 'ActionConnection', field: 'nodes' },
  ],
  ListEntry: [
    { type: 'Query', field: 'mySubject' },
    { type: 'Subject', field: 'listEntries' },
  ],
  ObjectionCase: [
    { type: 'Query', field: 'mySubject' },
    { type: 'Subject', field: 'objectionCases' },
  ],
  Commitment: [
    { type: 'Query', field: 'mySubject' },
    { type: 'Subject', field: 'commitments' },
  ],
};
const subjectPrincipal = principalOf('subject');
/**
 * Every field the subject role may read only about itself. Its own mutations (fileObjection,
 * applyForRepairOnline) are in the matrix above, allowed; objections.test.ts files them on its own records.
 */
const ownRows = rows.filter((row) => {
  const rule = ruleOf(rules, schema, row.type, row.field);
  // Root fields are not reached through mySubject; a subject's own decision document is decision-documents.test.ts's.
  return (
    rule !== undefined && satisfiedOnlyAsSelf(subjectPrincipal, rule) && row.type !== 'Query' && row.type !== 'Mutation'
  );
});

describe('access matrix: the subject role reads itself', () => {
  it('has a way to its own objects for every type with a field read only as self', () => {
    expect(ownRows.length).toBeGreaterThanOrEqual(10);
    for (const row of ownRows) expect([row.type, OWN_ENTRY[row.type] !== undefined]).toEqual([row.type, true]);
    process.stdout.write(`access matrix: ${ownRows.length} fields the subject role reads only about itself\n`);
  });

  it.each(ownRows.map((row) => [`${row.type}.${row.field}`, row] as const))('%s of its own', async (_name, row) => {
    let query = `${SIBLING[row.type]} ${selection(schema, row, 'subject')}`;
    for (const step of [...OWN_ENTRY[row.type]].reverse()) query = `${step.field}${step.args ?? ''} { ${query} }`;
    const requestId = randomUUID();
    const result = await graphql<Record<string, unknown>>(
      `{ ${query} }`,
      {},
      {
        ...(await as('subject')),
        'x-request-id': requestId,
      },
    );
    expect(result.errors).toBeUndefined();
    const own = expectData(result).mySubject as { uscc: string } | null;
    expect(own).not.toBeNull();
    // Every read of its own protected fields is audited, under its own subject.
    const logged = await auditRowsOf(requestId);
    expect(logged.some((r) => r.subjectId !== null && r.subjectId !== demoSubjectId)).toBe(true);
  });
});
