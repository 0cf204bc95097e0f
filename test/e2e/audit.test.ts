import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import { as } from '../support/tokens';

/** Every profile read, PII read and screening by an authenticated principal lands in the audit log. */
const HALL_PROFILE = readFileSync(join(__dirname, '..', 'operations', 'hall-profile.graphql'), 'utf8');

interface AuditEvent {
  principalSub: string;
  org: string | null;
  roles: string[];
  fieldsClass: string;
  subjectId: string | null;
  uscc: string | null;
  purpose: string | null;
  requestId: string;
  operationName: string | null;
}

async function eventsOf(requestId: string): Promise<AuditEvent[]> {
  const result = await graphql<{ auditEvents: { nodes: AuditEvent[] } }>(
    'query($requestId: String!) { auditEvents(first: 100, filter: { requestId: $requestId }) { nodes { principalSub org roles fieldsClass subjectId uscc purpose requestId operationName } } }',
    { requestId },
    await as('credit_office'),
  );
  expect(result.errors).toBeUndefined();
  return expectData(result).auditEvents.nodes;
}

async function demoSubject(): Promise<{ id: string; uscc: string }> {
  const result = await graphql<{ publishedList: { nodes: { subject: { id: string; uscc: string } }[] } }>(
    '{ publishedList(list: BLACK, first: 1) { nodes { subject { id uscc } } } }',
  );
  return expectData(result).publishedList.nodes[0].subject;
}

describe('audit', () => {
  it('records a hall profile read with who, where, which subject, why and which request', async () => {
    const subject = await demoSubject();
    const requestId = randomUUID();
    const headers = {
      ...(await as('hall')),
      'x-request-id': requestId,
      'x-purpose': encodeURIComponent('办理食品经营许可 BJ-2026-0042'),
    };
    const read = await graphql(HALL_PROFILE, { uscc: subject.uscc, scenario: 'ADMINISTRATIVE_LICENSING' }, headers);
    expect(read.errors).toBeUndefined();
    const events = await eventsOf(requestId);
    expect(events).toEqual(
      expect.arrayContaining([
        {
          principalSub: 'test-hall',
          org: 'gusu.xzspj',
          roles: ['hall'],
          fieldsClass: 'PROFILE',
          subjectId: subject.id,
          uscc: null,
          purpose: '办理食品经营许可 BJ-2026-0042',
          requestId,
          operationName: 'HallProfile',
        },
        expect.objectContaining({ fieldsClass: 'SCREENING', uscc: subject.uscc, principalSub: 'test-hall' }),
      ]),
    );
    // The hall sees the ID number masked: that is not a PII read.
    expect(events.map((e) => e.fieldsClass).sort()).toEqual(['PROFILE', 'SCREENING']);
  });

  it('records the credit office reading the whole ID number as a PII read', async () => {
    const subject = await demoSubject();
    const requestId = randomUUID();
    await graphql(
      `{ subject(id: "${subject.id}") { legalRepresentative { idNumber } } }`,
      {},
      { ...(await as('credit_office')), 'x-request-id': requestId },
    );
    expect((await eventsOf(requestId)).map((e) => [e.fieldsClass, e.subjectId]).sort()).toEqual([
      ['PII', subject.id],
      ['PROFILE', subject.id],
    ]);
  });

  it('records a PII read even when another selection of the same subject shares its response key', async () => {
    const subject = await demoSubject();
    const requestId = randomUUID();
    await graphql(
      `{ subject(uscc: "${subject.uscc}") { registeredAddress } subject(uscc: "${subject.uscc}") { legalRepresentative { idNumber } } }`,
      {},
      { ...(await as('credit_office')), 'x-request-id': requestId },
    );
    expect((await eventsOf(requestId)).map((e) => e.fieldsClass).sort()).toEqual(['PII', 'PROFILE']);
  });

  it('records every code of a screening, with its reference as the purpose, in one batch', async () => {
    const subject = await demoSubject();
    const requestId = randomUUID();
    const codes = [subject.uscc, '9144030071526726XG', 'NOT-A-CODE'];
    const result = await graphql(
      'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING, reference: "ZB-2026-118") { verdict } }',
      { u: codes },
      { ...(await as('department')), 'x-request-id': requestId },
    );
    expect(result.errors).toBeUndefined();
    const events = await eventsOf(requestId);
    expect(events.map((e) => [e.fieldsClass, e.uscc, e.purpose, e.org]).sort()).toEqual(
      codes.map((uscc) => ['SCREENING', uscc, 'ZB-2026-118', 'gusu.scjgj']).sort(),
    );
  });

  it('records nothing for the public, and nothing for a refused screening', async () => {
    const subject = await demoSubject();
    const anonymous = randomUUID();
    await graphql(HALL_PROFILE, { uscc: subject.uscc, scenario: 'BIDDING' }, { 'x-request-id': anonymous });
    expect(await eventsOf(anonymous)).toEqual([]);
    const refused = randomUUID();
    const result = await graphql(
      'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING) { verdict } }',
      { u: Array(10_001).fill(subject.uscc) },
      {
        ...(await as('department')),
        'x-request-id': refused,
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await eventsOf(refused)).toEqual([]);
  });
});
