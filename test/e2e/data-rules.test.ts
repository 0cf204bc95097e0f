import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { residentIdProblem } from '../../shared/identifiers/resident-id';
import { chinaToday } from '../support/dates';
import { expectData, expectPartialData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';

/** Data-dependent rules, enforced in the subgraph that owns the data. */
const HALL_PROFILE = readFileSync(join(__dirname, '..', 'operations', 'hall-profile.graphql'), 'utf8');
const today = chinaToday();

interface Entry {
  list: string;
  status: string;
  validUntil: string | null;
}

async function watchListedUscc(): Promise<string> {
  const result = await graphql<{
    subjects: { nodes: { uscc: string | null; listEntries: Entry[] }[]; pageInfo: { endCursor: string } };
  }>(
    '{ subjects(first: 100) { nodes { uscc listEntries { list status validUntil } } pageInfo { endCursor } } }',
    {},
    await as('credit_office'),
  );
  let after: string | null = expectData(result).subjects.pageInfo.endCursor;
  let nodes = expectData(result).subjects.nodes;
  for (let page = 0; page < 20; page += 1) {
    const found = nodes.find(
      (n) => n.uscc && n.listEntries.some((e) => e.list === 'WATCH' && e.status === 'PUBLISHED'),
    );
    if (found) return found.uscc!;
    const next: { data?: { subjects: { nodes: typeof nodes; pageInfo: { endCursor: string } } } | null } =
      await graphql(
        'query($after: String) { subjects(first: 100, after: $after) { nodes { uscc listEntries { list status validUntil } } pageInfo { endCursor } } }',
        { after },
        await as('credit_office'),
      );
    nodes = expectData(next).subjects.nodes;
    after = expectData(next).subjects.pageInfo.endCursor;
  }
  throw new Error('no subject on the watch list in the demo data');
}

async function blackListedUscc(): Promise<string> {
  const result = await graphql<{ publishedList: { nodes: { subject: { uscc: string } }[] } }>(
    '{ publishedList(list: BLACK, first: 1) { nodes { subject { uscc } } } }',
  );
  return expectData(result).publishedList.nodes[0].subject.uscc;
}

describe('data-dependent rules', () => {
  it('masks the ID number for the hall and shows it whole to the credit office', async () => {
    const uscc = await blackListedUscc();
    const hall = await graphql<{ subject: { legalRepresentative: { idNumber: string } } }>(
      HALL_PROFILE,
      { uscc, scenario: 'BIDDING' },
      await as('hall'),
    );
    expect(expectData(hall).subject.legalRepresentative.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const office = await graphql<{ subject: { legalRepresentative: { idNumber: string } } }>(
      HALL_PROFILE,
      { uscc, scenario: 'BIDDING' },
      await as('credit_office'),
    );
    const whole = expectData(office).subject.legalRepresentative.idNumber;
    expect(residentIdProblem(whole)).toBeNull();
    expect(expectData(hall).subject.legalRepresentative.idNumber).toBe(
      `${whole.slice(0, 6)}********${whole.slice(-4)}`,
    );
  });

  it('gives the public the public part of HallProfile and one error per protected path', async () => {
    const uscc = await blackListedUscc();
    const result = await graphql<{ subject: Record<string, unknown>; screen: unknown }>(HALL_PROFILE, {
      uscc,
      scenario: 'BIDDING',
    });
    expect(expectPartialData(result).subject).toMatchObject({
      uscc,
      registeredAddress: null,
      legalRepresentative: null,
      creditStatus: null,
      repairCases: null,
    });
    expect(expectPartialData(result).subject.name).toBeTruthy();
    expect(expectPartialData(result).screen).toBeNull();
    expect(result.errors!.map((e) => [e.extensions?.code, e.path?.join('.')]).sort()).toEqual(
      [
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'screen'],
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'subject.creditEvaluation'],
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'subject.creditStatus'],
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'subject.legalRepresentative'],
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'subject.registeredAddress'],
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'subject.repairCases'],
        ['UNAUTHORIZED_FIELD_OR_TYPE', 'subject.supervision'],
      ].sort(),
    );
  });

  it('keeps an allowed selection when another selection under the same key is emptied', async () => {
    const uscc = await blackListedUscc();
    const result = await graphql<{ s: { name: string; registeredAddress: string | null } }>(
      `{ s: subject(uscc: "${uscc}") { name } s: subject(uscc: "${uscc}") { registeredAddress } }`,
    );
    expect(expectPartialData(result).s.name).toBeTruthy();
    expect(expectPartialData(result).s.registeredAddress).toBeNull();
    expect(result.errors!.map((e) => e.path)).toEqual([['s', 'registeredAddress']]);
  });

  it('hides watch-list entries from the public', async () => {
    const uscc = await watchListedUscc();
    const query = `{ subject(uscc: "${uscc}") { listEntries { list status validUntil } } }`;
    const office = await graphql<{ subject: { listEntries: Entry[] } }>(query, {}, await as('credit_office'));
    const anonymous = await graphql<{ subject: { listEntries: Entry[] } }>(query);
    expect(expectData(office).subject.listEntries.some((e) => e.list === 'WATCH')).toBe(true);
    expect(
      expectData(anonymous).subject.listEntries.every(
        (e) => e.list !== 'WATCH' && e.status === 'PUBLISHED' && (e.validUntil === null || e.validUntil >= today),
      ),
    ).toBe(true);
  });

  it('shows the public only penalties within their publicity period', async () => {
    const query =
      '{ subjects(first: 100) { nodes { penalties(first: 50) { totalCount nodes { publicityEndsAt } } } } }';
    type Result = {
      subjects: { nodes: { penalties: { totalCount: number; nodes: { publicityEndsAt: string }[] } }[] };
    };
    const anonymous = await graphql<Result>(query);
    const office = await graphql<Result>(query, {}, await as('credit_office'));
    const count = (r: Result) => r.subjects.nodes.reduce((n, s) => n + s.penalties.totalCount, 0);
    const publicDates = expectData(anonymous).subjects.nodes.flatMap((s) =>
      s.penalties.nodes.map((p) => p.publicityEndsAt),
    );
    expect(publicDates.length).toBeGreaterThan(0);
    expect(publicDates.every((date) => date >= today)).toBe(true);
    expect(count(expectData(office))).toBeGreaterThan(count(expectData(anonymous)));
  });

  it('shows a department the internal fields of its own records only', async () => {
    const query =
      '{ subjects(first: 100) { nodes { licenses(first: 20) { nodes { authority { code } reportedAt } } } } }';
    type Result = {
      subjects: { nodes: { licenses: { nodes: { authority: { code: string }; reportedAt: string | null }[] } }[] };
    };
    const records = (r: Result) => r.subjects.nodes.flatMap((s) => s.licenses.nodes);
    const department = records(expectData(await graphql<Result>(query, {}, await as('department'))));
    const own = department.filter((r) => r.authority.code === 'gusu.scjgj');
    const others = department.filter((r) => r.authority.code !== 'gusu.scjgj');
    expect(own.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    expect(own.every((r) => r.reportedAt !== null)).toBe(true);
    expect(others.every((r) => r.reportedAt === null)).toBe(true);
    const office = records(expectData(await graphql<Result>(query, {}, await as('credit_office'))));
    expect(office.every((r) => r.reportedAt !== null)).toBe(true);
  });

  it('shows the public only publicized commitments', async () => {
    const query = '{ subjects(first: 100) { nodes { commitments { id } } } }';
    type Result = { subjects: { nodes: { commitments: { id: string }[] }[] } };
    const total = (r: Result) => r.subjects.nodes.reduce((n, s) => n + s.commitments.length, 0);
    const anonymous = total(expectData(await graphql<Result>(query)));
    const office = total(expectData(await graphql<Result>(query, {}, await as('credit_office'))));
    expect(anonymous).toBeGreaterThan(0);
    expect(office).toBeGreaterThan(anonymous);
  });
});

describe('repaired penalties (终止公示、停止共享)', () => {
  it('are seen only by the reporting department and the credit office', async () => {
    type Penalty = { id: string; repairedAt: string | null; authority: { code: string } };
    type Result = {
      subjects: { nodes: { uscc: string; penalties: { nodes: Penalty[] } }[]; pageInfo: { endCursor: string } };
    };
    const query =
      'query($after: String) { subjects(first: 100, after: $after) { nodes { uscc penalties(first: 50) { nodes { id repairedAt authority { code } } } } pageInfo { endCursor } } }';
    let after: string | null = null;
    let found: { uscc: string; penalty: Penalty } | undefined;
    for (let page = 0; page < 20 && !found; page += 1) {
      const result: { data?: Result | null } = await graphql<Result>(query, { after }, await as('credit_office'));
      for (const subject of expectData(result).subjects.nodes) {
        const penalty = subject.penalties.nodes.find((p) => p.repairedAt !== null);
        if (penalty && !found) found = { uscc: subject.uscc, penalty };
      }
      after = expectData(result).subjects.pageInfo.endCursor;
    }
    expect(found).toBeDefined();
    const { uscc, penalty } = found!;
    const ids = async (headers: Record<string, string>) => {
      const result = await graphql<{ subject: { penalties: { nodes: { id: string }[] } } }>(
        `{ subject(uscc: "${uscc}") { penalties(first: 50) { nodes { id } } } }`,
        {},
        headers,
      );
      return expectData(result).subject.penalties.nodes.map((p) => p.id);
    };
    const reporter = { authorization: `Bearer ${await tokenFor('department', { org: penalty.authority.code })}` };
    const otherDepartment = {
      authorization: `Bearer ${await tokenFor('department', { org: penalty.authority.code === 'gusu.zjw' ? 'gusu.fgj' : 'gusu.zjw' })}`,
    };
    expect(await ids(reporter)).toContain(penalty.id);
    expect(await ids(await as('credit_office'))).toContain(penalty.id);
    expect(await ids(otherDepartment)).not.toContain(penalty.id);
    expect(await ids(await as('hall'))).not.toContain(penalty.id);
    expect(await ids({})).not.toContain(penalty.id);
  });
});
