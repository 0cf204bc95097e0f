import { expectData } from './expect-data';
import { graphql } from './gateway';
import { tokenFor } from './tokens';
import { until } from './until';

/** What the objection e2e suites read of a receipt (受理回执) and of a case. */
export const RECEIPT_FIELDS = `caseId caseNumber queryCode channel status intakeWorkingDays intakeDueOn decisionWorkingDays
  decisionDueOnAtLatest deadlineSource nextStep`;
export const CASE_FIELDS = `id caseNumber status channel target targetId grounds outcome decisionNote intakeDueOn decisionDueOn
  handledBy { code } decidedBy { code } history { action fromStatus toStatus actorOrg }`;

export interface ObjectionReceipt {
  caseId: string;
  caseNumber: string;
  queryCode: string;
  channel: string;
  status: string;
  intakeWorkingDays: number;
  intakeDueOn: string;
  decisionWorkingDays: number;
  deadlineSource: string;
  nextStep: string;
}

type Headers = Record<string, string>;

/** A department's headers (its org), and the subject's own (signed in as itself by its code). */
export async function departmentHeaders(org: string): Promise<Headers> {
  return { authorization: `Bearer ${await tokenFor('department', { org })}` };
}

export async function subjectHeaders(uscc: string): Promise<Headers> {
  return { authorization: `Bearer ${await tokenFor('subject', { subjectUscc: uscc })}` };
}

/**
 * Files an objection online as the subject, waiting while repairs has not yet learnt of the record (its
 * facts travel by event, so a record just reported answers NOT_FOUND for a moment).
 */
export async function fileObjectionOnline(
  target: { kind: string; id: string },
  headers: Headers,
  grounds = '信息有误，请予核查',
  evidence: string | null = null,
): Promise<ObjectionReceipt> {
  const filed = await until(
    `the objection to ${target.kind} ${target.id} filed`,
    () =>
      graphql<{ fileObjection: ObjectionReceipt | null }>(
        `mutation($i: ObjectionInput!) { fileObjection(input: $i) { ${RECEIPT_FIELDS} } }`,
        { i: { target, grounds, evidence } },
        headers,
      ),
    (r) => r.errors?.[0]?.extensions?.code !== 'NOT_FOUND',
  );
  expect(filed.errors).toBeUndefined();
  return expectData(filed).fileObjection!;
}

export function acceptObjection(id: string, headers: Headers) {
  return graphql<{ acceptObjection: { status: string; decisionDueOn: string } | null }>(
    `mutation { acceptObjection(id: "${id}") { status decisionDueOn } }`,
    {},
    headers,
  );
}

export function decideObjection(input: Record<string, unknown>, headers: Headers) {
  return graphql<{ decideObjection: Record<string, unknown> | null }>(
    `mutation($i: ObjectionDecisionInput!) { decideObjection(input: $i) { ${CASE_FIELDS} } }`,
    { i: input },
    headers,
  );
}
