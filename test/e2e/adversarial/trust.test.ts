import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { runSql } from '../../../scripts/fresh-database';
import { GATEWAY_SERVICE_SUB, Principal } from '../../../shared/auth/principal';
import { expectData, expectPartialData } from '../../support/expect-data';
import { graphql, systemDatabaseUrl } from '../../support/gateway';
import { asSubgraph } from '../../support/subgraph';
import { as, tokenFor } from '../../support/tokens';

/**
 * The trust model as an attacker tries it: reads that would escape the audit,
 * forged audit rows and scopes, tokens that live too long or name no department.
 */
interface AuditRow {
  fieldsClass: string;
  subjectId: string | null;
  uscc: string | null;
  principalSub: string;
}

async function auditRowsOf(requestId: string): Promise<AuditRow[]> {
  const result = await graphql<{ auditEvents: { nodes: AuditRow[] } }>(
    'query($requestId: String!) { auditEvents(first: 100, filter: { requestId: $requestId }) { nodes { fieldsClass subjectId uscc principalSub } } }',
    { requestId },
    await as('credit_office'),
  );
  expect(result.errors).toBeUndefined();
  return expectData(result).auditEvents.nodes;
}

const secret = () => new TextEncoder().encode(process.env.GUSU_JWT_SECRET);
const now = () => Math.floor(Date.now() / 1000);

async function rawToken(
  claims: Record<string, unknown>,
  times: { iat?: number; exp?: number; nbf?: number },
): Promise<string> {
  const jwt = new SignJWT({ roles: ['hall'], org: 'gusu.xzspj', name: 'x', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('attacker');
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
  if (times.nbf !== undefined) jwt.setNotBefore(times.nbf);
  return jwt.sign(secret());
}

let person: { id: string; uscc: string | null; name: string };
let watched: { id: string; uscc: string };
/** A subject on no list, taken from the end (test/e2e/list-workflow.test.ts takes its own from the start). */
let unlisted: { id: string; uscc: string };

beforeAll(async () => {
  const result = await graphql<{
    subjects: {
      nodes: {
        id: string;
        uscc: string | null;
        kind: string;
        name: string;
        legalRepresentative: unknown;
        listEntries: { list: string }[];
      }[];
    };
  }>(
    '{ subjects(first: 100) { nodes { id uscc kind name legalRepresentative { name } listEntries { list } } } }',
    {},
    await as('credit_office'),
  );
  const nodes = expectData(result).subjects.nodes;
  person = nodes.find((n) => n.kind === 'NATURAL_PERSON')!;
  const entry = nodes.find((n) => n.uscc && n.listEntries.some((e) => e.list === 'WATCH'));
  expect(person).toBeDefined();
  expect(entry).toBeDefined();
  watched = { id: entry!.id, uscc: entry!.uscc! };
  const clean = nodes.filter((n) => n.uscc && n.listEntries.length === 0 && n.legalRepresentative).at(-1)!;
  unlisted = { id: clean.id, uscc: clean.uscc! };
});

describe('adversarial: reads that escaped the audit', () => {
  it('audits a natural person’s unmasked name, watch-list entries, repair cases and commitment history', async () => {
    const requestId = randomUUID();
    const read = await graphql<{ subject: { listEntries: { list: string }[]; repairCases: unknown[] | null } }>(
      `{ subject(uscc: "${watched.uscc}") { listEntries { list } repairCases { id } } }`,
      {},
      { ...(await as('department')), 'x-request-id': requestId },
    );
    expect(read.errors).toBeUndefined();
    expect(expectData(read).subject.listEntries.some((e) => e.list === 'WATCH')).toBe(true);
    expect(await auditRowsOf(requestId)).toEqual([
      expect.objectContaining({ fieldsClass: 'PROFILE', subjectId: watched.id, principalSub: 'test-department' }),
    ]);

    const nameRead = randomUUID();
    const byId = await graphql<{ subject: { name: string } | null }>(
      `{ subject(id: "${person.id}") { name } }`,
      {},
      { ...(await as('hall')), 'x-request-id': nameRead },
    );
    expect(byId.errors).toBeUndefined();
    expect(expectData(byId).subject!.name).toBe(person.name);
    expect((await auditRowsOf(nameRead)).map((r) => r.subjectId)).toEqual([person.id]);
    // The public reads the masked name: nothing to audit, and nothing revealed.
    const masked = await graphql<{ subject: { name: string } }>(`{ subject(id: "${person.id}") { name } }`);
    expect(expectData(masked).subject.name).not.toBe(person.name);

    const historyRead = randomUUID();
    const history = await graphql<{ publicCommitments: { nodes: { id: string; history: unknown[] | null }[] } }>(
      '{ publicCommitments(first: 3) { nodes { id history { action } } } }',
      {},
      { ...(await as('hall')), 'x-request-id': historyRead },
    );
    expect(history.errors).toBeUndefined();
    const rows = await auditRowsOf(historyRead);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.fieldsClass === 'PROFILE' && r.subjectId !== null)).toBe(true);
  });

  it('refuses client audit values the log could not store, naming the header, before anything runs', async () => {
    const headers = await as('hall');
    const query = `{ subject(uscc: "${watched.uscc}") { registeredAddress } }`;
    for (const [header, value] of [
      ['x-purpose', encodeURIComponent('办理\u0000许可')],
      ['x-purpose', encodeURIComponent('长'.repeat(201))],
      ['x-purpose', '%E4%B8'],
      ['x-request-id', 'r'.repeat(65)],
      ['x-request-id', 'bad id with spaces'],
    ]) {
      const result = await graphql(query, {}, { ...headers, [header]: value });
      expect([
        header,
        result.status,
        result.errors?.[0]?.extensions?.code,
        result.errors?.[0]?.extensions?.header,
      ]).toEqual([header, 400, 'BAD_USER_INPUT', header]);
      expect(result.data ?? null).toBeNull();
    }
  });

  it('answers a mutation whose audit cannot be written with its write kept and its audited values withheld', async () => {
    const databaseUrl = systemDatabaseUrl();
    const requestId = `audit-blocked-${randomUUID()}`;
    // The log refuses this one request's rows, as a full disk or a broken constraint would.
    await runSql(
      databaseUrl,
      `alter table subjects.audit_event add constraint adversarial_block check (request_id not like 'audit-blocked-%') not valid`,
    );
    try {
      const input = {
        uscc: unlisted.uscc,
        list: 'WATCH',
        reason: '测试事由',
        basis: '《测试办法》第一条',
        decisionNo: `审计测试〔2026〕${randomUUID().slice(0, 8)}号`,
        decidedAt: '2026-10-01',
      };
      const mutation =
        'mutation($input: ListEntryInput!) { proposeListEntry(input: $input) { id status history { action } subject { id registeredAddress legalRepresentative { name idNumber } } } }';
      const headers = await as('department');
      const first = await graphql<{
        proposeListEntry: { id: string; status: string; history: unknown; subject: unknown } | null;
      }>(mutation, { input }, { ...headers, 'x-request-id': requestId });
      expect(first.errors?.filter((e) => e.extensions?.code !== 'AUDIT_UNAVAILABLE')).toEqual([]);
      const entry = expectPartialData(first).proposeListEntry!;
      expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(entry.status).toBe('DESIGNATED');
      expect(entry.history).toBeNull();
      expect(entry.subject).toEqual({ id: unlisted.id, registeredAddress: null, legalRepresentative: null });
      const withheld = first.errors!.filter((e) => e.extensions?.code === 'AUDIT_UNAVAILABLE').map((e) => e.path);
      expect(withheld).toEqual(
        expect.arrayContaining([
          ['proposeListEntry', 'history'],
          ['proposeListEntry', 'subject', 'registeredAddress'],
          ['proposeListEntry', 'subject', 'legalRepresentative'],
        ]),
      );
      // The write happened: retrying (a no-op that returns the same entry) with a good request id answers everything, audited.
      const retryId = randomUUID();
      const retry = await graphql<{ proposeListEntry: { id: string; subject: { id: string } } }>(
        mutation,
        { input },
        { ...headers, 'x-request-id': retryId },
      );
      expect(retry.errors).toBeUndefined();
      expect(expectData(retry).proposeListEntry.id).toBe(entry.id);
      expect((await auditRowsOf(retryId)).map((r) => r.subjectId)).toContain(unlisted.id);
      expect(await auditRowsOf(requestId)).toEqual([]);
    } finally {
      await runSql(databaseUrl, 'alter table subjects.audit_event drop constraint adversarial_block');
    }
  });
});

/** The gateway itself, as it writes the audit log. */
const GATEWAY_AUDITOR: Principal = {
  sub: GATEWAY_SERVICE_SUB,
  name: '共享网关',
  org: null,
  roles: [],
  scopes: ['audit:write'],
  authenticated: true,
};

describe('adversarial: forged audit rows and scopes', () => {
  const record =
    'mutation { recordAuditEvents(batches: [{ principalSub: "someone-else", principalName: "x", roles: [], requestId: "forged", reads: { fieldsClass: [PROFILE], subjectId: [null], uscc: [null], purpose: [null] } }]) }';

  it('has no audit-writing field in the public graph, whatever the token claims', async () => {
    for (const headers of [
      {},
      await as('credit_office'),
      { authorization: `Bearer ${await tokenFor('credit_office', { scope: 'audit:write' })}` },
    ]) {
      const result = await graphql(record, {}, headers);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('writes audit rows at the subgraph only for the gateway’s own identity', async () => {
    const call = (principal: Principal) =>
      asSubgraph<{ recordAuditEvents: number | null }>('subjects', principal, record);
    // A principal that somehow carries audit:write (a gateway bug) is still not the gateway.
    const impostor = await call({
      sub: 'test-credit_office',
      name: 'x',
      org: 'gusu.xyb',
      roles: ['credit_office'],
      scopes: ['audit:write'],
      authenticated: true,
    });
    expect(impostor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const gateway = await call(GATEWAY_AUDITOR);
    expect(gateway.data?.recordAuditEvents).toBe(1);
  });

  it('refuses reads whose columns differ in length, naming the column, and writes none of the call', async () => {
    const requestId = `uneven-${randomUUID()}`;
    const uneven = `mutation { recordAuditEvents(batches: [
      { principalSub: "${GATEWAY_SERVICE_SUB}", principalName: "x", roles: [], requestId: "${requestId}",
        reads: { fieldsClass: [PROFILE], subjectId: [null], uscc: [null], purpose: [null] } },
      { principalSub: "${GATEWAY_SERVICE_SUB}", principalName: "x", roles: [], requestId: "${requestId}",
        reads: { fieldsClass: [PROFILE, PII], subjectId: [null, null], uscc: [null], purpose: [null, null] } }]) }`;
    const result = await asSubgraph<{ recordAuditEvents: number | null }>('subjects', GATEWAY_AUDITOR, uneven);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'batches[1].reads.uscc' });
    const [row] = await runSql(
      systemDatabaseUrl(),
      'select count(*)::int as n from subjects.audit_event where request_id = $1',
      [requestId],
    );
    expect(row.n).toBe(0);
  });

  it('takes nothing but the key from a representation: forged list entries do not reach creditStatus', async () => {
    const [clean] = await runSql(
      systemDatabaseUrl(),
      `select si.id from sanctions.subject_index si
        where not exists (select 1 from sanctions.list_entry e where e.subject_id = si.id) limit 1`,
    );
    const forged = { list: 'BLACK', status: 'PUBLISHED', validFrom: null, validUntil: null };
    const representation = { __typename: 'Subject', id: clean.id, entries: [forged] };
    const answer = await asSubgraph<{ _entities: { creditStatus: string }[] }>(
      'sanctions',
      {
        sub: 'test-credit_office',
        name: 'x',
        org: 'gusu.xyb',
        roles: ['credit_office'],
        scopes: ['credit:read'],
        authenticated: true,
      },
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Subject { creditStatus } } }',
      { r: [representation] },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities).toEqual([{ creditStatus: 'NORMAL' }]);
  });

  it('grants only what the roles allow, whatever scope the token claims', async () => {
    const subject = await graphql<{
      subjects: { nodes: { uscc: string; legalRepresentative: { idNumber: string | null } | null }[] };
    }>(
      '{ subjects(first: 50) { nodes { uscc legalRepresentative { idNumber } } } }',
      {},
      { authorization: `Bearer ${await tokenFor('hall', { scope: 'credit:pii audit:read lists:decide' })}` },
    );
    const numbers = expectData(subject)
      .subjects.nodes.map((n) => n.legalRepresentative?.idNumber)
      .filter((n): n is string => !!n);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((n) => n.includes('*'))).toBe(true);
    const audit = await graphql(
      '{ auditEvents(first: 1) { totalCount } }',
      {},
      { authorization: `Bearer ${await tokenFor('hall', { scope: 'audit:read' })}` },
    );
    expect(audit.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });
});

describe('adversarial: tokens', () => {
  const probe = '{ departments { code } }';

  it('refuses tokens that live too long, were issued in the future or name the gateway', async () => {
    const cases: [string, string][] = [
      ['exp in the year 3000', await rawToken({}, { exp: 32503680000 })],
      ['iat a year ahead', await rawToken({}, { iat: now() + 365 * 86400, exp: now() + 365 * 86400 + 600 })],
      ['13 hours', await rawToken({}, { iat: now(), exp: now() + 13 * 3600 })],
      ['nbf in an hour', await rawToken({}, { iat: now(), nbf: now() + 3600, exp: now() + 7200 })],
      [
        'sub of the gateway',
        await new SignJWT({ roles: ['analyst'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(GATEWAY_SERVICE_SUB)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(secret()),
      ],
      ['NUL in the name', await rawToken({ name: 'a\u0000b' }, { iat: now(), exp: now() + 600 })],
    ];
    for (const [label, token] of cases) {
      const result = await graphql(probe, {}, { authorization: `Bearer ${token}` });
      expect([label, result.status, result.errors?.[0]?.extensions?.code]).toEqual([label, 401, 'UNAUTHENTICATED']);
    }
    // Within the bounds: 11 h, and clocks 30 s apart.
    for (const token of [
      await rawToken({}, { iat: now(), exp: now() + 11 * 3600 }),
      await rawToken({}, { iat: now() + 30, exp: now() + 600 }),
    ]) {
      const result = await graphql(probe, {}, { authorization: `Bearer ${token}` });
      expect(result.errors).toBeUndefined();
    }
  });

  it('refuses a department token whose org is not a department of the directory, or that names none', async () => {
    for (const token of [
      await tokenFor('department', { org: 'gusu.nosuch' }),
      await rawToken({ roles: ['department'], org: undefined }, { iat: now(), exp: now() + 600 }),
    ]) {
      const started = Date.now();
      const result = await graphql(
        'mutation { reportPenalties(records: []) { accepted } }',
        {},
        { authorization: `Bearer ${token}` },
      );
      expect([result.status, result.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
      expect(result.data ?? null).toBeNull();
      expect(Date.now() - started).toBeLessThan(2000);
    }
    // An analyst has no department; naming an unknown one is refused too.
    expect(
      (await graphql(probe, {}, { authorization: `Bearer ${await tokenFor('analyst', { org: 'evil.org' })}` })).status,
    ).toBe(403);
    expect((await graphql(probe, {}, await as('analyst'))).errors).toBeUndefined();
  });
});
