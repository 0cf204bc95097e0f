import { ROLE_SCOPES } from '../../../shared/auth/policy';
import type { Principal } from '../../../shared/auth/principal';
import { completeUscc } from '../../../shared/identifiers/uscc';
import { chinaToday } from '../../support/dates';
import { delegateReporting, TestDepartment, testDepartment } from '../../support/directory';
import { expectData } from '../../support/expect-data';
import { graphql } from '../../support/gateway';
import { asSubgraph } from '../../support/subgraph';
import { as, tokenFor } from '../../support/tokens';

/**
 * Issue 11, part 3: a department reports only as itself. Each attack is tried
 * through the real gateway and subgraphs: reporting in another authority's
 * name (squatting its decision numbers), revoking another's penalty, a token
 * whose org is no department, naming another data-source unit, and managing
 * delegations without the credit office's scope.
 */
const RESULT = 'accepted rejected created updated unchanged rejections { index documentNo reasons { field code } }';
const REPORT = `mutation R($records: [PenaltyReport!]!) { reportPenalties(records: $records) { ${RESULT} } }`;
const REVOKE =
  'mutation V($a: String!, $d: String!) { revokePenalty(authorityUscc: $a, decisionNo: $d, reason: "复议撤销") { revokedAt } }';
const run = Date.now().toString(36);

interface Result {
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  rejections: { index: number; documentNo: string | null; reasons: { field: string; code: string }[] }[];
}

let serial = 0;
function newUscc(): string {
  serial += 1;
  return completeUscc(
    `91320508MC${String((Date.now() % 1e4) * 100 + serial)
      .padStart(7, '0')
      .slice(-7)}`,
  );
}

function penalty(
  authority: TestDepartment,
  decisionNo: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    partyName: '苏州攻防测试有限公司',
    partyClass: '法人及非法人组织',
    uscc: newUscc(),
    decisionNo,
    violationType: '虚假宣传',
    facts: '……',
    legalBasis: '《反不正当竞争法》第二十条',
    categories: ['警告'],
    content: '警告',
    decidedAt: chinaToday(),
    validUntil: '2099-12-31',
    severity: '一般',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
    ...extra,
  };
}

async function headersOf(org: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor('department', { org, sub: `staff-of-${org}` })}` };
}

async function report(records: Record<string, unknown>[], org: string): Promise<Result> {
  const result = await graphql<{ reportPenalties: Result }>(REPORT, { records }, await headersOf(org));
  expect(result.errors).toBeUndefined();
  return expectData(result).reportPenalties;
}

function codes(result: Result): Record<number, string[]> {
  return Object.fromEntries(result.rejections.map((r) => [r.index, r.reasons.map((p) => `${p.field}:${p.code}`)]));
}

let authority: TestDepartment;
let delegate: TestDepartment;
let stranger: TestDepartment;

beforeAll(async () => {
  [authority, delegate, stranger] = await Promise.all(
    ['a', 'b', 'c'].map((x) => testDepartment(`test.auth${x}.${run}`)),
  );
});

describe('a department reports only as itself (adversarial)', () => {
  it('rejects, per record, a record naming another authority, and the real authority keeps its decision number', async () => {
    const squat = `姑攻〔2026〕S${run}号`;
    // The stranger sends one record in its own name and one in the authority's: the call succeeds, the second is refused.
    const attempt = await report(
      [penalty(stranger, `姑攻〔2026〕O${run}号`), penalty(authority, squat)],
      stranger.code,
    );
    expect(attempt).toMatchObject({ accepted: 1, rejected: 1, created: 1 });
    expect(codes(attempt)).toEqual({ 1: ['authorityUscc:AUTHORITY_NOT_OWN'] });
    // Nothing was squatted: the authority reports that number itself and may revoke it; the stranger may not.
    expect(await report([penalty(authority, squat)], authority.code)).toMatchObject({ accepted: 1, created: 1 });
    const refused = await graphql(REVOKE, { a: authority.uscc, d: squat }, await headersOf(stranger.code));
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const revoked = await graphql<{ revokePenalty: { revokedAt: string } }>(
      REVOKE,
      { a: authority.uscc, d: squat },
      await headersOf(authority.code),
    );
    expect(expectData(revoked).revokePenalty.revokedAt).toEqual(expect.any(String));
  });

  it('accepts a delegate while the delegation is in force, and only then; every change is recorded', async () => {
    const number = `姑攻〔2026〕D${run}号`;
    const record = penalty(authority, number);
    expect(codes(await report([record], delegate.code))).toEqual({ 0: ['authorityUscc:AUTHORITY_NOT_OWN'] });
    // Delegations that are not in force today grant nothing.
    const office = await as('credit_office');
    const lapsed = await graphql(
      'mutation($i: DelegationInput!) { delegateReporting(input: $i) { id } }',
      {
        i: {
          authority: authority.code,
          delegate: delegate.code,
          basis: '过期委托',
          validFrom: '2024-01-01',
          validUntil: '2024-12-31',
        },
      },
      office,
    );
    expect(lapsed.errors).toBeUndefined();
    const future = await graphql(
      'mutation($i: DelegationInput!) { delegateReporting(input: $i) { id } }',
      { i: { authority: authority.code, delegate: delegate.code, basis: '未来委托', validFrom: '2099-01-01' } },
      office,
    );
    expect(future.errors).toBeUndefined();
    expect(codes(await report([record], delegate.code))).toEqual({ 0: ['authorityUscc:AUTHORITY_NOT_OWN'] });

    const id = await delegateReporting(authority.code, delegate.code, `委托书 ${run}`);
    expect(await report([record], delegate.code)).toMatchObject({ accepted: 1, created: 1 });
    // The data-source unit is the delegate (the caller): it sees the internal report time, the authority does not.
    const reportedAt = async (org: string) =>
      expectData(
        await graphql<{ subject: { penalties: { nodes: { decisionNo: string; reportedAt: string | null }[] } } }>(
          'query($u: String!) { subject(uscc: $u) { penalties(first: 5) { nodes { decisionNo reportedAt } } } }',
          { u: record.uscc },
          await headersOf(org),
        ),
      ).subject.penalties.nodes.find((n) => n.decisionNo === number)?.reportedAt ?? null;
    expect(await reportedAt(delegate.code)).toEqual(expect.any(String));
    expect(await reportedAt(authority.code)).toBeNull();

    // Both departments involved see the delegation with its history; a third does not.
    const listed = async (org: string) =>
      expectData(
        await graphql<{
          reportingDelegations: { id: string; history: { action: string; actorSub: string; actorOrg: string }[] }[];
        }>(
          '{ reportingDelegations(inForceOnly: false) { id history { action actorSub actorOrg } } }',
          {},
          await headersOf(org),
        ),
      ).reportingDelegations;
    expect((await listed(authority.code)).map((d) => d.id)).toContain(id);
    expect((await listed(delegate.code)).map((d) => d.id)).toContain(id);
    expect((await listed(stranger.code)).map((d) => d.id)).not.toContain(id);

    const revoke = await graphql<{ revokeReportingDelegation: { revokedAt: string } }>(
      'mutation($id: ID!) { revokeReportingDelegation(id: $id, reason: "委托到期") { revokedAt } }',
      { id },
      office,
    );
    expect(expectData(revoke).revokeReportingDelegation.revokedAt).toEqual(expect.any(String));
    const history = (await listed(delegate.code)).find((d) => d.id === id)!.history;
    expect(history.map((h) => [h.action, h.actorSub, h.actorOrg])).toEqual([
      ['DELEGATION_GRANTED', 'test-credit_office', 'gusu.xyb'],
      ['DELEGATION_REVOKED', 'test-credit_office', 'gusu.xyb'],
    ]);
    // Revoked: the delegate neither updates nor revokes any more; the authority does both.
    expect(codes(await report([{ ...record, content: '改' }], delegate.code))).toEqual({
      0: ['authorityUscc:AUTHORITY_NOT_OWN'],
    });
    expect(
      (await graphql(REVOKE, { a: authority.uscc, d: number }, await headersOf(delegate.code))).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(await report([{ ...record, content: '改' }], authority.code)).toMatchObject({ accepted: 1, updated: 1 });
  });

  it('refuses a token whose org is no department, at the gateway and again at the subgraph, before reading anything', async () => {
    const ghost = `test.ghost.${run}`;
    const viaGateway = await graphql(
      REPORT,
      { records: [penalty(authority, `姑攻〔2026〕G${run}号`)] },
      await headersOf(ghost),
    );
    expect(viaGateway.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(viaGateway.data?.reportPenalties ?? null).toBeNull();

    const principal: Principal = {
      sub: 'forged',
      name: 'x',
      org: ghost,
      roles: ['department', 'credit_office'],
      scopes: [...ROLE_SCOPES.credit_office],
      authenticated: true,
    };
    const writes = [
      [REPORT, { records: [penalty(authority, `姑攻〔2026〕H${run}号`)] }],
      [REVOKE, { a: authority.uscc, d: `姑攻〔2026〕S${run}号` }],
      [
        'mutation($i: DelegationInput!) { delegateReporting(input: $i) { id } }',
        { i: { authority: authority.code, delegate: ghost, basis: 'x' } },
      ],
      [
        'mutation($i: DepartmentInput!) { registerDepartment(input: $i) { code } }',
        { i: { code: ghost, name: '幽灵', uscc: completeUscc('11320508MB7777777') } },
      ],
      ['mutation { revokeReportingDelegation(id: "00000000-0000-4000-8000-000000000000", reason: "x") { id } }', {}],
    ] as const;
    for (const [query, variables] of writes) {
      const direct = await asSubgraph('subjects', principal, query, variables);
      expect([query.slice(0, 40), direct.errors?.[0].extensions?.code]).toEqual([query.slice(0, 40), 'FORBIDDEN']);
    }
    // The orgless token too.
    const orgless = await asSubgraph('subjects', { ...principal, org: null }, REPORT, {
      records: [penalty(authority, `姑攻〔2026〕N${run}号`)],
    });
    expect(orgless.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Nothing was written: the ghost department is not in the directory.
    const departments = expectData(
      await graphql<{ departments: { code: string }[] }>('{ departments { code } }'),
    ).departments.map((d) => d.code);
    expect(departments).not.toContain(ghost);
  });

  it('takes the data-source unit from the caller: a record cannot name another', async () => {
    const named = await graphql(
      REPORT,
      {
        records: [
          penalty(stranger, `姑攻〔2026〕U${run}号`, {
            dataSourceName: authority.name,
            dataSourceUscc: authority.uscc,
          }),
        ],
      },
      await headersOf(stranger.code),
    );
    expect(named.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(named.errors?.[0].message).toMatch(/dataSource/);
  });

  it('leaves delegations and the directory to the credit office, and checks their input', async () => {
    const asDepartment = await graphql(
      'mutation($i: DelegationInput!) { delegateReporting(input: $i) { id } }',
      { i: { authority: authority.code, delegate: stranger.code, basis: '自授' } },
      await headersOf(stranger.code),
    );
    expect(asDepartment.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
    const register = await graphql(
      'mutation($i: DepartmentInput!) { registerDepartment(input: $i) { code } }',
      { i: { code: `test.self.${run}`, name: 'x', uscc: completeUscc('11320508MB6666666') } },
      await headersOf(stranger.code),
    );
    expect(register.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);

    const office = await as('credit_office');
    const bad = async (input: Record<string, unknown>) =>
      (
        await graphql(
          'mutation($i: DelegationInput!) { delegateReporting(input: $i) { id } }',
          { i: { authority: authority.code, delegate: delegate.code, basis: 'x', ...input } },
          office,
        )
      ).errors?.[0].extensions;
    expect(await bad({ delegate: authority.code })).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.delegate',
    });
    expect(await bad({ delegate: 'test.nosuch.dept' })).toMatchObject({
      code: 'NOT_FOUND',
      argument: 'input.delegate',
    });
    expect(await bad({ authority: 'DROP TABLE' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.authority',
    });
    expect(await bad({ validFrom: '2026-05-01', validUntil: '2026-04-30' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.validUntil',
    });
    // The gateway's input bounds see the value first, and name the variable it came in.
    expect(await bad({ basis: 'x'.repeat(2001) })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'i.basis' });
    // A second department with the code or the USCC of an existing one is a conflict.
    const duplicate = await graphql(
      'mutation($i: DepartmentInput!) { registerDepartment(input: $i) { code } }',
      { i: { code: `test.dup.${run}`, name: '重复', uscc: authority.uscc } },
      office,
    );
    expect(duplicate.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      argument: 'input.uscc',
      reason: 'DUPLICATE_DEPARTMENT',
    });
    const changes = await graphql<{ directoryChanges: { action: string; departmentCode: string }[] }>(
      'query($d: String) { directoryChanges(department: $d) { action departmentCode } }',
      { d: authority.code },
      office,
    );
    expect(expectData(changes).directoryChanges.map((c) => c.action)).toContain('DEPARTMENT_REGISTERED');
  });
});
