import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { residentIdProblem } from '../../shared/identifiers/resident-id';
import { graphql } from '../support/gateway';
import { as } from '../support/tokens';

/** Data-dependent rules, enforced in the subgraph that owns the data. */
const HALL_PROFILE = readFileSync(join(__dirname, '..', 'operations', 'hall-profile.graphql'), 'utf8');
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

interface Entry {
  list: string;
  status: string;
  validUntil: string | null;
}

async function watchListedUscc(): Promise<string> {
  const result = await graphql<{ subjects: { nodes: { uscc: string | null; listEntries: Entry[] }[]; pageInfo: { endCursor: string } } }>(
    '{ subjects(first: 100) { nodes { uscc listEntries { list status validUntil } } pageInfo { endCursor } } }',
    {},
    await as('credit_office'),
  );
  let after: string | null = result.data!.subjects.pageInfo.endCursor;
  let nodes = result.data!.subjects.nodes;
  for (let page = 0; page < 20; page += 1) {
    const found = nodes.find((n) => n.uscc && n.listEntries.some((e) => e.list === 'WATCH' && e.status === 'PUBLISHED'));
    if (found) return found.uscc!;
    const next: { data?: { subjects: { nodes: typeof nodes; pageInfo: { endCursor: string } } } | null } = await graphql(
      'query($after: String) { subjects(first: 100, after: $after) { nodes { uscc listEntries { list status validUntil } } pageInfo { endCursor } } }',
      { after },
      await as('credit_office'),
    );
    nodes = next.data!.subjects.nodes;
    after = next.data!.subjects.pageInfo.endCursor;
  }
  throw new Error('no subject on the watch list in the demo data');
}

async function blackListedUscc(): Promise<string> {
  const result = await graphql<{ publishedList: { nodes: { subject: { uscc: string } }[] } }>('{ publishedList(list: BLACK, first: 1) { nodes { subject { uscc } } } }');
  return result.data!.publishedList.nodes[0].subject.uscc;
}

describe('data-dependent rules', () => {
  it('masks the ID number for the hall and shows it whole to the credit office', async () => {
    const uscc = await blackListedUscc();
    const hall = await graphql<{ subject: { legalRepresentative: { idNumber: string } } }>(HALL_PROFILE, { uscc, scenario: 'BIDDING' }, await as('hall'));
    expect(hall.data!.subject.legalRepresentative.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const office = await graphql<{ subject: { legalRepresentative: { idNumber: string } } }>(HALL_PROFILE, { uscc, scenario: 'BIDDING' }, await as('credit_office'));
    const whole = office.data!.subject.legalRepresentative.idNumber;
    expect(residentIdProblem(whole)).toBeNull();
    expect(hall.data!.subject.legalRepresentative.idNumber).toBe(`${whole.slice(0, 6)}********${whole.slice(-4)}`);
  });

  it('gives the public the public part of HallProfile and one error per protected path', async () => {
    const uscc = await blackListedUscc();
    const result = await graphql<{ subject: Record<string, unknown>; screen: unknown }>(HALL_PROFILE, { uscc, scenario: 'BIDDING' });
    expect(result.data!.subject).toMatchObject({ uscc, registeredAddress: null, legalRepresentative: null, creditStatus: null, repairCases: null });
    expect(result.data!.subject.name).toBeTruthy();
    expect(result.data!.screen).toBeNull();
    expect(result.errors!.map((e) => [e.extensions?.code, e.path?.join('.')]).sort()).toEqual(
      [
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'screen'],
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'subject.creditStatus'],
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'subject.legalRepresentative'],
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'subject.registeredAddress'],
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'subject.repairCases'],
      ].sort(),
    );
  });

  it('hides watch-list entries from the public', async () => {
    const uscc = await watchListedUscc();
    const query = `{ subject(uscc: "${uscc}") { listEntries { list status validUntil } } }`;
    const office = await graphql<{ subject: { listEntries: Entry[] } }>(query, {}, await as('credit_office'));
    const anonymous = await graphql<{ subject: { listEntries: Entry[] } }>(query);
    expect(office.data!.subject.listEntries.some((e) => e.list === 'WATCH')).toBe(true);
    expect(anonymous.data!.subject.listEntries.every((e) => e.list !== 'WATCH' && e.status === 'PUBLISHED' && (e.validUntil === null || e.validUntil >= today))).toBe(true);
  });

  it('shows the public only penalties within their publicity period', async () => {
    const query = '{ subjects(first: 100) { nodes { penalties(first: 50) { totalCount nodes { publicityEndsAt } } } } }';
    type Result = { subjects: { nodes: { penalties: { totalCount: number; nodes: { publicityEndsAt: string }[] } }[] } };
    const anonymous = await graphql<Result>(query);
    const office = await graphql<Result>(query, {}, await as('credit_office'));
    const count = (r: Result) => r.subjects.nodes.reduce((n, s) => n + s.penalties.totalCount, 0);
    const publicDates = anonymous.data!.subjects.nodes.flatMap((s) => s.penalties.nodes.map((p) => p.publicityEndsAt));
    expect(publicDates.length).toBeGreaterThan(0);
    expect(publicDates.every((date) => date >= today)).toBe(true);
    expect(count(office.data!)).toBeGreaterThan(count(anonymous.data!));
  });

  it('shows a department the internal fields of its own records only', async () => {
    const query = '{ subjects(first: 100) { nodes { licenses(first: 20) { nodes { authority { code } reportedAt } } } } }';
    type Result = { subjects: { nodes: { licenses: { nodes: { authority: { code: string }; reportedAt: string | null }[] } }[] } };
    const records = (r: Result) => r.subjects.nodes.flatMap((s) => s.licenses.nodes);
    const department = records((await graphql<Result>(query, {}, await as('department'))).data!);
    const own = department.filter((r) => r.authority.code === 'gusu.scjgj');
    const others = department.filter((r) => r.authority.code !== 'gusu.scjgj');
    expect(own.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    expect(own.every((r) => r.reportedAt !== null)).toBe(true);
    expect(others.every((r) => r.reportedAt === null)).toBe(true);
    const office = records((await graphql<Result>(query, {}, await as('credit_office'))).data!);
    expect(office.every((r) => r.reportedAt !== null)).toBe(true);
  });

  it('shows the public only publicized commitments', async () => {
    const query = '{ subjects(first: 100) { nodes { commitments { id } } } }';
    type Result = { subjects: { nodes: { commitments: { id: string }[] }[] } };
    const total = (r: Result) => r.subjects.nodes.reduce((n, s) => n + s.commitments.length, 0);
    const anonymous = total((await graphql<Result>(query)).data!);
    const office = total((await graphql<Result>(query, {}, await as('credit_office'))).data!);
    expect(anonymous).toBeGreaterThan(0);
    expect(office).toBeGreaterThan(anonymous);
  });
});
